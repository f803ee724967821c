package dev.keycard.engine;

import com.google.re2j.Pattern;
import java.lang.reflect.Field;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.mvel2.Operator;
import org.mvel2.ast.ASTNode;
import org.mvel2.ast.And;
import org.mvel2.ast.BinaryOperation;
import org.mvel2.ast.Fold;
import org.mvel2.ast.Negation;
import org.mvel2.ast.Or;
import org.mvel2.ast.Substatement;
import org.mvel2.compiler.CompiledExpression;
import org.mvel2.compiler.ExecutableAccessor;
import org.mvel2.compiler.ExecutableStatement;
import org.mvel2.util.ParseTools;

/**
 * Layer 4: reads the tree MVEL compiled from the emitted text back into the notation of {@link
 * Emitter#shape}, so that the gate can hold it node for node against its own checked tree. Only
 * node classes it positively knows are read (exactly these classes, no subclasses); anything else
 * — an inline collection, {@code new}, an assignment, {@code with}, a function, a literal, a
 * class reference, any node type not listed — is a mismatch. A call's arguments, which MVEL
 * compiles only when the call first runs, are compiled here from the same text with the same
 * locked context and read the same way, so no part of the text escapes the comparison.
 */
final class TreeMatcher {
  /** The compiled tree does not have the shape the gate expects. */
  static final class Mismatch extends Exception {
    private static final long serialVersionUID = 1L;

    Mismatch(String message) {
      super(message, null, false, false);
    }
  }

  /** A leaf MVEL resolves at run time from text: a root, a slot, or catalogue field lookups. */
  private static final Pattern ATOM =
      Pattern.compile("(c|item|\\$|__k[0-9]+)(\\['[a-z][a-z0-9_]*'\\])*");

  /** A call of one of Keycard's functions; its name is checked against the imports. */
  private static final Pattern CALL = Pattern.compile("(__kc_[A-Za-z0-9_]+)\\(.*\\)", Pattern.DOTALL);

  private static final int MAX_NODES = 4_000;

  private final Set<String> functions;
  private final Function<String, CompiledExpression> compiler;
  private int nodes;

  private TreeMatcher(Set<String> functions, Function<String, CompiledExpression> compiler) {
    this.functions = functions;
    this.compiler = compiler;
  }

  /**
   * The shape of {@code compiled}; {@code functions} are the names the locked context imports and
   * {@code compiler} compiles a call's argument text the way MVEL will when the call runs.
   */
  static String shape(
      CompiledExpression compiled,
      Set<String> functions,
      Function<String, CompiledExpression> compiler)
      throws Mismatch {
    return new TreeMatcher(functions, compiler).sequence(compiled.getFirstNode());
  }

  private String statement(ExecutableStatement s) throws Mismatch {
    if (s instanceof CompiledExpression ce) {
      return sequence(ce.getFirstNode());
    }
    if (s != null && s.getClass() == ExecutableAccessor.class) {
      ASTNode n = ((ExecutableAccessor) s).getNode();
      if (n == null || n.nextASTNode != null) {
        throw new Mismatch("an accessor holds more than one node");
      }
      return node(n);
    }
    throw new Mismatch(
        "statement type not allowed: " + (s == null ? "null" : s.getClass().getSimpleName()));
  }

  /** A statement's nodes: one node, or a conditional {@code a ? b : c}. */
  private String sequence(ASTNode first) throws Mismatch {
    if (first == null) {
      throw new Mismatch("empty statement");
    }
    if (first.nextASTNode == null) {
      return node(first);
    }
    ASTNode q = first.nextASTNode;
    ASTNode a = q.nextASTNode;
    ASTNode colon = a == null ? null : a.nextASTNode;
    ASTNode b = colon == null ? null : colon.nextASTNode;
    if (isOperator(q, Operator.TERNARY)
        && a != null
        && isOperator(colon, Operator.TERNARY_ELSE)
        && b != null
        && b.nextASTNode == null) {
      return "cond(" + node(first) + "," + node(a) + "," + node(b) + ")";
    }
    throw new Mismatch("a statement of several nodes that is not a conditional");
  }

