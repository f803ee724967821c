package dev.keycard.format;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keycard.model.Container;
import dev.keycard.model.Field;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every registered format's field table covers the model: one row per {@link Field#settings()
 * setting}, each a source, a derivation from a real field, or a reason the format cannot say it.
 */
class FieldTableTest {

  private static final int MIN_REASON = 30;

  @Test
  void everyFormatHasARowForEverySettingAndNoOtherRow() {
    List<String> settings = Field.settings().stream().map(Field::name).toList();
    for (Format f : Formats.all()) {
      assertThat(List.copyOf(f.fields().keySet()))
          .as("%s's rows, in the model's order", f.apiName())
          .containsExactlyElementsOf(settings);
    }
  }

  @Test
  void rowsSayWhereFromHowAFixWritesItOrWhyNot() {
    for (Format f : Formats.all()) {
      for (Map.Entry<String, FieldSource> e : f.fields().entrySet()) {
        String field = e.getKey();
        FieldSource s = e.getValue();
        String where = f.apiName() + " " + field;
        switch (s.kind()) {
          case READ -> {
            assertThat(s.readFrom()).as(where).allMatch(x -> !x.isBlank());
            if (s.readFrom().isEmpty()) {
              assertThat(s.fixable()).as(where + ": read from nowhere, so written by a fix").isTrue();
              assertThat(s.note()).as(where + ": why not read").hasSizeGreaterThanOrEqualTo(MIN_REASON);
            }
            if (s.fixable()) {
              assertThat(s.fix()).as(where).isNotBlank();
            }
          }
          case DERIVED -> {
            String from = s.readFrom().get(0);
            assertThat(Field.byName(from)).as(where + " is derived from a real field").isPresent();
            assertThat(from).as(where).isNotEqualTo(field);
            assertThat(f.fields().get(from).kind())
                .as(where + ": what it is derived from is read")
                .isNotEqualTo(FieldSource.Kind.NOT_EXPRESSIBLE);
            String declared = Container.DERIVED_FROM.get(field);
            if (declared != null) {
              assertThat(from).as(where + " as Container.DERIVED_FROM says").isEqualTo(declared);
            }
          }
          case CONSTANT -> {
            assertThat(s.readFrom()).as(where).hasSize(1);
            assertThat(s.note()).as(where + ": why always").hasSizeGreaterThanOrEqualTo(MIN_REASON);
          }
          case NOT_EXPRESSIBLE ->
              assertThat(s.note()).as(where + ": why not").hasSizeGreaterThanOrEqualTo(MIN_REASON);
        }
      }
    }
  }

  @Test
  void theDockerFormatsDeriveWhatTheModelSaysIsDerived() {
    for (String name : List.of("docker-run", "compose", "engine-api")) {
      Map<String, FieldSource> rows = Formats.named(name).fields();
      Container.DERIVED_FROM.forEach(
          (field, from) -> {
            FieldSource s = rows.get(field);
            if (s.kind() == FieldSource.Kind.DERIVED) {
              assertThat(s.readFrom()).containsExactly(from);
            } else {
              // read directly as well (engine-api's MaskedPaths and ReadonlyPaths)
              assertThat(s.kind()).as(name + " " + field).isEqualTo(FieldSource.Kind.READ);
            }
          });
    }
  }

  @Test
  void rowsAreTheFormatsOwnAndUnmodifiable() {
    for (Format f : Formats.all()) {
      Map<String, FieldSource> rows = f.fields();
      org.junit.jupiter.api.Assertions.assertThrows(
          UnsupportedOperationException.class,
          () -> rows.put("privileged", FieldSource.read("x")),
          f.apiName());
    }
  }

  @Test
  void aRowIsWellFormed() {
    org.junit.jupiter.api.Assertions.assertThrows(
        IllegalArgumentException.class, () -> FieldSource.read());
    org.junit.jupiter.api.Assertions.assertThrows(
        IllegalArgumentException.class, () -> FieldSource.notExpressible(" "));
    org.junit.jupiter.api.Assertions.assertThrows(
        IllegalStateException.class, () -> FieldSource.derived("user").fixedAs("--user"));
  }
}
