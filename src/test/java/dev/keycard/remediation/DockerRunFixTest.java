package dev.keycard.remediation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keycard.pipeline.FixResult;
import org.junit.jupiter.api.Test;

class DockerRunFixTest {
  private final Harness h = Harness.of(Harness.TEST_POLICIES);

  @Test
  void classicPrivilegedRootMount_fixesToLeastPrivilegeCommand() {
    FixResult r = h.fix("docker run --privileged -v /:/host myapp", "fixtest");
    assertThat(r.fixed())
        .doesNotContain("--privileged")
        .doesNotContain("/:/host")
        .contains("--cap-drop ALL", "--read-only", "--tmpfs /tmp",
            "--security-opt no-new-privileges:true", "--user 1000:1000", "--memory 512m",
            "--cpus 1", "--pids-limit 100")
        .startsWith("docker run ")
        .endsWith(" myapp");
    assertThat(r.after().findings()).isEmpty();
    System.out.println(r.fixed());
  }
}