  private static boolean isOperator(ASTNode n, int op) {
    return n != null
        && n.getClass().getSimpleName().equals("OperatorNode")
        && n.getOperator() == op;
  }

  private String node(ASTNode n) throws Mismatch {
    if (n == null) {
      throw new Mismatch("missing node");
    }
    if (++nodes > MAX_NODES) {
      throw new Mismatch("compiled tree too large");
    }
    Class<?> k = n.getClass();
    if (k == ASTNode.class) {
      return leaf(n);
    }
    if (k == Substatement.class) {
      return statement(((Substatement) n).getStatement());
    }
    if (k == BinaryOperation.class) {
      BinaryOperation b = (BinaryOperation) n;
      return "bin" + b.getOperation() + "(" + node(b.getLeft()) + "," + node(b.getRight()) + ")";
    }
    if (k == And.class) {
      And b = (And) n;
      return "and(" + node(b.getLeft()) + "," + node(b.getRight()) + ")";
    }
    if (k == Or.class) {
      Or b = (Or) n;
      return "or(" + node(b.getLeft()) + "," + node(b.getRight()) + ")";
    }
    if (k == Negation.class) {
      return "not(" + statement(((Negation) n).getStatement()) + ")";
    }
    if (k == Fold.class) {
      return "fold(" + foldPart(n, "subEx") + "," + foldPart(n, "dataEx") + ","
          + (foldField(n, "constraintEx") == null ? "-" : foldPart(n, "constraintEx")) + ")";
    }
    throw new Mismatch("node type not allowed: " + k.getSimpleName());
  }

  private String leaf(ASTNode n) throws Mismatch {
    if (n.isLiteral() || n.isFQCN() || n.isOperator()) {
      throw new Mismatch("a literal, class or operator where a name was expected");
    }
    String text = n.getName();
    if (text == null) {
      throw new Mismatch("a node without text");
    }
    if (ATOM.matcher(text).matches()) {
      return "atom(" + text + ")";
    }
    if (!CALL.matcher(text).matches()) {
      throw new Mismatch("unexpected text in the compiled tree: " + abbreviate(text));
    }
    char[] chars = text.toCharArray();
    int open = text.indexOf('(');
    String name = text.substring(0, open);
    if (!functions.contains(name)) {
      throw new Mismatch("call of an unknown function: " + name);
    }
    int close = ParseTools.balancedCapture(chars, open, '(');
    if (close != chars.length - 1) {
      throw new Mismatch("text after a call: " + abbreviate(text));
    }
    StringBuilder sb = new StringBuilder("call(").append(name);
    if (close - open > 1) {
      List<char[]> args = ParseTools.parseParameterList(text.substring(open + 1, close).toCharArray(), 0, -1);
      for (char[] a : args) {
        CompiledExpression arg = compiler.apply(new String(a));
        if (arg == null) {
          throw new Mismatch("an argument MVEL does not compile: " + abbreviate(new String(a)));
        }
        sb.append(';').append(sequence(arg.getFirstNode()));
      }
    }
    return sb.append(')').toString();
  }

  private String foldPart(ASTNode fold, String field) throws Mismatch {
    ExecutableStatement s = foldField(fold, field);
    if (s == null) {
      throw new Mismatch("a projection without its " + field);
    }
    return statement(s);
  }

  /** Fold keeps its element, list and filter statements private; read them reflectively. */
  private static ExecutableStatement foldField(ASTNode fold, String name) throws Mismatch {
    try {
      Field f = Fold.class.getDeclaredField(name);
      f.setAccessible(true);
      return (ExecutableStatement) f.get(fold);
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new Mismatch("cannot inspect a projection: " + e.getClass().getSimpleName());
    }
  }

  private static String abbreviate(String s) {
    return s.length() <= 80 ? s : s.substring(0, 77) + "...";
  }
}
