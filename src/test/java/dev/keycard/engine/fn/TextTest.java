package dev.keycard.engine.fn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keycard.budget.Budget;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TextTest {

  /** The linear search answers as {@link String#contains} does (the JDK is the oracle). */
  @Test
  void contains_answersAsStringContains() {
    Random random = new Random(20261207);
    for (int n = 0; n < 20_000; n++) {
      String text = word(random, random.nextInt(60));
      String needle = word(random, random.nextInt(40));
      if (random.nextBoolean() && text.length() > 20) {
        // a long piece of the text (Knuth-Morris-Pratt's case), now and then with one letter changed
        int from = random.nextInt(text.length() - 18);
        char[] piece = text.substring(from, from + 17 + random.nextInt(text.length() - from - 17)).toCharArray();
        if (random.nextBoolean()) {
          int at = random.nextInt(piece.length);
          piece[at] = piece[at] == 'a' ? 'b' : 'a';
        }
        needle = new String(piece);
      }
      assertThat(Text.contains(text, needle, Budget.unlimited()))
          .as("'%s' contains '%s'", text, needle)
          .isEqualTo(text.contains(needle));
    }
  }

  /** Two letters, so that borders and near-matches are frequent. */
  private static String word(Random random, int length) {
    StringBuilder sb = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      sb.append(random.nextInt(4) == 0 ? 'b' : 'a');
    }
    return sb.toString();
  }
}
