package dev.keycard.input.yaml;

import dev.keycard.input.Diagnostics;
import dev.keycard.model.DiagnosticCode;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;

/**
 * SnakeYAML's failures as one error diagnostic at the place to show: the first line of its problem,
 * at the problem's mark (else the context's); for a quoted scalar that runs to the end of the
 * stream, at its opening quote, which is lines above the problem mark and what the user got wrong.
 */
public final class YamlErrors {
  private YamlErrors() {}

  /**
   * Reports {@code e} (any {@code YamlEngineException}, or the stack overflow the depth limit is
   * meant to prevent) as an {@link DiagnosticCode#INPUT_PARSE_ERROR}; unmarked failures (the alias
   * and code point limits) at offset 0.
   */
  public static void report(Throwable e, YamlOffsets offsets, Diagnostics diags) {
    if (!(e instanceof MarkedYamlEngineException m)) {
      String problem = "invalid YAML: " + oneLine(String.valueOf(e.getMessage()));
      diags.add(DiagnosticCode.INPUT_PARSE_ERROR, problem, 0, 0, null);
      return;
    }
    if (unclosedQuote(m)) {
      int at = m.getContextMark().map(offsets::of).orElse(0);
      diags.add(
          DiagnosticCode.INPUT_PARSE_ERROR,
          "invalid YAML: the quote opened here is never closed (" + oneLine(m.getProblem()) + ")",
          at,
          at + 1,
          null);
      return;
    }
    int at = m.getProblemMark().or(m::getContextMark).map(offsets::of).orElse(0);
    String problem = m.getProblem() == null ? m.getMessage() : m.getProblem();
    diags.add(DiagnosticCode.INPUT_PARSE_ERROR, "invalid YAML: " + oneLine(problem), at, at, null);
  }

  /** A quoted scalar that runs to the end of the stream: its opening quote is the place to show. */
  private static boolean unclosedQuote(MarkedYamlEngineException e) {
    return e.getContext() != null
        && e.getContext().contains("quoted scalar")
        && e.getContextMark().isPresent()
        && e.getProblem() != null
        && e.getProblem().contains("end of stream");
  }

  /** The first line of a SnakeYAML message, which goes on with a snippet of the text. */
  private static String oneLine(String s) {
    String t = s == null ? "" : s.strip();
    int nl = t.indexOf('\n');
    return nl < 0 ? t : t.substring(0, nl).strip();
  }
}
