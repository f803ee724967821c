package dev.keycard.input.yaml;

import dev.keycard.input.ParseLimits;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.LoadSettingsBuilder;
import org.snakeyaml.engine.v2.schema.Schema;

/**
 * SnakeYAML load settings of one format, bounded: duplicate keys refused, at most {@code
 * maxAliases} aliases to collections, at most {@link #MAX_CODE_POINTS} code points, marks kept for
 * positions. Settings are immutable and building them is not free, so the usual ones (default
 * alias limit, text that fits SnakeYAML's buffer) are built once per format.
 */
public final class YamlSettings {
  /** Characters of input; the HTTP layer limits bodies further, this guards direct callers. */
  public static final int MAX_CODE_POINTS = 8 * 1024 * 1024;

  /**
   * Text up to this long is read with SnakeYAML's own buffer; longer text with one as long as the
   * text. SnakeYAML refills its buffer a kilobyte at a time, copying what it has not consumed:
   * reading one scalar of a megabyte (a flow mapping on one line) copied it a thousand times, some
   * seconds of work.
   */
  public static final int BUFFERED = 64 * 1024;

  private final String label;
  private final Schema schema;
  private final LoadSettings usual;

  /**
   * @param label the format's name, SnakeYAML's label for its input
   * @param schema resolves plain scalars to tags (YAML 1.2 core schema or an equivalent)
   */
  public YamlSettings(String label, Schema schema) {
    this.label = label;
    this.schema = schema;
    this.usual = build(ParseLimits.DEFAULTS.maxAliases(), null);
  }

  /** The settings for a text of {@code length} characters under {@code maxAliases}. */
  public LoadSettings forText(int maxAliases, int length) {
    if (length > BUFFERED) {
      return build(maxAliases, length + 1);
    }
    return maxAliases == ParseLimits.DEFAULTS.maxAliases() ? usual : build(maxAliases, null);
  }

  /** The buffer a text of {@code length} characters is read with, null for SnakeYAML's own. */
  public static Integer bufferSize(int length) {
    return length > BUFFERED ? length + 1 : null;
  }

  private LoadSettings build(int maxAliases, Integer bufferSize) {
    LoadSettingsBuilder b = LoadSettings.builder();
    if (bufferSize != null) {
      b.setBufferSize(bufferSize);
    }
    return b.setLabel(label)
        .setAllowDuplicateKeys(false)
        .setMaxAliasesForCollections(Math.max(0, maxAliases))
        .setCodePointLimit(MAX_CODE_POINTS)
        .setSchema(schema)
        .setUseMarks(true)
        .build();
  }
}
