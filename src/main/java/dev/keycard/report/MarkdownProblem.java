package dev.keycard.report;

import java.util.List;

/**
 * An error answered in the Markdown view (with the same status as its problem+json): what went
 * wrong, in the voice of an evaluation's answer, and where in the input, when that is known. A text
 * that holds no container spec is answered as {@link MarkdownReport#notAContainerSpec} does, with
 * its place. Caller text in a message is written through {@link MarkdownText}.
 */
public final class MarkdownProblem {
  /** Positioned errors beyond this many are counted, not listed. */
  static final int LIST_LIMIT = 20;

  private static final String NOT_A_SPEC_CODE = "input_parse_error";
  private static final String NOT_A_SPEC = "not a container spec: ";

  /** One positioned error: its message and its 1-based line and column (null when unknown). */
  public record Item(String message, Integer line, Integer column) {}

  private MarkdownProblem() {}

  /**
   * The Markdown answer for a problem.
   *
   * @param title the problem's title ({@code Input could not be parsed})
   * @param status its HTTP status
   * @param code its stable error code
   * @param detail its detail
   * @param items its positioned errors, if any
   */
  public static String of(String title, int status, String code, String detail, List<Item> items) {
    return of(title, status, code, detail, items, null, null);
  }

  /**
   * The Markdown answer for a problem that refuses a cap.
   *
   * @param limit the cap's key under {@code keycard.limits.} ({@code max-answer-size}), or null
   * @param max its value, or null
   */
  public static String of(
      String title,
      int status,
      String code,
      String detail,
      List<Item> items,
      String limit,
      Long max) {
    List<Item> errors = items == null ? List.of() : items;
    if (NOT_A_SPEC_CODE.equals(code)
        && errors.size() == 1
        && errors.get(0).message() != null
        && errors.get(0).message().startsWith(NOT_A_SPEC)) {
      Item i = errors.get(0);
      String where = place(i);
      return MarkdownReport.notAContainerSpec(i.message())
          + (where.isEmpty() ? "" : "\n(" + where + " of the input)\n");
    }
    StringBuilder md = new StringBuilder("❌ **")
        .append(MarkdownText.text(title))
        .append("** (")
        .append(status)
        .append(", ")
        .append(MarkdownText.code(code))
        .append("): ")
        .append(MarkdownText.text(detail))
        .append('\n');
    if (limit != null) {
      md.append("\nThe limit ")
          .append(MarkdownText.code("keycard.limits." + limit))
          .append(max == null ? "" : " is " + max)
          .append(".\n");
    }
    if (!errors.isEmpty()) {
      md.append('\n');
      for (Item i : errors.subList(0, Math.min(errors.size(), LIST_LIMIT))) {
        String where = place(i);
        md.append("- ")
            .append(where.isEmpty() ? "" : where + ": ")
            .append(MarkdownText.text(i.message()))
            .append('\n');
      }
      if (errors.size() > LIST_LIMIT) {
        md.append("- and ").append(errors.size() - LIST_LIMIT).append(" more\n");
      }
    }
    return md.toString();
  }

  private static String place(Item i) {
    if (i.line() == null) {
      return "";
    }
    return "line " + i.line() + (i.column() == null ? "" : ", column " + i.column());
  }
}
