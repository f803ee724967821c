package dev.keycard.report;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import java.util.Arrays;
import java.util.List;

/** A unified diff of two texts, as {@code diff -u} prints it; empty when they are equal. */
public final class UnifiedDiff {
  private UnifiedDiff() {}

  /** The diff of {@code before} → {@code after}, with three lines of context. */
  public static String of(String name, String before, String after) {
    if (before.equals(after)) {
      return "";
    }
    List<String> a = lines(before);
    List<String> b = lines(after);
    List<String> out =
        UnifiedDiffUtils.generateUnifiedDiff("a/" + name, "b/" + name, a, DiffUtils.diff(a, b), 3);
    return String.join("\n", out) + "\n";
  }

  private static List<String> lines(String s) {
    // a final line break ends the last line; it does not start an empty one
    String body = s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
    return Arrays.asList(body.split("\n", -1));
  }
}
