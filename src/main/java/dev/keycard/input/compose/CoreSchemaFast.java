package dev.keycard.input.compose;

import java.util.Map;
import org.snakeyaml.engine.v2.api.ConstructNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;
import org.snakeyaml.engine.v2.schema.CoreSchema;
import org.snakeyaml.engine.v2.schema.Schema;

/**
 * SnakeYAML Engine's core schema, shared and with a fast path: a plain scalar whose first character
 * starts none of the core resolver's patterns is a string without running a regex.
 */
final class CoreSchemaFast implements Schema {
  /** Built once: the core schema fills its resolver table on every construction. */
  static final CoreSchemaFast INSTANCE = new CoreSchemaFast();

  /**
   * First characters the core resolver has patterns for (merge, bool, int, float, null, env), and
   * {@code \0}, its key for the empty string; every other plain scalar resolves to a string.
   */
  private static final String FIRST = "<tfTF-+0123456789.n$\0";

  private final CoreSchema core = new CoreSchema();
  private final ScalarResolver coreResolver = core.getScalarResolver();
  private final ScalarResolver resolver = this::resolve;

  private CoreSchemaFast() {}

  private Tag resolve(String value, Boolean implicit) {
    if (!implicit || (!value.isEmpty() && FIRST.indexOf(value.charAt(0)) < 0)) {
      return Tag.STR;
    }
    return coreResolver.resolve(value, implicit);
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
