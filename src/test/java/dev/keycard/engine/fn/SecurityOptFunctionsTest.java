package dev.keycard.engine.fn;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** KC-024's helper reads a security option exactly as the Docker daemon does. */
class SecurityOptFunctionsTest {
  @ParameterizedTest(name = "{0} -> valid {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "no-new-privileges | true",
        "no-new-privileges=true | true",
        "no-new-privileges:false | true",
        "no-new-privileges=yes | false",
        "no-new-privileges= | false",
        "seccomp=unconfined | true",
        "seccomp:builtin | true",
        "seccomp=/etc/docker/p.json | true",
        "seccomp=default | false",
        "seccomp | false",
        "SECCOMP=unconfined | false",
        "Apparmor=unconfined | false",
        "' seccomp=unconfined' | false",
        "apparmor:x=y | false",
        "label=type:svirt_t | true",
        "label:disable | true",
        "label=bogus | false",
        "systempaths=unconfined | true",
        "systempaths=confined | false",
        "nosuchkey=1 | false"
      })
  void isValidSecurityOpt_splitsAndComparesKeysLikeTheDaemon(String raw, boolean valid) {
    assertThat(SecurityOptFunctions.isValidSecurityOpt(raw)).isEqualTo(valid);
  }
}
