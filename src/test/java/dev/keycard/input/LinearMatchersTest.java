package dev.keycard.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Attack 8 of issue 16, the snippet half: {@code docker --host x} given 2,048 times overflowed the
 * stack in the command-line expression (each request then logged a thousand-line stack trace), and
 * a fence line with a backtick at its end took quadratic time to refuse. The rewritten matchers
 * answer such lines, and agree with the expressions they replace on every line of a random
 * differential run.
 */
class LinearMatchersTest {
  /** The expressions as they were. */
  private static final Pattern OLD_FENCE =
      Pattern.compile("^( {0,3})(`{3,}|~{3,})[ \\t]*([^`\\s]*)[^`]*$");

  private static final Pattern OLD_COMMAND_LINE =
      Pattern.compile(
          "^[ \\t]*(?:[$>][ \\t]+)?(?:sudo[ \\t]+(?:-\\S+[ \\t]+)*)?(?:\\S*/)?(?:docker|podman)[ \\t]+(?:-\\S+(?:[ \\t]+[^-\\s]\\S*)?[ \\t]+)*(?:container[ \\t]+)?(?:run|create)\\b");

  private static String random(Random r, String[] parts, int max) {
    StringBuilder s = new StringBuilder();
    int n = r.nextInt(max);
    for (int i = 0; i < n; i++) {
      s.append(parts[r.nextInt(parts.length)]);
    }
    return s.toString();
  }

  @Test
  void fence_agreesWithTheExpressionItReplaces() {
    Random r = new Random(16);
    String[] parts = {" ", "  ", "\t", "`", "```", "~", "~~~", "yaml", "a", "b c", "\r", "\f"};
    for (int i = 0; i < 50_000; i++) {
      String line = random(r, parts, 8);
      Matcher m = OLD_FENCE.matcher(line);
      SnippetExtractor.Fence f = SnippetExtractor.Fence.of(line);
      if (!m.matches()) {
        assertThat(f).as("[%s]", line).isNull();
      } else {
        assertThat(f).as("[%s]", line).isNotNull();
        assertThat(f.indent()).as("[%s]", line).isEqualTo(m.group(1).length());
        assertThat(f.fence()).as("[%s]", line).isEqualTo(m.group(2));
        assertThat(f.language()).as("[%s]", line).isEqualTo(m.group(3));
      }
    }
  }

  @Test
  void commandLine_agreesWithTheExpressionItReplaces() {
    Random r = new Random(16);
    String[] parts = {
      " ", "\t", "$ ", "> ", "sudo ", "-E ", "docker", "podman", "/usr/bin/", " --host", " x",
      " -H", " unix:///x", " container", " run", " create", " runner", "-", " ps", "é"
    };
    for (int i = 0; i < 50_000; i++) {
      String line = random(r, parts, 10);
      assertThat(SnippetExtractor.startsCommand(line))
          .as("[%s]", line)
          .isEqualTo(OLD_COMMAND_LINE.matcher(line).find());
    }
  }

  @Test
  @Timeout(30) // a guard against a hang, not a measure
  void dockerHostRepeated_isReadWithoutAStackOverflow() {
    String line = "docker" + " --host x".repeat(2_048) + " run alpine";
    assertThat(SnippetExtractor.startsCommand(line)).isTrue();
    Snippet s = SnippetExtractor.commandInProse("please check\n" + line + "\n");
    assertThat(s).isNotNull();
    assertThat(SnippetExtractor.startsCommand("docker" + " --host x".repeat(20_000) + " ps"))
        .isFalse();
  }

  @Test
  @Timeout(30) // a guard against a hang, not a measure
  void fenceLineWithABacktickAtItsEnd_isRefusedAtOnce() {
    String message = "```" + "a".repeat(200_000) + "`\nservices: {}\n";
    assertThat(SnippetExtractor.fenced(message)).isNull();
  }
}
