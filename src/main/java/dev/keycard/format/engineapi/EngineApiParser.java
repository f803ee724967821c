package dev.keycard.format.engineapi;

import dev.keycard.format.FormatParser;
import dev.keycard.input.Diagnostics;
import dev.keycard.input.ModelSize;
import dev.keycard.input.ParseOptions;
import dev.keycard.input.ParsedInput;
import dev.keycard.input.Shapes;
import dev.keycard.input.Source;
import dev.keycard.model.Container;
import dev.keycard.model.Diagnostic;
import dev.keycard.model.DiagnosticCode;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses Docker Engine API input: a {@code POST /containers/create} body, one {@code docker
 * inspect} object, or the JSON array {@code docker inspect} prints (one container per element).
 *
 * <p>Grammar: strict JSON (RFC 8259). The root is an object, or an array of objects. An object with
 * an object-valued {@code Config} member is an inspect object; any other object is a create body.
 * Field names are the API's exact, case-sensitive names; unknown members are ignored; members that
 * differ from a known field only in case are warned about. Every setting read is located by the RFC
 * 6901 pointer into the document and the span of the text it came from.
 */
public final class EngineApiParser extends FormatParser {
  public EngineApiParser() {
    super(() -> EngineApiFormat.INSTANCE);
  }

  @Override
  protected ParsedInput parse(Source source, ParseOptions options, Diagnostics sink) {
    JsonNode root = new JsonReader(source, options.limits(), sink).read();
    List<Container> containers = new ArrayList<>();
    if (root != null && isKubernetes(root)) {
      // a create body's unknown members are ignored: a manifest would read as an empty container
      int end = source.text().indexOf('\n', root.start());
      sink.add(
          Shapes.notASpec(
              Shapes.kubernetes((String) root.get("kind").plain()),
              source.span(root.start(), end < 0 ? source.text().length() : end)));
      root = null;
    }
    if (root != null) {
      Values values = new Values(source, sink);
      ContainerReader reader = new ContainerReader(values);
      if (root.isObject()) {
        containers.add(reader.read(root));
      } else if (root.isArray()) {
        readAll(root, reader, values, options.limits().maxContainers(), containers, sink);
      } else {
        sink.add(
            Diagnostic.of(
                    DiagnosticCode.INPUT_PARSE_ERROR,
                    "expected a JSON object (a create body or an inspect object) or an array of"
                        + " them",
                    values.value(root).span())
                .withPath(""));
      }
    }
    if (sink.hasErrors()) {
      containers.clear();
    }
    ModelSize size = ModelSize.ofRequest();
    containers.forEach(size::add);
    return new ParsedInput(
        EngineApiFormat.INSTANCE,
        containers,
        sink.list(),
        source,
        root == null ? null : root.plain(),
        List.of(),
        List.of(),
        root == null || containers.isEmpty() ? null : new EngineApiSyntax(source.text(), root));
  }

  /** A Kubernetes object ({@code kubectl get -o json}): {@code apiVersion} and {@code kind}. */
  private static boolean isKubernetes(JsonNode root) {
    return root.isObject()
        && root.get("apiVersion") != null
        && root.get("apiVersion").plain() instanceof String
        && root.get("kind") != null
        && root.get("kind").plain() instanceof String;
  }

  private static void readAll(
      JsonNode root,
      ContainerReader reader,
      Values values,
      int maxContainers,
      List<Container> out,
      Diagnostics sink) {
    if (root.items().size() > maxContainers) {
      sink.add(
          Diagnostic.of(
                  DiagnosticCode.INPUT_LIMIT_EXCEEDED,
                  "more than " + maxContainers + " containers in one input",
                  values.value(root).span())
              .withPath(""));
      return;
    }
    if (root.items().isEmpty()) {
      // nothing to judge is no verdict: an empty array must not read as "allowed"
      sink.add(
          Diagnostic.of(
                  DiagnosticCode.INPUT_PARSE_ERROR,
                  "an empty array holds no container (expected create bodies or inspect objects)",
                  values.value(root).span())
              .withPath(""));
      return;
    }
    for (JsonNode item : root.items()) {
      if (item.isObject()) {
        out.add(reader.read(item));
      } else {
        // an element Keycard cannot judge makes the whole answer an error, never a pass
        sink.add(
            Diagnostic.of(
                    DiagnosticCode.INPUT_PARSE_ERROR,
                    item.pointer() + " is not a container object (a create body or an inspect"
                        + " object)",
                    values.value(item).span())
                .withPath(item.pointer()));
      }
    }
  }
}
