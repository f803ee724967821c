package dev.keycard.format.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keycard.format.Formats;
import dev.keycard.input.InputFormat;
import dev.keycard.input.InputReader;
import dev.keycard.input.ParseOptions;
import dev.keycard.input.ParsedInput;
import dev.keycard.input.Source;
import dev.keycard.model.Container;
import dev.keycard.model.Mount;
import dev.keycard.model.Origin;
import dev.keycard.model.Port;
import dev.keycard.model.Volume;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue 20's input bullets, one test (or a few) each, on manifests written as kubectl reads them. */
class KubernetesParserTest {
  static final KubernetesParser PARSER = new KubernetesParser();
  static final InputReader READER = Formats.reader();

  static ParsedInput parse(String yaml) {
    return PARSER.parse(Source.of(yaml), ParseOptions.defaults());
  }

  static ParsedInput ok(String yaml) {
    ParsedInput p = parse(yaml);
    assertThat(p.errors()).as("errors").isEmpty();
    return p;
  }

  static Container only(String yaml) {
    ParsedInput p = ok(yaml);
    assertThat(p.containers()).hasSize(1);
    return p.containers().get(0);
  }

  static Container named(ParsedInput p, String name) {
    return p.containers().stream()
        .filter(c -> c.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no container " + name + " in " + p.containers().stream().map(Container::name).toList()));
  }

  /** The text the span of {@code o} covers. */
  static String text(String source, Origin o) {
    return source.substring(o.span().start().offset(), o.span().end().offset());
  }

  static final String DEPLOYMENT =
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
      spec:
        replicas: 2
        template:
          metadata:
            labels: {app: web}
          spec:
            containers:
            - name: nginx
              image: nginx:1.27
              securityContext:
                privileged: true
      """;

  @Test
  void deployment_isOneContainerNamedByKindNameAndContainer_withPointersAndSpans() {
    Container c = only(DEPLOYMENT);
    assertThat(c.name()).isEqualTo("deployment/web/nginx");
    assertThat(c.image()).isEqualTo("nginx:1.27");
    assertThat(c.privileged()).isTrue();
    Origin at = c.locations().get("privileged");
    assertThat(at.path()).isEqualTo("/spec/template/spec/containers/0/securityContext/privileged");
    assertThat(text(DEPLOYMENT, at)).isEqualTo("privileged: true");
    assertThat(c.origin().path()).isEqualTo("/spec/template/spec/containers/0");
    assertThat(text(DEPLOYMENT, c.origin())).isEqualTo("name: nginx");
  }
}
