package dev.keycard.format.compose;

import dev.keycard.format.FormatParser;
import dev.keycard.input.CommentWaiver;
import dev.keycard.input.Diagnostics;
import dev.keycard.input.ModelSize;
import dev.keycard.input.ParseOptions;
import dev.keycard.input.ParsedInput;
import dev.keycard.input.Shapes;
import dev.keycard.input.Source;
import dev.keycard.model.Container;
import dev.keycard.model.DiagnosticCode;
import dev.keycard.model.Origin;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses a Docker Compose document into one container per service.
 *
 * <p>Accepted shapes: a document with {@code services:} (pointers {@code /services/<name>/...}); a
 * bare service fragment, one mapping holding service keys such as {@code image} or {@code
 * privileged} (a chat paste), read as one container named after the image's last path component
 * without tag or digest ({@code app} without an image), pointers relative to the root ({@code
 * /privileged}); and mappings of service names to service mappings without {@code services:}
 * ({@code web: {image: nginx}}, each with an {@code image}, a {@code build} or {@code extends}),
 * pointers {@code /web/...}. A {@code services:} mapping that holds
 * service keys itself and no service mappings is read, with a warning, as one service at {@code
 * /services}. A document with {@code services:} or only top-level keys and no service is an error
 * "no services found" at 1:1; anything else is not compose at all, and its error says what it looks
 * like instead ({@link Shapes}): a Kubernetes manifest, a GitHub Actions workflow, prose.
 *
 * <p>YAML 1.2 with anchors, aliases and {@code <<} merges, same-file {@code extends}, and
 * interpolation from {@link ParseOptions#variables()} only. {@code env_file}, {@code extends.file},
 * {@code include} and build contexts are never read; each gives a warning. YAML nodes after alias
 * expansion are bounded by {@code max-yaml-nodes}, the containers' list elements after aliases,
 * merges and {@code extends} by {@code max-model-elements} (413 past either).
 *
 * <p>{@code # keycard:ignore} waivers are taken from real YAML comments only and attached to the
 * node they sit on ({@link CommentAttachment}).
 */
public final class ComposeParser extends FormatParser {
  /** Top-level keys of a full document, which never name services. */
  private static final Set<String> TOP_LEVEL =
      Set.of(
          "version",
          "name",
          "services",
          "networks",
          "volumes",
          "configs",
          "secrets",
          "include",
          "models");

  public ComposeParser() {
    super(() -> ComposeFormat.INSTANCE);
  }

  @Override
  protected ParsedInput parse(Source source, ParseOptions options, Diagnostics diags) {
    YamlReader.Read read = YamlReader.readTree(source.text(), options.limits(), diags);
    YNode root = read.root();
    ComposeSyntax syntax = new ComposeSyntax(source.text(), root, read.plain());
    if (diags.hasErrors()) {
      if (Shapes.recognised(source.text()) != null) {
        // a Kubernetes stream of several documents: what it is says more than its YAML error
        Diagnostics other = new Diagnostics(source, options.limits().maxDiagnostics());
        other.add(Shapes.notASpec(source));
        return result(source, List.of(), other, null, null);
      }
      return result(source, List.of(), diags, root, syntax);
    }
    Map<String, Service> services = services(root, diags, source);
    if (diags.hasErrors()) {
      return result(source, List.of(), diags, root, syntax);
    }
    if (services.size() > options.limits().maxContainers()) {
      diags.add(
          DiagnosticCode.INPUT_LIMIT_EXCEEDED,
          services.size() + " services exceed the limit of " + options.limits().maxContainers(),
          0,
          0,
          null);
      return result(source, List.of(), diags, root, syntax);
    }
    includes(root, diags);
    Merges merges = new Merges(diags);
    Map<String, YNode.Map> bodies = new LinkedHashMap<>();
    services.forEach((name, s) -> bodies.put(name, (YNode.Map) merges.resolve(s.body())));
    Extends ext = new Extends(bodies, diags);
    Interpolator interpolator = new Interpolator(options.variables());
    List<Container> out = new ArrayList<>();
    ModelSize size = ModelSize.ofRequest();
    Map<String, Integer> pointers = new LinkedHashMap<>();
    for (Service s : services.values()) {
      pointers.put(s.pointer(), pointers.size());
      Container.Builder b = Container.builder();
      b.name = s.name();
      b.origin = Origin.of(s.pointer(), diags.span(s.start(), s.end()));
      new ServiceReader(new Values(b, interpolator, diags)).read(ext.resolve(s.name()));
      Container c = b.build();
      size.add(c);
      out.add(c);
    }
    List<CommentWaiver> waivers =
        source.hasSpans()
            ? CommentAttachment.of(source.text(), root, pointers, diags)
            : List.of();
    return result(source, out, diags, root, syntax, waivers);
  }

  private static ParsedInput result(
      Source source,
      List<Container> containers,
      Diagnostics diags,
      YNode root,
      ComposeSyntax syntax) {
    return result(source, containers, diags, root, syntax, List.of());
  }

  private static ParsedInput result(
      Source source,
      List<Container> containers,
      Diagnostics diags,
      YNode root,
      ComposeSyntax syntax,
      List<CommentWaiver> waivers) {
    Object doc = root == null ? null : YNode.toJson(root);
    return new ParsedInput(
        ComposeFormat.INSTANCE,
        containers,
        diags.list(),
        source,
        doc,
        List.of(),
        waivers,
        containers.isEmpty() ? null : syntax);
  }

  /** A service as written: name, pointer, span of its key (or the whole fragment), body. */
  private record Service(String name, String pointer, int start, int end, YNode.Map body) {}

  private static Map<String, Service> services(YNode root, Diagnostics diags, Source source) {
    Map<String, Service> out = new LinkedHashMap<>();
    if (!(root instanceof YNode.Map m)) {
      diags.add(Shapes.notASpec(source));
      return out;
    }
    YNode.Entry svc = m.entry("services");
    if (svc == null && isOtherKind(m)) {
      diags.add(Shapes.notASpec(source));
      return out;
    }
    if (svc != null) {
      if (svc.value() instanceof YNode.Map sm && isMisplacedFragment(sm)) {
        // "services:" directly holding service keys: compose rejects it, a human meant one service
        diags.add(
            DiagnosticCode.INPUT_INVALID_VALUE,
            "services: holds service keys; read as one service",
            sm.start(),
            sm.end(),
            sm.pointer());
        String name = fragmentName(sm.get("image"));
        out.put(name, new Service(name, sm.pointer(), svc.start(), svc.end(), sm));
      } else if (svc.value() instanceof YNode.Map sm) {
        named(sm.entries(), out, diags);
      }
    } else if (isServiceBody(m)) {
      String name = fragmentName(m.get("image"));
      out.put(name, new Service(name, "", m.start(), m.end(), m));
    } else {
      List<YNode.Entry> candidates =
          m.entries().stream()
              .filter(e -> !TOP_LEVEL.contains(e.name()) && !e.name().startsWith("x-"))
              .filter(e -> e.value() instanceof YNode.Map body && looksLikeService(body))
              .toList();
      named(candidates, out, diags);
    }
    if (out.isEmpty() && !diags.hasErrors()) {
      if (svc != null || m.entries().stream().allMatch(e -> isTopLevel(e.name()))) {
        diags.add(DiagnosticCode.INPUT_PARSE_ERROR, "no services found", 0, 0, null);
      } else {
        // a workflow's "jobs: {build: ...}" or a manifest's "metadata: {labels: ...}" is no service
        diags.add(Shapes.notASpec(source));
      }
    }
    return out;
  }

  /**
   * A document of another kind whose entries could pass for services: a Kubernetes manifest, a
   * GitHub Actions workflow, a GitLab CI file (its jobs have an {@code image} and a {@code script},
   * which no service has).
   */
  private static boolean isOtherKind(YNode.Map root) {
    if ((root.entry("apiVersion") != null && root.entry("kind") != null)
        || (root.entry("jobs") != null && (root.entry("on") != null || root.entry("true") != null))
        || root.entry("stages") != null
        || root.entry("script") != null) {
      return true;
    }
    for (YNode.Entry e : root.entries()) {
      if (e.value() instanceof YNode.Map body
          && (body.entry("script") != null || body.entry("runs-on") != null)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isTopLevel(String key) {
    return TOP_LEVEL.contains(key) || key.startsWith("x-");
  }

  /**
   * Whether a mapping under a name of its own (no {@code services:} above it) is a service: it has
   * an {@code image}, a {@code build} (a context path, or a mapping with a context or a
   * Dockerfile) or {@code extends}. Other service keys alone do not make one: a GitHub Actions
   * job's {@code build: {runs-on: ...}} or a Kubernetes {@code metadata: {labels: ...}} is none.
   */
  private static boolean looksLikeService(YNode.Map body) {
    if (body.entry("image") != null || body.entry("extends") != null) {
      return true;
    }
    YNode build = body.get("build");
    return build instanceof YNode.Scalar
        || (build instanceof YNode.Map b
            && (b.entry("context") != null
                || b.entry("dockerfile") != null
                || b.entry("dockerfile_inline") != null));
  }

  private static boolean isMisplacedFragment(YNode.Map services) {
    for (YNode.Entry e : services.entries()) {
      if (e.value() instanceof YNode.Map) {
        return false;
      }
    }
    return isServiceBody(services);
  }

  private static boolean isServiceBody(YNode.Map body) {
    for (YNode.Entry e : body.entries()) {
      if (ServiceKeys.is(e.name())) {
        return true;
      }
    }
    return false;
  }

  private static void named(List<YNode.Entry> entries, Map<String, Service> out, Diagnostics d) {
    for (YNode.Entry e : entries) {
      if (e.value() instanceof YNode.Map body) {
        out.put(
            e.name(),
            new Service(e.name(), e.key().pointer(), e.key().start(), e.key().end(), body));
      } else {
        YNode v = e.value();
        d.add(
            DiagnosticCode.INPUT_INVALID_VALUE,
            "service " + e.name() + " is not a mapping",
            v.start(),
            v.end(),
            v.pointer());
      }
    }
  }

  /** {@code registry/library/nginx:1.25@sha256:...} is named {@code nginx}. */
  static String fragmentName(YNode image) {
    if (!(image instanceof YNode.Scalar s) || !s.isString() || s.text().contains("$")) {
      return "app";
    }
    String n = s.text().trim();
    int at = n.indexOf('@');
    n = at < 0 ? n : n.substring(0, at);
    n = n.substring(n.lastIndexOf('/') + 1);
    int colon = n.indexOf(':');
    n = colon < 0 ? n : n.substring(0, colon);
    return n.isEmpty() ? "app" : n;
  }

  private static void includes(YNode root, Diagnostics diags) {
    if (!(root instanceof YNode.Map m) || m.entry("include") == null) {
      return;
    }
    YNode inc = m.get("include");
    List<YNode> items = inc instanceof YNode.Seq q ? q.items() : List.of(inc);
    for (YNode i : items) {
      YNode p = i instanceof YNode.Map im && im.get("path") != null ? im.get("path") : i;
      String name =
          p instanceof YNode.Scalar s
              ? s.text()
              : p instanceof YNode.Seq q
                  ? String.join(
                      ", ",
                      q.items().stream()
                          .map(x -> x instanceof YNode.Scalar s ? s.text() : "")
                          .toList())
                  : "";
      diags.add(
          DiagnosticCode.INPUT_UNREAD_FILE,
          "include " + name + " was not read",
          i.start(),
          i.end(),
          i.pointer());
    }
  }
}
