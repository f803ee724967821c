package dev.keycard.remediation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** JSON Pointer helpers: array indexes as RFC 6901 spells them, lookups that never throw. */
class JsonPatchTest {
  @Test
  void arrayIndex_acceptsWhatTheOldPatternAccepted_andNothingElse() {
    Random r = new Random(5);
    String alphabet = "0123456789-+ a";
    for (int i = 0; i < 50_000; i++) {
      StringBuilder b = new StringBuilder();
      int n = r.nextInt(12);
      for (int k = 0; k < n; k++) {
        b.append(alphabet.charAt(r.nextInt(r.nextInt(5) == 0 ? alphabet.length() : 10)));
      }
      String t = b.toString();
      int expected = t.matches("0|[1-9][0-9]{0,8}") ? Integer.parseInt(t) : -1;
      assertThat(JsonPatch.arrayIndex(t)).as(t).isEqualTo(expected);
    }
    assertThat(JsonPatch.arrayIndex("999999999")).isEqualTo(999_999_999);
    assertThat(JsonPatch.arrayIndex("1000000000")).isEqualTo(-1);
    assertThat(JsonPatch.arrayIndex("01")).isEqualTo(-1);
    assertThat(JsonPatch.arrayIndex("")).isEqualTo(-1);
  }

  @Test
  void at_withAHugeOrOddIndex_isNull_notAnException() {
    Map<String, Object> doc = Map.of("a", List.of("x", "y"));
    assertThat(JsonPatch.at(doc, "/a/1")).isEqualTo("y");
    assertThat(JsonPatch.at(doc, "/a/2")).isNull();
    assertThat(JsonPatch.at(doc, "/a/99999999999999999999")).isNull();
    assertThat(JsonPatch.at(doc, "/a/-")).isNull();
  }
}
