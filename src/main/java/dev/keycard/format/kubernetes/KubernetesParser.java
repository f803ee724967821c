package dev.keycard.format.kubernetes;

import dev.keycard.format.FormatParser;
import dev.keycard.input.Diagnostics;
import dev.keycard.input.ModelSize;
import dev.keycard.input.ParseOptions;
import dev.keycard.input.ParsedInput;
import dev.keycard.input.Source;
import dev.keycard.input.StreamDocument;
import dev.keycard.model.Container;
import dev.keycard.model.DiagnosticCode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads Kubernetes manifests: one object, a YAML stream of several ({@code ---}, Helm's and
 * kustomize's rendered output, {@code # Source:} comments and all), a {@code kind: List} and JSON
 * ({@code kubectl get -o json}). Every container, init container and ephemeral container of every
 * pod template is one canonical container ({@link PodReader} says how the kubelet's semantics map
 * onto the model).
 *
 * <p>Kinds: {@code Pod} ({@code spec}), {@code PodTemplate} ({@code template.spec}), {@code
 * CronJob} ({@code spec.jobTemplate.spec.template.spec}) and every kind with a pod template at
 * {@code spec.template.spec} (Deployment, ReplicaSet, StatefulSet, DaemonSet, Job,
 * ReplicationController, and others such as Argo Rollouts). Objects of other kinds (Service,
 * ConfigMap, ...) are skipped, with one warning that counts them by kind; an input with no
 * container at all is an error that says what it holds.
 *
 * <p>Names: {@code <kind>/<name>/<container>}, the kind in lower case ({@code
 * deployment/web/nginx}); an init container's name is {@code init:<container>} and an ephemeral
 * container's {@code ephemeral:<container>} ({@code pod/debug/init:setup}). A name already taken in
 * the stream (the same workload in two namespaces) gets {@code #2}, {@code #3}, ... A workload
 * without {@code metadata.name} is named by its {@code generateName}, else {@code unnamed}.
 *
 * <p>Positions: a container's origin is its mapping (pointer) and its {@code name:} line (span).
 * Pointers are RFC 6901 JSON Pointers into {@link ParsedInput#document()}: for one document, that
 * document ({@code /spec/containers/0/securityContext/privileged}); for a stream of several, the
 * list of its documents, so every pointer starts with its document's index, counted from 0 in
 * written order, empty documents included ({@code /2/spec/template/spec/containers/0/image}). A
 * {@code kind: List}'s objects are under {@code /items/<n>}.
 *
 * <p>A Helm template ({@code {{ … }}} outside comments, quoted and block scalars) is refused with an
 * error at the first action that says to run {@code helm template} first. YAML is read with
 * SnakeYAML Engine under the request's limits ({@link StreamReader}).
 */
public final class KubernetesParser extends FormatParser {
  public KubernetesParser() {
    super(() -> KubernetesFormat.INSTANCE);
  }

  @Override
  protected ParsedInput parse(Source source, ParseOptions options, Diagnostics diags) {
    String text = source.text();
    int template = HelmTemplates.find(text);
    if (template >= 0) {
      diags.add(DiagnosticCode.INPUT_PARSE_ERROR, 
          "a Helm chart template, not a manifest: '{{' starts a template action here; render the"
              + " chart first (helm template <release> <chart>) and send its output",
          template,
          Math.min(text.length(), template + 2),
          null);
      return result(source, List.of(), diags, null);
    }
    List<StreamReader.Document> docs = new ArrayList<>(StreamReader.read(text, options.limits(), diags));
    if (diags.hasErrors()) {
      return result(source, List.of(), diags, null);
    }
    while (!docs.isEmpty() && docs.get(docs.size() - 1).root() == null) {
      docs.remove(docs.size() - 1); // a trailing "---" opens no document a reader would count
    }
    boolean stream = docs.size() > 1;
    Object document;
    if (stream) {
      List<Object> all = new ArrayList<>(docs.size());
      docs.forEach(d -> all.add(KNode.toJson(d.root())));
      document = all;
    } else {
      document = docs.isEmpty() ? null : KNode.toJson(docs.get(0).root());
    }
    Reading r = new Reading(diags, options);
    for (StreamReader.Document d : docs) {
      if (d.root() == null) {
        continue;
      }
      Values v = new Values(diags, stream ? "/" + d.index() : "");
      r.object(v, d.root(), 0);
      if (diags.hasErrors()) {
        return result(source, List.of(), diags, document);
      }
    }
    r.reportSkipped(source);
    if (r.containers.isEmpty() && !diags.hasErrors()) {
      String what =
          r.skipped.isEmpty()
              ? "a YAML document without Kubernetes workloads"
              : "Kubernetes objects without containers (" + kinds(r.skipped) + ")";
      diags.add(
          DiagnosticCode.INPUT_NOT_A_CONTAINER_SPEC,
          "not a container spec: this looks like "
              + what
              + ". Keycard reads Pods and the controllers that hold a pod template (Deployment,"
              + " StatefulSet, DaemonSet, Job, CronJob, ...)",
          0,
          firstLineEnd(text),
          null);
    }
    List<StreamDocument> documents = new ArrayList<>();
    if (stream) {
      for (StreamReader.Document d : docs) {
        if (d.root() != null) {
          documents.add(new StreamDocument(d.index(), source.span(d.root().start(), d.root().end())));
        }
      }
    }
    return result(
        source, diags.hasErrors() ? List.of() : r.containers, diags, document, documents);
  }

  private static int firstLineEnd(String text) {
    int nl = text.indexOf('\n');
    return nl < 0 ? text.length() : nl;
  }

  private static ParsedInput result(
      Source source, List<Container> containers, Diagnostics diags, Object document) {
    return result(source, containers, diags, document, List.of());
  }

  private static ParsedInput result(
      Source source,
      List<Container> containers,
      Diagnostics diags,
      Object document,
      List<StreamDocument> documents) {
    return new ParsedInput(
        KubernetesFormat.INSTANCE,
        containers,
        diags.list(),
        source,
        document,
        List.of(),
        List.of(),
        containers.isEmpty() ? null : new KubernetesSyntax(source.text(), documents));
  }

  private static String kinds(Map<String, Integer> counts) {
    StringBuilder sb = new StringBuilder();
    counts.forEach(
        (kind, n) -> sb.append(sb.length() == 0 ? "" : ", ").append(kind).append(n > 1 ? " ×" + n : ""));
    return sb.toString();
  }

  /** The state of one parse: containers so far, names taken, kinds skipped. */
  private static final class Reading {
    private final Diagnostics diags;
    private final ParseOptions options;
    private final ModelSize size = ModelSize.ofRequest();
    final List<Container> containers = new ArrayList<>();
    private final Map<String, Integer> names = new HashMap<>();
    final Map<String, Integer> skipped = new LinkedHashMap<>();
    private int firstSkipped = -1;
    private int firstSkippedEnd;
    private String firstSkippedPointer;

    Reading(Diagnostics diags, ParseOptions options) {
      this.diags = diags;
      this.options = options;
    }

    /** One object of the stream (a {@code List}'s items each in turn). */
    void object(Values v, KNode node, int depth) {
      if (!(node instanceof KNode.Map root)) {
        v.invalid(node, "not a Kubernetes object: expected a mapping with apiVersion and kind");
        return;
      }
      String kind = root.string("kind");
      if (kind == null) {
        v.invalid(root, "not a Kubernetes object: no kind");
        return;
      }
      if (kind.equals("List") || (kind.endsWith("List") && root.get("items") instanceof KNode.Seq)) {
        if (depth > 4) {
          v.invalid(root, "a List nested deeper than 4 levels is not read");
          return;
        }
        for (KNode item : v.items(root.get("items"), "items")) {
          object(v, item, depth + 1);
          if (diags.hasErrors()) {
            return;
          }
        }
        return;
      }
      KNode.Map metadata = v.map(root.get("metadata"), "metadata");
      KNode.Map spec = v.map(root.get("spec"), "spec");
      KNode.Map podSpec = null;
      KNode.Map podMetadata = null;
      if (kind.equals("Pod")) {
        podSpec = spec;
        podMetadata = metadata;
      } else if (kind.equals("PodTemplate")) {
        KNode.Map template = v.map(root.get("template"), "template");
        podSpec = template == null ? null : v.map(template.get("spec"), "template.spec");
        podMetadata = template == null ? null : v.map(template.get("metadata"), "template.metadata");
      } else if (spec != null) {
        KNode.Map template = spec.map("template");
        KNode.Map jobTemplate = spec.map("jobTemplate");
        if (template == null && jobTemplate != null && jobTemplate.map("spec") != null) {
          template = jobTemplate.map("spec").map("template");
        }
        if (template != null) {
          podSpec = v.map(template.get("spec"), "template.spec");
          podMetadata = v.map(template.get("metadata"), "template.metadata");
        }
      }
      if (podSpec == null || !hasContainers(podSpec)) {
        skip(v, root, kind);
        return;
      }
      String workload = kind.toLowerCase(Locale.ROOT) + "/" + name(metadata);
      PodReader pod = new PodReader(v, podSpec, podMetadata);
      for (PodReader.Written w : pod.containers()) {
        if (containers.size() >= options.limits().maxContainers()) {
          diags.add(
              DiagnosticCode.INPUT_LIMIT_EXCEEDED,
              "more than " + options.limits().maxContainers() + " containers in the input",
              w.body().start(),
              w.body().start(),
              v.pointer(w.body()));
          return;
        }
        Container c = pod.read(w, unique(workload + "/" + w.kind().namePrefix + w.name())).build();
        size.add(c);
        containers.add(c);
      }
    }

    private static boolean hasContainers(KNode.Map podSpec) {
      for (PodReader.ContainerKind k : PodReader.ContainerKind.values()) {
        if (podSpec.get(k.key) instanceof KNode.Seq q && !q.items().isEmpty()) {
          return true;
        }
      }
      return false;
    }

    private static String name(KNode.Map metadata) {
      if (metadata != null) {
        String n = metadata.string("name");
        if (n != null && !n.isBlank()) {
          return n;
        }
        String g = metadata.string("generateName");
        if (g != null && !g.isBlank()) {
          return g;
        }
      }
      return "unnamed";
    }

    private String unique(String name) {
      int n = names.merge(name, 1, Integer::sum);
      if (n == 1) {
        return name;
      }
      String candidate = name + "#" + n;
      while (names.containsKey(candidate)) {
        candidate = name + "#" + (++n);
      }
      names.put(candidate, 1);
      return candidate;
    }

    private void skip(Values v, KNode.Map root, String kind) {
      if (skipped.size() >= 100 && !skipped.containsKey(kind)) {
        kind = "other kinds";
      }
      skipped.merge(kind, 1, Integer::sum);
      if (firstSkipped < 0) {
        KNode.Entry k = root.entry("kind");
        firstSkipped = k.start();
        firstSkippedEnd = k.end();
        firstSkippedPointer = v.pointer(k.key());
      }
    }

    /** One warning for every object skipped, at the first one's kind. */
    void reportSkipped(Source source) {
      if (skipped.isEmpty() || containers.isEmpty()) {
        return;
      }
      int total = skipped.values().stream().mapToInt(Integer::intValue).sum();
      diags.add(
          DiagnosticCode.INPUT_OBJECTS_SKIPPED,
          total
              + (total == 1 ? " object" : " objects")
              + " without containers not checked ("
              + kinds(skipped)
              + ")",
          firstSkipped,
          firstSkippedEnd,
          firstSkippedPointer);
    }
  }
}
