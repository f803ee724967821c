package dev.keycard.format.dockerrun;

import dev.keycard.input.Diagnostics;
import dev.keycard.input.Source;
import dev.keycard.model.Container;
import dev.keycard.model.DiagnosticCode;
import dev.keycard.model.Field;
import dev.keycard.model.Origin;
import java.util.List;

/**
 * Turns the words of one {@code docker run}/{@code create} into a container: options through {@link
 * Pflag}, then the image (the first positional word) and the container's command (every word after
 * it, never read as flags).
 */
final class RunCommand {
  private RunCommand() {}

  /** The container, or null when the command has an error (reported to {@code sink}). */
  static Container build(
      List<Piece> words, CommandPrefix.Invocation inv, Source source, Diagnostics sink) {
    FlagTable table = inv.podman() ? FlagTable.podman() : FlagTable.docker(inv.create());
    Pflag.Result flags = Pflag.parse(words, inv.argsStart(), table, sink);
    if (flags.failed()) {
      return null;
    }
    if (flags.positional() >= words.size()) {
      Piece last = words.get(words.size() - 1);
      sink.add(
          DiagnosticCode.INPUT_PARSE_ERROR,
          "no image: \"" + inv.command() + "\" requires an image after its options",
          words.get(0).start(),
          last.end());
      return null;
    }
    Container.Builder b = Container.builder();
    b.locate(
        Container.COMMAND_LINE,
        Origin.of(null, source.span(words.get(0).start(), words.get(words.size() - 1).end())));
    MapContext ctx = new MapContext(b, source, sink, inv.podman());
    RunMapper mapper = new RunMapper(ctx);
    for (FlagUse u : flags.uses()) {
      mapper.apply(u);
    }
    mapper.finish();
    image(words.get(flags.positional()), ctx);
    if (flags.terminator() >= 0) {
      // a flag a fix adds goes before this, or docker would read it as the image
      b.locate(Container.OPTIONS_END, ctx.origin(words.get(flags.terminator())));
    }
    List<Piece> rest = words.subList(flags.positional() + 1, words.size());
    if (!rest.isEmpty()) {
      b.command = rest.stream().map(Piece::text).toList();
      b.locate(
          "command",
          Origin.of(null, source.span(rest.get(0).start(), rest.get(rest.size() - 1).end())));
      if (rest.stream().anyMatch(Piece::isUnknown)) {
        b.unknown("command");
      }
    }
    return b.build();
  }

  private static void image(Piece image, MapContext ctx) {
    Container.Builder b = ctx.b;
    Origin at = ctx.origin(image);
    b.image = image.text();
    b.origin = at;
    b.locate(Field.IMAGE, at);
    if (image.isUnknown()) {
      b.unknown("image");
    } else if (!ImageRefs.isValid(image.text())) {
      ctx.sink.add(
          DiagnosticCode.INPUT_INVALID_VALUE,
          "invalid reference format: '"
              + image.text()
              + "' is read as the image, which docker"
              + " would reject (an unquoted space in an earlier value?)",
          image.start(),
          image.end());
    }
    if (b.name == null) {
      b.name = ImageRefs.defaultName(image.text());
      b.locate(Field.NAME, at);
    }
  }
}
