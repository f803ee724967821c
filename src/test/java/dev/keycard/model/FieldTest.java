package dev.keycard.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FieldTest {
  @Test
  void namesAreWhatJacksonWritesForEveryComponentButPositions() {
    Container c = Container.builder().build();
    JsonNode json =
        JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .build()
            .valueToTree(c);
    List<String> written = new ArrayList<>();
    json.fieldNames().forEachRemaining(written::add);
    written.removeAll(Set.of("origin", "locations"));
    assertEquals(written, Field.all().stream().map(Field::name).toList());
  }

  @Test
  void typesAndElementTypes() {
    Field capAdd = Field.named("cap_add");
    assertTrue(capAdd.isList());
    assertEquals(String.class, capAdd.elementType());
    assertEquals("capAdd", capAdd.component());
    assertEquals(Mount.class, Field.named("mounts").elementType());
    assertEquals("list of Mount", Field.named("mounts").typeName());
    Field memory = Field.named("memory");
    assertFalse(memory.isList());
    assertEquals(Long.class, memory.rawType());
    assertEquals("integer", memory.typeName());
    assertEquals("boolean", Field.named("privileged").typeName());
    assertEquals("Healthcheck", Field.named("healthcheck").typeName());
  }

  @Test
  void namedRefusesUnknownNamesAndPositions() {
    assertThrows(IllegalArgumentException.class, () -> Field.named("capAdd"));
    assertThrows(IllegalArgumentException.class, () -> Field.named("locations"));
    assertTrue(Field.byName("origin").isEmpty());
  }

  @Test
  void settingsLeaveOutWhatNoFormatWrites() {
    assertTrue(Field.byName("format").isPresent());
    assertTrue(Field.settings().stream().noneMatch(f -> Set.of("format", "unknown").contains(f.name())));
    assertEquals(Field.all().size() - 2, Field.settings().size());
  }

  @Test
  void derivedFieldsNameTheirSource() {
    assertEquals("security_opt", Field.named("seccomp").derivedFrom().orElseThrow().name());
    assertEquals("user", Field.named("uid").derivedFrom().orElseThrow().name());
    assertTrue(Field.named("user").derivedFrom().isEmpty());
    Container.DERIVED_FROM.forEach(
        (k, v) -> {
          Field.named(k);
          Field.named(v);
        });
  }
}
