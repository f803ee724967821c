package dev.keycard.input.yaml;

import dev.keycard.input.yaml.YamlScalars;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.api.ConstructNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.resolver.CoreScalarResolver;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;
import org.snakeyaml.engine.v2.schema.CoreSchema;
import org.snakeyaml.engine.v2.schema.Schema;

/**
 * SnakeYAML Engine's core schema, shared and with a fast path: a plain scalar that none of the core
 * resolver's patterns can match (by its first character, or by the characters a number holds) is a
 * string without running a regex.
 */
public final class CoreSchemaFast implements Schema {
  /** Built once: the core schema fills its resolver table on every construction. */
  public static final CoreSchemaFast INSTANCE = new CoreSchemaFast();

  /** Every character a core-schema int or float can hold: other text is no number. */
  private static final String NUMERIC = "0123456789+-.xoabcdefABCDEFiInN";

  /** Text the resolver's patterns for any first character (the null ones) can match. */
  private static final Set<String> ANY_FIRST = Set.of("", " ", "~", "null", "Null", "NULL");

  private final CoreSchema core = new CoreSchema();
  private final ScalarResolver coreResolver = core.getScalarResolver();
  private final ScalarResolver resolver = this::resolve;

  /** The first characters the core resolver has patterns for; every other text is a string. */
  private final Set<Character> first = new FirstCharacters().keys();

  /** {@link #first} for ASCII, without boxing. */
  private final boolean[] firstAscii = new boolean[128];

  private CoreSchemaFast() {
    for (char c : first) {
      if (c < firstAscii.length) {
        firstAscii[c] = true;
      }
    }
  }

  private Tag resolve(String value, Boolean implicit) {
    return implicit ? resolvePlain(value) : Tag.STR;
  }

  /** The tag of a plain scalar (an implicit one, without a tag of its own). */
  public Tag resolvePlain(String value) {
    if (value.isEmpty()) {
      return coreResolver.resolve(value, true);
    }
    char c = value.charAt(0);
    if (value.length() <= 4
        && (c == ' ' || c == '~' || c == 'n' || c == 'N')
        && ANY_FIRST.contains(value)) {
      return coreResolver.resolve(value, true);
    }
    if (c < firstAscii.length ? !firstAscii[c] : !first.contains(c)) {
      return Tag.STR;
    }
    switch (c) {
      case 't', 'f', 'T', 'F':
        // only the bool pattern starts with these letters
        return isBool(value) ? Tag.BOOL : Tag.STR;
      case '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '+', '-', '.':
        // only the int and float patterns start with these; [-+]?[0-9]+ is an int
        if (YamlScalars.isDecimal(value)) {
          return Tag.INT;
        }
        return isNumeric(value) ? coreResolver.resolve(value, true) : Tag.STR;
      default:
        return coreResolver.resolve(value, true);
    }
  }

  private static boolean isBool(String v) {
    return switch (v) {
      case "true", "True", "TRUE", "false", "False", "FALSE" -> true;
      default -> false;
    };
  }

  /** False when the int and float patterns cannot match; true means the patterns decide. */
  private static boolean isNumeric(String v) {
    for (int i = 0; i < v.length(); i++) {
      if (NUMERIC.indexOf(v.charAt(i)) < 0) {
        return false;
      }
    }
    return true;
  }

  /** Reads the core resolver's table of patterns by first character. */
  private static final class FirstCharacters extends CoreScalarResolver {
    FirstCharacters() {
      super(true); // with the merge pattern: a wider table only sends more text to the patterns
    }

    Set<Character> keys() {
      Set<Character> keys = new HashSet<>(yamlImplicitResolvers.keySet());
      keys.remove(null);
      return Set.copyOf(keys);
    }
  }

  @Override
  public ScalarResolver getScalarResolver() {
    return resolver;
  }

  @Override
  public Map<Tag, ConstructNode> getSchemaTagConstructors() {
    return core.getSchemaTagConstructors();
  }
}
