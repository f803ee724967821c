package dev.keycard.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Errors in the Markdown view: caller text escaped, places given, long lists counted. */
class MarkdownProblemTest {
  @Test
  void callerText_rendersAsText_neverAsALinkOrHtml() {
    String md =
        MarkdownProblem.of(
            "Bad request",
            400,
            "bad_request",
            "Unknown query parameter '![x](https://evil.example/)<img src=x>'",
            List.of());
    assertThat(md)
        .startsWith("❌ **Bad request** (400, `bad_request`): Unknown query parameter '")
        .contains("\\!\\[x\\]")
        .contains("\\<img")
        .doesNotContain("](https://");
  }

  @Test
  void positionedErrors_areListedWithTheirPlace_andCountedBeyondTheLimit() {
    List<MarkdownProblem.Item> items = new ArrayList<>();
    for (int i = 1; i <= 25; i++) {
      items.add(new MarkdownProblem.Item("invalid YAML " + i, i, 3));
    }
    items.add(new MarkdownProblem.Item("no place", null, null));
    String md = MarkdownProblem.of("Input could not be parsed", 400, "input_parse_error", "d", items);
    assertThat(md).contains("\n- line 1, column 3: invalid YAML 1\n");
    assertThat(md).contains("- line 20, column 3: invalid YAML 20\n").doesNotContain("YAML 21");
    assertThat(md).endsWith("- and 6 more\n");
  }

  @Test
  void notAContainerSpec_isAnsweredInTheChatVoice_withItsPlace() {
    String md =
        MarkdownProblem.of(
            "Input could not be parsed",
            400,
            "input_parse_error",
            "The input is not a container spec: this looks like prose.",
            List.of(new MarkdownProblem.Item("not a container spec: this looks like prose.", 2, 1)));
    assertThat(md)
        .startsWith("🤷 **Nothing to check**: this looks like prose.")
        .endsWith("\n(line 2, column 1 of the input)\n");
  }
}
