package dev.keycard.input.compose;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * In-file waivers of a compose document: {@code # keycard:ignore KC-031 reason text} (several ids
 * separated by commas) on the line of a setting, alone on the line above it, or on the service key
 * line, where it covers the whole service.
 *
 * <p>The scan is textual: a {@code #} that starts a YAML comment is one at the start of a line or
 * after whitespace. A {@code #} inside a quoted scalar that happens to be followed by the marker
 * would also count; the marker is specific enough for that not to matter in practice.
 */
public final class SuppressionComments {
  /** RE2J: the JDK's matcher recursed once per listed id and overflowed on 100,000 of them. */
  private static final Pattern MARKER =
      Pattern.compile(
          "(?:^|\\s)#\\s*keycard:ignore\\s+([A-Za-z0-9_.-]+(?:\\s*,\\s*[A-Za-z0-9_.-]+)*)\\s*(.*)$");

  private static final Pattern LINE_BREAK = Pattern.compile("\r\n|\r|\n");

  private static final Pattern ID_SEPARATOR = Pattern.compile("\\s*,\\s*");

  /**
   * One comment: the rule ids it names, its 1-based line, its reason, whether nothing precedes it.
   */
  public record Comment(List<String> ruleIds, int line, String reason, boolean alone) {
    public Comment {
      ruleIds = List.copyOf(ruleIds);
    }
  }

  private final List<Comment> comments;

  private SuppressionComments(List<Comment> comments) {
    this.comments = List.copyOf(comments);
  }

  /** The suppression comments of a compose text. */
  public static SuppressionComments scan(String text) {
    List<Comment> out = new ArrayList<>();
    if (!text.contains("keycard:ignore")) {
      return new SuppressionComments(out); // the common case: no line to split or match
    }
    String[] lines = LINE_BREAK.split(text, -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (line.indexOf("keycard:ignore") < 0) {
        continue;
      }
      Matcher m = MARKER.matcher(line);
      if (m.find()) {
        List<String> ids = List.of(ID_SEPARATOR.split(m.group(1)));
        String reason = m.group(2).strip();
        boolean alone = line.substring(0, m.start()).isBlank();
        out.add(new Comment(ids, i + 1, reason.isEmpty() ? null : reason, alone));
      }
    }
    return new SuppressionComments(out);
  }

  /** Every comment found, in line order. */
  public List<Comment> comments() {
    return comments;
  }

  /**
   * The comment that waives {@code ruleId} for a finding at {@code findingLine} in the service
   * whose key is at {@code serviceLine} (0 when unknown), if any.
   */
  public Optional<Comment> covering(String ruleId, int findingLine, int serviceLine) {
    for (Comment c : comments) {
      if (!c.ruleIds().contains(ruleId)) {
        continue;
      }
      boolean sameLine = c.line() == findingLine;
      boolean lineAbove = c.alone() && c.line() + 1 == findingLine;
      boolean wholeService = serviceLine > 0 && c.line() == serviceLine;
      if (sameLine || lineAbove || wholeService) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  /** Whether the document has no suppression comment (the common case: nothing to match). */
  public boolean isEmpty() {
    return comments.isEmpty();
  }
}
