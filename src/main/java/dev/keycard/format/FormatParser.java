package dev.keycard.format;

import dev.keycard.input.Diagnostics;
import dev.keycard.input.InputFormat;
import dev.keycard.input.InputParser;
import dev.keycard.input.ParseOptions;
import dev.keycard.input.ParsedInput;
import dev.keycard.input.Source;
import java.util.function.Supplier;

/**
 * What every format's parser does alike before it reads: it fills in the options a caller may leave
 * out and opens the one diagnostics collector the parse reports through, bounded
 * by the request's limits.
 */
public abstract class FormatParser extends FormatPart implements InputParser {
  protected FormatParser(Supplier<? extends InputFormat> format) {
    super(format);
  }

  @Override
  public final ParsedInput parse(Source source, ParseOptions options) {
    ParseOptions opts = options == null ? ParseOptions.defaults() : options;
    return parse(source, opts, new Diagnostics(source, opts.limits().maxDiagnostics()));
  }

  /**
   * Reads {@code source} under {@code options}, every problem a diagnostic in {@code diags}; never
   * throws on bad input.
   */
  protected abstract ParsedInput parse(Source source, ParseOptions options, Diagnostics diags);
}
