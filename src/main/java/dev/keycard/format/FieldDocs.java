package dev.keycard.format;

import dev.keycard.model.Field;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code docs/fields.md}: the field catalogue as one table, a row per model setting (its {@code
 * /v1/parse} name and type) and a column per registered format (where the format reads it from,
 * what a fix writes, or why the format cannot say it). Generated from {@link Field} and each
 * format's {@link Format#fields()}; {@code FieldDocsTest} holds the page equal to it.
 */
public final class FieldDocs {
  private FieldDocs() {}

  /** The page. */
  public static String markdown() {
    List<Format> formats = Formats.all();
    StringBuilder b = new StringBuilder();
    b.append(
        """
# Fields

<!-- generated from dev.keycard.model.Field and each format's fields():
     ./mvnw -q test -Dtest=FieldDocsTest -Ddocs.update=true -->

Every setting of the canonical container, as rules read it (`c.<field>`) and `/v1/parse` writes
it, and where each input format reads it from. Back to the [rule language](rule-language.md).

In a format's column:

- the keys, flags or paths the parser reads the field from, as the format spells them;
- **fix:** the spelling a fix writes (without one, fixes of the field are not rendered there);
- *from* `field`: the parser derives it from another field;
- *always*: the same value for every container of the format;
- *not expressible*: the format has no way to say it, and why.

Kubernetes paths are the container's own unless they start with `spec.` (the pod spec: a
workload's `spec.template.spec`) or `metadata.` (the pod's metadata); a container's
`securityContext` falls back on the pod's where Kubernetes inherits it. Engine API paths are
members of a `POST /containers/create` body; `Config.*`, `Name`, `Mounts` and
`NetworkSettings.*` are `docker inspect` output.

Not listed: `format` (the input format the container was read from, set by the pipeline) and
`unknown` (the paths whose value only the client knows).

""");
    b.append("| field | type |");
    for (Format f : formats) {
      b.append(' ').append(f.names().title()).append(" |");
    }
    b.append("\n| --- | --- |");
    b.append(" --- |".repeat(formats.size()));
    b.append('\n');
    for (Field field : Field.settings()) {
      b.append("| `").append(field.name()).append("` | ").append(field.typeName()).append(" |");
      for (Format f : formats) {
        b.append(' ').append(cell(f.fields().get(field.name()))).append(" |");
      }
      b.append('\n');
    }
    return b.toString();
  }

  private static String cell(FieldSource s) {
    if (s == null) {
      return "?";
    }
    String text =
        switch (s.kind()) {
          case READ -> {
            String from =
                s.readFrom().isEmpty()
                    ? "*not read*"
                    : s.readFrom().stream().map(x -> "`" + x + "`").collect(Collectors.joining(", "));
            String fix = s.fixable() ? "; **fix:** `" + s.fix() + "`" : "";
            yield from + fix + (s.note() == null ? "" : " (" + s.note() + ")");
          }
          case DERIVED ->
              "*from* `" + s.readFrom().get(0) + "`" + (s.note() == null ? "" : " (" + s.note() + ")");
          case CONSTANT -> "*always* `" + s.readFrom().get(0) + "` (" + s.note() + ")";
          case NOT_EXPRESSIBLE -> "*not expressible:* " + s.note();
        };
    return text.replace("|", "\\|").replace("\n", " ");
  }
}
