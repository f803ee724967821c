package dev.keycard.format;

import dev.keycard.format.compose.ComposeFormat;
import dev.keycard.format.dockerrun.DockerRunFormat;
import dev.keycard.format.engineapi.EngineApiFormat;
import dev.keycard.format.kubernetes.KubernetesFormat;
import dev.keycard.input.FormatDetector;
import dev.keycard.input.InputReader;
import dev.keycard.remediation.FixRenderer;
import dev.keycard.remediation.Remediator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The registry of input formats: the one place outside the format packages that names them. Adding
 * a format is writing its package and adding it to {@link #ALL}. The order is the order of the
 * docs' examples, and detection prefers the earlier format on a tie; compose reads what no format
 * recognises (its parser explains best what is wrong with an unknown text).
 */
public final class Formats {
  private static final List<Format> ALL =
      List.of(
          DockerRunFormat.INSTANCE,
          ComposeFormat.INSTANCE,
          EngineApiFormat.INSTANCE,
          KubernetesFormat.INSTANCE);
  private static final FormatDetector DETECTOR = new FormatDetector(ALL, ComposeFormat.INSTANCE);

  private Formats() {}

  /** Every format, in registry order. */
  public static List<Format> all() {
    return ALL;
  }

  /** The format with API name {@code name} (any case), or empty. */
  public static Optional<Format> byName(String name) {
    return Optional.ofNullable((Format) detector().byName(name));
  }

  /**
   * The format with API name {@code name}.
   *
   * @throws IllegalArgumentException when no format has that name
   */
  public static Format named(String name) {
    return byName(name).orElseThrow(() -> new IllegalArgumentException("no format " + name));
  }

  /** The API names in alphabetical order ({@code compose}, {@code docker-run}, ...). */
  public static List<String> names() {
    return ALL.stream().map(Format::apiName).sorted().toList();
  }

  /** An input reader for every format. */
  public static InputReader reader() {
    return new InputReader(detector());
  }

  /** A format detector over every format. */
  public static FormatDetector detector() {
    return DETECTOR;
  }

  /** A remediator with every format's renderer. */
  public static Remediator remediator() {
    return new Remediator(ALL.stream().map(Format::renderer).filter(Objects::nonNull).toList());
  }

  /** Every renderer, one per format that renders fixes. */
  public static List<FixRenderer> renderers() {
    return ALL.stream().map(Format::renderer).filter(Objects::nonNull).toList();
  }
}
