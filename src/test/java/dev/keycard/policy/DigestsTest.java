package dev.keycard.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The hand-written canonical JSON of a fingerprint digests exactly as Jackson's does. */
class DigestsTest {
  @Test
  void ofStrings_equalsOfAList_onEveryKindOfCharacter() {
    Random r = new Random(3);
    for (int i = 0; i < 20_000; i++) {
      String[] parts = {text(r), text(r), text(r)};
      assertThat(Digests.ofStrings(parts))
          .as(String.join("|", parts))
          .isEqualTo(Digests.of(List.of(parts)));
    }
  }

  @Test
  void ofStrings_ofKnownParts_isStable() {
    // a fingerprint is a promise to SARIF consumers: it must not change between releases
    assertThat(Digests.ofStrings("KC-001", "web", "privileged"))
        .isEqualTo(Digests.of(List.of("KC-001", "web", "privileged")))
        .startsWith("sha256:")
        .hasSize(71);
    assertThat(Digests.ofStrings()).isEqualTo(Digests.of(List.of()));
  }

  private static String text(Random r) {
    StringBuilder b = new StringBuilder();
    int n = r.nextInt(10);
    for (int k = 0; k < n; k++) {
      switch (r.nextInt(6)) {
        case 0 -> b.append((char) r.nextInt(0x20)); // control characters
        case 1 -> b.append("\"\\/'\u007f".charAt(r.nextInt(5)));
        case 2 -> b.append((char) (0x80 + r.nextInt(0x780))); // beyond ASCII
        case 3 -> b.append((char) (0xD800 + r.nextInt(0x800))); // surrogates, paired or not
        case 4 -> b.appendCodePoint(0x1F600 + r.nextInt(50)); // astral
        default -> b.append((char) (0x20 + r.nextInt(0x5F)));
      }
    }
    return b.toString();
  }
}
