package dev.keycard.input.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keycard.budget.Budget;
import dev.keycard.budget.Caps;
import dev.keycard.budget.LimitExceeded;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Attack 1 of issue 16: a 473-byte Dockerfile whose {@code ARG A=${A}${A}} lines double a value 24
 * times asked for 16 M characters and killed the JVM. What substitution produces for one request's
 * Dockerfiles is counted against {@code max-expanded-value} before it is appended, so the request
 * ends in a 413 naming that limit after at most the allowance was built.
 */
class DockerfileExpansionLimitTest {
  private static final int SMALL = 1_000;

  private static String doubling(String instruction, int times) {
    StringBuilder d = new StringBuilder("FROM x\n" + instruction + " A=aaaaaaaa\n");
    for (int i = 0; i < times; i++) {
      d.append(instruction).append(" A=${A}${A}\n");
    }
    return d.append("USER ${A}\n").toString();
  }

  @SuppressWarnings("try") // the binding is the point: it is in force inside
  private static Optional<DockerfileUser> underCap(int maxExpandedValue, String dockerfile) {
    Caps d = Caps.DEFAULTS;
    Caps caps =
        new Caps(
            d.maxAdhocRules(),
            d.maxFindings(),
            d.maxMessageLength(),
            d.maxAnswerSize(),
            d.maxYamlNodes(),
            d.maxRuleCost(),
            d.maxExamples(),
            d.maxStringLength(),
            maxExpandedValue,
            d.maxModelElements(),
            d.maxFixes(),
            d.maxRuleText());
    try (Budget.Binding b = Budget.start(Duration.ofSeconds(30), caps).bind()) {
      return DockerfileUser.of(dockerfile);
    }
  }

  @Test
  void argDoubledTwentyFourTimes_isRefusedNamingTheLimit() {
    String dockerfile = doubling("ARG", 24);
    assertThat(dockerfile.length()).isLessThan(500);

    assertThatThrownBy(() -> DockerfileUser.of(dockerfile))
        .isInstanceOfSatisfying(
            LimitExceeded.class,
            e -> {
              assertThat(e.limit()).isEqualTo("max-expanded-value");
              assertThat(e.max()).isEqualTo(Caps.DEFAULTS.maxExpandedValue());
              assertThat(e.tooLarge()).as("a size limit: 413").isTrue();
              assertThat(e.getMessage()).contains("keycard.limits.max-expanded-value");
            });
  }

  @Test
  void envDoubled_isRefusedAsWell() {
    assertThatThrownBy(() -> DockerfileUser.of(doubling("ENV", 24)))
        .isInstanceOfSatisfying(
            LimitExceeded.class, e -> assertThat(e.limit()).isEqualTo("max-expanded-value"));
  }

  @Test
  void expansionWithinTheCap_isRead() {
    // 8 * 2^6 = 512 characters; the doublings substitute 1,008 and USER 512 more: 1,520
    assertThat(underCap(2_000, doubling("ARG", 6)))
        .hasValueSatisfying(u -> assertThat(u.user()).hasSize(512));
    assertThatThrownBy(() -> underCap(SMALL, doubling("ARG", 6))).isInstanceOf(LimitExceeded.class);
  }

  @Test
  void manyValuesEachUnderTheCap_addUp() {
    // no single value is large, but a thousand copies of one are: the cap is on the whole file
    StringBuilder d = new StringBuilder("FROM x\nARG A=" + "a".repeat(100) + "\n");
    for (int i = 0; i < 1_000; i++) {
      d.append("ARG B").append(i).append("=${A}\n");
    }
    assertThatThrownBy(() -> underCap(50_000, d.toString()))
        .isInstanceOfSatisfying(
            LimitExceeded.class, e -> assertThat(e.limit()).isEqualTo("max-expanded-value"));
  }

  @Test
  void stagesCopyingALargeEnvironment_countWhatTheyCopy() {
    StringBuilder d = new StringBuilder("FROM alpine AS s0\nENV A=" + "a".repeat(500) + "\n");
    for (int i = 1; i < 1_000; i++) {
      d.append("FROM s").append(i - 1).append(" AS s").append(i).append('\n');
    }
    d.append("USER app\n");
    assertThatThrownBy(() -> underCap(50_000, d.toString())).isInstanceOf(LimitExceeded.class);
    assertThat(underCap(1_000_000, d.toString())).map(DockerfileUser::user).hasValue("app");
  }

  @Test
  void deeplyNestedDefaults_areUnknownNotAStackOverflow() {
    String nested = "${A:-".repeat(100_000) + "x" + "}".repeat(100_000);
    assertThat(DockerfileUser.of("FROM alpine\nUSER " + nested + "\n")).isEmpty();
    assertThat(DockerfileUser.of("FROM alpine\nUSER ${A:-app}\n"))
        .map(DockerfileUser::user)
        .hasValue("app");
  }

  @Test
  @SuppressWarnings("try") // the binding is the point: it is in force inside
  void oneReaderForARequest_sharesTheAllowanceAcrossFiles() {
    String file =
        "FROM x\nARG A=" + "a".repeat(100) + "\nARG B=${A}${A}${A}${A}${A}${A}\nUSER ${B}\n";
    // 1,200 substituted characters a file
    Caps d = Caps.DEFAULTS;
    Caps caps =
        new Caps(
            d.maxAdhocRules(),
            d.maxFindings(),
            d.maxMessageLength(),
            d.maxAnswerSize(),
            d.maxYamlNodes(),
            d.maxRuleCost(),
            d.maxExamples(),
            d.maxStringLength(),
            2_000,
            d.maxModelElements(),
            d.maxFixes(),
            d.maxRuleText());
    try (Budget.Binding b = Budget.start(Duration.ofSeconds(30), caps).bind()) {
      DockerfileUser.Reader reader = DockerfileUser.reader();
      assertThat(reader.read(dev.keycard.input.Source.of(file))).isPresent();
      assertThatThrownBy(() -> reader.read(dev.keycard.input.Source.of(file)))
          .isInstanceOf(LimitExceeded.class);
    }
  }
}
