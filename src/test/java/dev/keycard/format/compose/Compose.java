package dev.keycard.format.compose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keycard.input.ParseLimits;
import dev.keycard.input.ParseOptions;
import dev.keycard.input.ParsedInput;
import dev.keycard.input.Source;
import dev.keycard.model.Container;
import java.util.Map;

/** Test helpers: parse a compose text and pick its only service. */
final class Compose {
  private Compose() {}

  static ParsedInput parse(String yaml) {
    return new ComposeParser().parse(Source.of(yaml), ParseOptions.defaults());
  }

  static ParsedInput parse(String yaml, Map<String, String> vars) {
    return new ComposeParser().parse(Source.of(yaml), new ParseOptions(vars, Map.of(), null));
  }

  static ParsedInput parse(String yaml, ParseLimits limits) {
    return new ComposeParser().parse(Source.of(yaml), new ParseOptions(Map.of(), Map.of(), limits));
  }

  /** The single container of a clean parse. */
  static Container service(String yaml) {
    ParsedInput in = parse(yaml);
    assertThat(in.errors()).isEmpty();
    assertThat(in.containers()).hasSize(1);
    return in.containers().get(0);
  }

  /** Wraps service lines (already indented by 4) in {@code services: app:}. */
  static String svc(String body) {
    return "services:\n  app:\n" + body.indent(4);
  }

  static String text(ParsedInput in, dev.keycard.model.Span span) {
    return in.source().original().substring(span.start().offset(), span.end().offset());
  }
}
