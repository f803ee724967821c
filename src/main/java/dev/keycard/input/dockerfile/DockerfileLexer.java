package dev.keycard.input.dockerfile;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import dev.keycard.input.common.LineBreaks;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits a Dockerfile into instructions as BuildKit's parser does: parser directives ({@code #
 * escape=`}) only before anything else; a line ending in the escape char continues on the next
 * line; comment lines and blank lines inside a continuation are dropped; the bodies of heredocs
 * ({@code RUN <<EOF ... EOF}) are skipped, so nothing in them is read as an instruction.
 */
final class DockerfileLexer {
  private static final Pattern DIRECTIVE =
      Pattern.compile(
          // RE2J: java.util.regex took O(n^2) steps on "# a=x", 50,000 blanks, "x" (12 s); its \s
          // and its . are spelt out
          "^WS*#WS*([a-zA-Z][a-zA-Z0-9_-]*)WS*=WS*(DOT*?)WS*$"
              .replace("WS", "[ \\t\\n\\x0B\\f\\r]")
              .replace("DOT", "[^\\n\\r\\x{85}\\x{2028}\\x{2029}]"));

  /** {@code <<EOF}, {@code <<-"EOF"}, {@code <<'EOF'}: the quotes must pair (RE2 has no backreferences). */
  private static final Pattern HEREDOC =
      Pattern.compile(
          "<<(-?)(?:\"([A-Za-z0-9_.-]+)\"|'([A-Za-z0-9_.-]+)'|([A-Za-z0-9_.-]+))");
  private static final Set<String> HEREDOC_INSTRUCTIONS = Set.of("RUN", "COPY", "ADD");

  private final String text;
  private char escape = '\\';
  private int pos;

  private DockerfileLexer(String text) {
    this.text = text;
  }

  /** The instructions of a Dockerfile and the escape char its directives chose. */
  record Lexed(List<Instruction> instructions, char escape) {}

  static Lexed lex(String text) {
    DockerfileLexer lexer = new DockerfileLexer(text);
    List<Instruction> instructions = lexer.instructions();
    return new Lexed(List.copyOf(instructions), lexer.escape);
  }

  private List<Instruction> instructions() {
    directives();
    List<Instruction> out = new ArrayList<>();
    while (pos < text.length()) {
      int end = lineEnd(pos);
      String line = text.substring(pos, end);
      if (isBlankOrComment(line)) {
        pos = next(end);
        continue;
      }
      Instruction ins = instruction();
      if (ins != null) {
        out.add(ins);
        if (HEREDOC_INSTRUCTIONS.contains(ins.keyword())) {
          skipHeredocs(ins.args());
        }
      }
    }
    return out;
  }

  /** Reads directives at the top; the first line that is not one ends them. */
  private void directives() {
    while (pos < text.length()) {
      int end = lineEnd(pos);
      Matcher m = DIRECTIVE.matcher(text.substring(pos, end));
      if (!m.matches()) {
        return;
      }
      if (m.group(1).toLowerCase(Locale.ROOT).equals("escape")
          && (m.group(2).equals("`") || m.group(2).equals("\\"))) {
        escape = m.group(2).charAt(0);
      }
      pos = next(end);
    }
  }

  /** Joins one logical line starting at {@code pos} and moves past it. */
  private Instruction instruction() {
    StringBuilder sb = new StringBuilder();
    List<Integer> offsets = new ArrayList<>();
    while (true) {
      int end = lineEnd(pos);
      int last = end - 1;
      while (last >= pos && Character.isWhitespace(text.charAt(last))) {
        last--;
      }
      boolean continued = last >= pos && text.charAt(last) == escape;
      int contentEnd = continued ? last : end;
      for (int i = pos; i < contentEnd; i++) {
        sb.append(text.charAt(i));
        offsets.add(i);
      }
      pos = next(end);
      if (!continued) {
        break;
      }
      skipBlankAndCommentLines();
      if (pos >= text.length()) {
        break;
      }
    }
    return split(sb, offsets);
  }

  private static Instruction split(StringBuilder sb, List<Integer> offsets) {
    int i = 0;
    while (i < sb.length() && Character.isWhitespace(sb.charAt(i))) {
      i++;
    }
    int k = i;
    while (k < sb.length() && !Character.isWhitespace(sb.charAt(k))) {
      k++;
    }
    if (k == i) {
      return null;
    }
    String keyword = sb.substring(i, k).toUpperCase(Locale.ROOT);
    int a = k;
    while (a < sb.length() && Character.isWhitespace(sb.charAt(a))) {
      a++;
    }
    int e = sb.length();
    while (e > a && Character.isWhitespace(sb.charAt(e - 1))) {
      e--;
    }
    int[] argOffsets = new int[e - a];
    for (int j = a; j < e; j++) {
      argOffsets[j - a] = offsets.get(j);
    }
    return new Instruction(keyword, sb.substring(a, e), argOffsets, offsets.get(i));
  }

  private void skipBlankAndCommentLines() {
    while (pos < text.length()) {
      int end = lineEnd(pos);
      if (!isBlankOrComment(text.substring(pos, end))) {
        return;
      }
      pos = next(end);
    }
  }

  /** Skips each heredoc body named on the instruction line, in order, up to its terminator. */
  private void skipHeredocs(String args) {
    Matcher m = HEREDOC.matcher(args);
    while (m.find()) {
      boolean stripTabs = !m.group(1).isEmpty();
      String word = m.group(2) != null ? m.group(2) : m.group(3) != null ? m.group(3) : m.group(4);
      while (pos < text.length()) {
        int end = lineEnd(pos);
        String line = text.substring(pos, end);
        pos = next(end);
        String candidate = stripTabs ? stripLeadingTabs(line) : line;
        if (candidate.equals(word)) {
          break;
        }
      }
    }
  }

  private static String stripLeadingTabs(String line) {
    int i = 0;
    while (i < line.length() && line.charAt(i) == '\t') {
      i++;
    }
    return line.substring(i);
  }

  private static boolean isBlankOrComment(String line) {
    String s = line.strip();
    return s.isEmpty() || s.charAt(0) == '#';
  }

  private int lineEnd(int from) {
    return LineBreaks.lineEnd(text, from);
  }

  private int next(int lineEnd) {
    return LineBreaks.afterBreak(text, lineEnd);
  }
}
