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

  @Test
  void constantsAreExactlyTheSettings() throws IllegalAccessException {
    List<Field> constants = new ArrayList<>();
    for (java.lang.reflect.Field f : Field.class.getDeclaredFields()) {
      int m = f.getModifiers();
      if (f.getType() == Field.class
          && java.lang.reflect.Modifier.isStatic(m)
          && java.lang.reflect.Modifier.isPublic(m)) {
        Field value = (Field) f.get(null);
        assertEquals(value.name().toUpperCase(java.util.Locale.ROOT), f.getName());
        constants.add(value);
      }
    }
    assertEquals(Field.settings(), constants);
  }

  @Test
  void aContainerLocatesByField() {
    Origin at = new Origin("/services/web/privileged", null);
    Origin home = new Origin("/services/web", null);
    Container.Builder b = Container.builder().locate(Field.PRIVILEGED, at);
    b.origin = home;
    Container c = b.build();
    assertEquals(at, c.locate(Field.PRIVILEGED));
    assertEquals(at, c.locate("privileged"));
    assertEquals(home, c.locate(Field.CAP_ADD));
  }
}
