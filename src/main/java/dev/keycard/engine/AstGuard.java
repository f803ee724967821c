package dev.keycard.engine;

import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mvel2.ast.ASTNode;
import org.mvel2.ast.And;
import org.mvel2.ast.BinaryOperation;
import org.mvel2.ast.BooleanNode;
import org.mvel2.ast.Contains;
import org.mvel2.ast.Fold;
import org.mvel2.ast.InlineCollectionNode;
import org.mvel2.ast.IntAdd;
import org.mvel2.ast.IntDiv;
import org.mvel2.ast.IntMult;
import org.mvel2.ast.IntSub;
import org.mvel2.ast.LiteralNode;
import org.mvel2.ast.Negation;
import org.mvel2.ast.OperatorNode;
import org.mvel2.ast.Or;
import org.mvel2.ast.Sign;
import org.mvel2.ast.Substatement;
import org.mvel2.ast.Union;
import org.mvel2.compiler.CompiledExpression;
import org.mvel2.compiler.ExecutableAccessor;
import org.mvel2.compiler.ExecutableAccessorSafe;
import org.mvel2.compiler.ExecutableLiteral;
import org.mvel2.compiler.ExecutableStatement;

/**
 * Layer 4: walks the tree MVEL compiled from the canonical text and fails closed on any node class
 * outside the allow-list, any fully-qualified class reference, any class or member literal and any
 * name rooted elsewhere than the container, {@code $} or the gate's internal functions. It catches
 * the day the grammar and MVEL disagree (an assignment, {@code new}, a loop, a function).
 */
final class AstGuard {
  private static final Set<Class<?>> ALLOWED =
      Set.of(
          ASTNode.class,
          LiteralNode.class,
          BinaryOperation.class,
          And.class,
          Or.class,
          Negation.class,
          Substatement.class,
          Contains.class,
          Fold.class,
          Union.class,
          InlineCollectionNode.class,
          OperatorNode.class,
          IntAdd.class,
          IntSub.class,
          IntMult.class,
          IntDiv.class,
          Sign.class);

  private static final Pattern ROOT = Pattern.compile("^\\s*([A-Za-z_$][A-Za-z0-9_$]*)");
  private static final int MAX_NODES = 10_000;

  private final List<String> violations = new ArrayList<>();
  private final Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());

  private AstGuard() {}

  /** Problems found in {@code compiled}; empty when every node is allowed. */
  static List<String> check(CompiledExpression compiled) {
    AstGuard g = new AstGuard();
    g.node(compiled.getFirstNode());
    return g.violations;
  }

  private void statement(ExecutableStatement s) {
    if (s == null || !seen.add(s)) {
      return;
    }
    if (s instanceof CompiledExpression ce) {
      node(ce.getFirstNode());
    } else if (s instanceof ExecutableAccessor ea) {
      node(ea.getNode());
    } else if (s instanceof ExecutableAccessorSafe eas) {
      node(eas.getNode());
    } else if (s instanceof ExecutableLiteral el) {
      literal(el.getLiteral());
    } else {
      violations.add("statement type not allowed: " + s.getClass().getName());
    }
  }

  private void node(ASTNode first) {
    for (ASTNode n = first; n != null; n = n.nextASTNode) {
      if (!seen.add(n)) {
        return;
      }
      if (seen.size() > MAX_NODES) {
        violations.add("compiled tree too large");
        return;
      }
      if (!ALLOWED.contains(n.getClass())) {
        violations.add("node type not allowed: " + n.getClass().getSimpleName());
        continue;
      }
      if (n.isFQCN()) {
        violations.add("class reference not allowed: " + n.getName());
      }
      if (n instanceof LiteralNode) {
        literal(n.getLiteralValue());
      }
      if (n.getClass() == ASTNode.class) {
        root(n.getName());
      }
      children(n);
    }
  }

  private void children(ASTNode n) {
    if (n instanceof BooleanNode b) {
      node(b.getLeft());
      node(b.getRight());
    } else if (n instanceof Substatement s) {
      statement(s.getStatement());
    } else if (n instanceof Negation neg) {
      statement(neg.getStatement());
    } else if (n instanceof Sign sign) {
      statement(sign.getStatement());
    } else if (n instanceof Contains c) {
      node(c.getFirstStatement());
      node(c.getSecondStatement());
    } else if (n instanceof Union u) {
      node(u.getMain());
    } else if (n instanceof Fold) {
      foldParts(n);
    }
  }

  /** Fold keeps its element, list and filter statements private; read them reflectively. */
  private void foldParts(ASTNode fold) {
    for (Field f : Fold.class.getDeclaredFields()) {
      if (ExecutableStatement.class.isAssignableFrom(f.getType())) {
        try {
          f.setAccessible(true);
          statement((ExecutableStatement) f.get(fold));
        } catch (ReflectiveOperationException | RuntimeException e) {
          violations.add("cannot inspect projection: " + e);
        }
      }
    }
  }

  private void literal(Object value) {
    if (value instanceof Class<?> || value instanceof Member) {
      violations.add("class or member literal not allowed: " + value);
    }
  }

  private void root(String name) {
    if (name == null) {
      return;
    }
    Matcher m = ROOT.matcher(name);
    if (m.find()) {
      String root = m.group(1);
      boolean ok =
          root.equals(Parser.INPUT)
              || root.equals(Parser.ITEM)
              || root.equals("$")
              || root.startsWith("__kc_")
              || root.equals("true")
              || root.equals("false")
              || root.equals("null");
      if (!ok) {
        violations.add("name not allowed: " + root);
      }
    }
  }
}
