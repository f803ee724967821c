package dev.keycard.remediation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keycard.format.Formats;
import dev.keycard.input.InputFormat;
import dev.keycard.report.Evaluation;
import dev.keycard.report.FixResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A fixed {@code docker run} container written as compose is a compose file that passes too. */
class ComposeExportTest {
  private final Harness h = Harness.of(Harness.TEST_POLICIES);

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "docker run --privileged -v /:/host myapp",
        "docker run -d --name web -p 8080:80 -e TZ=UTC -v data:/data --restart always nginx:1.27",
        "docker run --cap-add NET_ADMIN --sysctl net.ipv4.ip_forward=1 --device /dev/net/tun vpn"
      })
  void fixedCommandAsCompose_parsesAndHasNoFixableFinding(String command) {
    FixResult r = h.fix(command, "fixtest");
    String compose = Formats.named("compose").export(r.fixedInput().containers()).orElseThrow();
    var request = Harness.request(compose);
    Evaluation e = h.evaluate(request, "fixtest");
    assertThat(e.input().format()).isEqualTo(Formats.named("compose"));
    assertThat(e.input().errors()).isEmpty();
    assertThat(e.findings()).allSatisfy(f -> assertThat(f.fix()).isEmpty());
    assertThat(e.input().containers().get(0).image())
        .isEqualTo(r.fixedInput().containers().get(0).image());
  }
}
