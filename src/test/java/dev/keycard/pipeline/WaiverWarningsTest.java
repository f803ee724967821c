package dev.keycard.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keycard.input.CommentWaiver;
import dev.keycard.model.Diagnostic;
import dev.keycard.policy.Waiver;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class WaiverWarningsTest {
  private static final Set<String> RULES = Set.of("KC-001", "KC-031", "CIS-5.4");

  private static List<Diagnostic> warn(List<CommentWaiver> comments, List<Waiver> exclude) {
    return WaiverWarnings.of(comments, exclude, RULES, "restricted");
  }

  @Test
  void hint_namesTheRuleWrittenDifferently() {
    assertThat(warn(List.of(), List.of(new Waiver("KC-31", null, null, null))))
        .singleElement()
        .extracting(Diagnostic::message)
        .asString()
        .endsWith("(did you mean KC-031?)");
    assertThat(warn(List.of(), List.of(new Waiver("kc_0031", null, null, null))).get(0).message())
        .endsWith("(did you mean KC-031?)");
    assertThat(warn(List.of(), List.of(new Waiver("XY-31", null, null, null))).get(0).message())
        .endsWith("it waives nothing");
    assertThat(warn(List.of(), List.of(new Waiver("CIS-5-4", null, null, null))).get(0).message())
        .endsWith("(did you mean CIS-5.4?)");
  }

  /**
   * A caller's id of a million digits and a letter: the backtracking {@code [\d\W_]+$} took O(n^2)
   * steps (34 s at 80,000 over HTTP, hours at the 1 MB a body may hold), in an {@code exclude}
   * entry or a {@code # keycard:ignore} comment alike. Not a timing: the timeout only turns a
   * quadratic regression (hours) into a failure instead of a hung build.
   */
  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void hugeIds_areLinear() {
    String id = "1".repeat(1_000_000) + "a";
    CommentWaiver comment = new CommentWaiver(List.of(id), "why", null, 0, "/services/app/image", false);
    assertThat(warn(List.of(comment), List.of(new Waiver(id, null, null, null)))).hasSize(2);
  }
}
