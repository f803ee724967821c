package dev.keycard.format.dockerrun;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keycard.model.DiagnosticCode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The parser's flag table matches the shared reference, flag for flag. */
class FlagReferenceTest {

  private static JsonNode reference() throws IOException {
    return new ObjectMapper()
        .readTree(Runs.shared().resolve("reference/docker-run-flags.json").toFile())
        .get("flags");
  }

  @Test
  void flagTable_matchesEveryReferenceFlag_nameShorthandAndBoolness() throws IOException {
    JsonNode flags = reference();
    FlagTable run = FlagTable.docker(false);
    FlagTable create = FlagTable.docker(true);
    List<String> seen = new ArrayList<>();
    for (JsonNode f : flags) {
      String name = f.get("name").asText();
      seen.add(name);
      FlagSpec spec = run.byName(name);
      assertThat(spec).as("flag %s", name).isNotNull();
      assertThat(spec.isBool())
          .as("bool-ness of %s", name)
          .isEqualTo(f.get("type").asText().equals("bool"));
      assertThat(spec.isBool())
          .as("takes_value of %s", name)
          .isEqualTo(!f.get("takes_value").asBoolean());
      JsonNode shorthand = f.get("shorthand");
      if (shorthand.isNull()) {
        assertThat(spec.hasShorthand()).as("%s has no shorthand", name).isFalse();
      } else {
        char letter = shorthand.asText().charAt(1);
        assertThat(spec.shorthand()).as("shorthand of %s", name).isEqualTo(letter);
        assertThat(run.byShorthand(letter)).isSameAs(spec);
      }
      String aliasOf = f.get("alias_of").isNull() ? null : f.get("alias_of").asText();
      assertThat(spec.aliasOf()).as("alias of %s", name).isEqualTo(aliasOf);
      boolean onCreate = false;
      for (JsonNode c : f.get("commands")) {
        onCreate |= c.asText().equals("create");
      }
      assertThat(create.byName(name) != null).as("%s on create", name).isEqualTo(onCreate);
    }
    assertThat(seen).hasSize(107);
    assertThat(run.size()).isEqualTo(107);
    assertThat(create.size()).isEqualTo(104);
  }

  @Test
  void everyValueFlag_consumesTheNextWord_andEveryBoolFlagDoesNot() throws IOException {
    for (JsonNode f : reference()) {
      String name = f.get("name").asText();
      boolean bool = f.get("type").asText().equals("bool");
      var parsed = Runs.parse("docker run " + name + " busybox true");
      assertThat(parsed.errors()).as(name).isEmpty();
      assertThat(parsed.containers()).as(name).hasSize(1);
      assertThat(parsed.containers().get(0).image())
          .as("image after %s", name)
          .isEqualTo(bool ? "busybox" : "true");
      assertThat(parsed.warnings())
          .as("warnings of %s", name)
          .noneMatch(d -> d.is(DiagnosticCode.INPUT_UNKNOWN_FLAG));
    }
  }
}
