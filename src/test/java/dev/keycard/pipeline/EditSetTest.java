package dev.keycard.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keycard.model.Position;
import dev.keycard.remediation.TextEdit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link EditSet} answers exactly what comparing with every edit of the set answers. */
class EditSetTest {
  private static TextEdit edit(int start, int end) {
    return new TextEdit(new Position(1, start + 1, start), new Position(1, end + 1, end), "x");
  }

  private static boolean naive(List<TextEdit> set, List<TextEdit> own) {
    for (TextEdit x : own) {
      for (TextEdit y : set) {
        if (RemediationService.overlap(x, y)) {
          return true;
        }
      }
    }
    return false;
  }

  @Test
  void overlapsAny_agreesWithComparingEveryPair_onRandomFixes() {
    Random random = new Random(20261130);
    for (int round = 0; round < 2_000; round++) {
      int length = 5 + random.nextInt(60);
      EditSet set = new EditSet();
      List<TextEdit> added = new ArrayList<>();
      for (int fix = 0; fix < 40; fix++) {
        List<TextEdit> own = new ArrayList<>();
        for (int k = 1 + random.nextInt(3); k > 0; k--) {
          int start = random.nextInt(length);
          // a third are point insertions, as renderers add keys and flags
          int end = random.nextInt(3) == 0 ? start : start + random.nextInt(length - start + 1);
          TextEdit x = edit(start, end);
          if (!naive(own, List.of(x))) {
            own.add(x); // a fix's own edits do not overlap one another
          }
        }
        boolean expected = naive(added, own);
        assertThat(set.overlapsAny(own)).as("round %d, fix %d: %s", round, fix, own).isEqualTo(expected);
        if (!expected) {
          set.addAll(own);
          added.addAll(own);
        }
      }
      assertThat(set.list()).isEqualTo(added);
    }
  }

  @Test
  void pointInsertions_atARangesEnds_orAtOnePlace_doNotOverlap() {
    EditSet set = new EditSet();
    set.addAll(List.of(edit(10, 20)));
    assertThat(set.overlapsAny(List.of(edit(10, 10)))).isFalse();
    assertThat(set.overlapsAny(List.of(edit(20, 20)))).isFalse();
    assertThat(set.overlapsAny(List.of(edit(15, 15)))).isTrue();
    set.addAll(List.of(edit(30, 30)));
    assertThat(set.overlapsAny(List.of(edit(30, 30)))).isFalse();
    assertThat(set.overlapsAny(List.of(edit(25, 35)))).isTrue();
    assertThat(set.overlapsAny(List.of(edit(0, 10), edit(20, 30)))).isFalse();
  }
}
