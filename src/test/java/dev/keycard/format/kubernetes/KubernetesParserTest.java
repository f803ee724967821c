package dev.keycard.format.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keycard.format.Formats;
import dev.keycard.input.InputFormat;
import dev.keycard.input.InputReader;
import dev.keycard.input.ParseOptions;
import dev.keycard.input.ParsedInput;
import dev.keycard.input.Source;
import dev.keycard.model.Container;
import dev.keycard.model.Diagnostic;
import dev.keycard.model.EnvVar;
import dev.keycard.model.Mount;
import dev.keycard.model.Origin;
import dev.keycard.model.Port;
import dev.keycard.model.Sysctl;
import dev.keycard.model.Volume;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

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

  // ---- kinds --------------------------------------------------------------------------------

  static Stream<Arguments> kinds() {
    String pod = "containers:\n- name: app\n  image: nginx\n";
    return Stream.of(
        Arguments.of("v1", "Pod", "spec:\n" + indent(pod, 2), "pod/x/app", "/spec/containers/0"),
        Arguments.of("v1", "PodTemplate", "template:\n  spec:\n" + indent(pod, 4), "podtemplate/x/app", "/template/spec/containers/0"),
        Arguments.of("apps/v1", "Deployment", tpl(pod), "deployment/x/app", "/spec/template/spec/containers/0"),
        Arguments.of("apps/v1", "ReplicaSet", tpl(pod), "replicaset/x/app", "/spec/template/spec/containers/0"),
        Arguments.of("apps/v1", "StatefulSet", tpl(pod), "statefulset/x/app", "/spec/template/spec/containers/0"),
        Arguments.of("apps/v1", "DaemonSet", tpl(pod), "daemonset/x/app", "/spec/template/spec/containers/0"),
        Arguments.of("batch/v1", "Job", tpl(pod), "job/x/app", "/spec/template/spec/containers/0"),
        Arguments.of("v1", "ReplicationController", tpl(pod), "replicationcontroller/x/app", "/spec/template/spec/containers/0"),
        Arguments.of("argoproj.io/v1alpha1", "Rollout", tpl(pod), "rollout/x/app", "/spec/template/spec/containers/0"),
        Arguments.of(
            "batch/v1",
            "CronJob",
            "spec:\n  schedule: '*/5 * * * *'\n  jobTemplate:\n    spec:\n      template:\n        spec:\n" + indent(pod, 10),
            "cronjob/x/app",
            "/spec/jobTemplate/spec/template/spec/containers/0"));
  }

  static String tpl(String pod) {
    return "spec:\n  template:\n    spec:\n" + indent(pod, 6);
  }

  static String indent(String text, int n) {
    String pad = " ".repeat(n);
    return pad + text.stripTrailing().replace("\n", "\n" + pad) + "\n";
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("kinds")
  void everyKindWithAPodTemplate_isRead(String api, String kind, String body, String name, String pointer) {
    String yaml = "apiVersion: " + api + "\nkind: " + kind + "\nmetadata:\n  name: x\n" + body;
    Container c = only(yaml);
    assertThat(c.name()).isEqualTo(name);
    assertThat(c.image()).isEqualTo("nginx");
    assertThat(c.origin().path()).isEqualTo(pointer);
    assertThat(c.format()).isNull(); // the reader marks it; the parser alone does not
    assertThat(READER.read(yaml, false, null, ParseOptions.defaults()).containers().get(0).format())
        .isEqualTo("kubernetes");
  }

  @Test
  void initAndEphemeralContainers_areContainersToo_namedByTheirKind() {
    ParsedInput p =
        ok(
            """
            apiVersion: v1
            kind: Pod
            metadata: {name: debug}
            spec:
              initContainers:
              - {name: setup, image: busybox}
              containers:
              - {name: app, image: nginx}
              ephemeralContainers:
              - {name: shell, image: busybox, securityContext: {privileged: true}}
            """);
    assertThat(p.containers())
        .extracting(Container::name)
        .containsExactly("pod/debug/app", "pod/debug/init:setup", "pod/debug/ephemeral:shell");
    assertThat(named(p, "pod/debug/ephemeral:shell").privileged()).isTrue();
    assertThat(named(p, "pod/debug/init:setup").origin().path()).isEqualTo("/spec/initContainers/0");
  }

  @Test
  void kindsWithoutContainers_areSkippedWithOneWarningThatCountsThem() {
    ParsedInput p =
        ok(
            """
            apiVersion: v1
            kind: Service
            metadata: {name: web}
            spec: {ports: [{port: 80}]}
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: a}
            data: {x: y}
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: b}
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web}
            spec:
              template:
                spec:
                  containers: [{name: nginx, image: nginx}]
            """);
    assertThat(p.containers()).extracting(Container::name).containsExactly("deployment/web/nginx");
    assertThat(p.warnings())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.code()).isEqualTo("input_objects_skipped");
              assertThat(d.message()).contains("3 objects").contains("Service").contains("ConfigMap ×2");
              assertThat(d.span().start().line()).isEqualTo(2);
              assertThat(d.path()).isEqualTo("/0/kind");
            });
  }

  @Test
  void onlyObjectsWithoutContainers_isAnErrorThatSaysWhatTheInputHolds() {
    ParsedInput p = parse("apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec: {}\n");
    assertThat(p.containers()).isEmpty();
    assertThat(p.errors())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.code()).isEqualTo("input_not_a_container_spec");
              assertThat(d.message()).contains("Kubernetes objects without containers (Service)");
              assertThat(d.span().start().line()).isEqualTo(1);
            });
  }

  // ---- streams, Lists, JSON, Helm -----------------------------------------------------------

  @Test
  void aStream_isAListOfDocuments_andEveryPointerStartsWithItsDocumentIndex() {
    String yaml =
        """
        apiVersion: v1
        kind: Service
        metadata: {name: web}
        ---
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          containers:
          - name: c
            image: nginx
            securityContext:
              privileged: true
        ---
        """;
    ParsedInput p = ok(yaml);
    assertThat(p.document()).isInstanceOf(List.class);
    List<?> docs = (List<?>) p.document();
    assertThat(docs).hasSize(3); // the empty document counts, the trailing --- opens none
    assertThat(docs.get(1)).isNull();
    Container c = p.containers().get(0);
    assertThat(c.locations().get("privileged").path())
        .isEqualTo("/2/spec/containers/0/securityContext/privileged");
    assertThat(c.locations().get("privileged").span().start().line()).isEqualTo(14);
    assertThat(resolve(p.document(), "/2/spec/containers/0/securityContext/privileged")).isEqualTo(true);
  }

  @Test
  void oneDocument_isTheDocumentItself_withoutAnIndex() {
    ParsedInput p = ok("---\n" + DEPLOYMENT + "---\n");
    assertThat(p.document()).isInstanceOf(Map.class);
    assertThat(p.containers().get(0).locations().get("privileged").path())
        .startsWith("/spec/template/");
  }

  @Test
  void everyLocation_resolvesInTheDocument() {
    ParsedInput p = ok(KITCHEN_SINK + "---\n" + DEPLOYMENT);
    for (Container c : p.containers()) {
      for (var e : c.locations().entrySet()) {
        assertThat(resolve(p.document(), e.getValue().path()))
            .as(c.name() + " " + e.getKey() + " at " + e.getValue().path())
            .isNotEqualTo(MISSING);
      }
    }
  }

  static final Object MISSING = new Object();

  /** RFC 6901, read independently of the parser: the value at {@code pointer}, or MISSING. */
  static Object resolve(Object doc, String pointer) {
    if (pointer.isEmpty()) {
      return doc;
    }
    Object at = doc;
    for (String raw : pointer.substring(1).split("/", -1)) {
      String token = raw.replace("~1", "/").replace("~0", "~");
      if (at instanceof Map<?, ?> m && m.containsKey(token)) {
        at = m.get(token);
      } else if (at instanceof List<?> l && token.matches("\\d+") && Integer.parseInt(token) < l.size()) {
        at = l.get(Integer.parseInt(token));
      } else {
        return MISSING;
      }
    }
    return at;
  }

  @Test
  void aList_readsItsItems_underItemsPointers() {
    ParsedInput p =
        ok(
            """
            apiVersion: v1
            kind: List
            items:
            - apiVersion: v1
              kind: Pod
              metadata: {name: a}
              spec: {containers: [{name: c, image: x}]}
            - apiVersion: apps/v1
              kind: Deployment
              metadata: {name: b}
              spec: {template: {spec: {hostPID: true, containers: [{name: c, image: y}]}}}
            """);
    assertThat(p.containers()).extracting(Container::name).containsExactly("pod/a/c", "deployment/b/c");
    assertThat(p.containers().get(1).origin().path()).isEqualTo("/items/1/spec/template/spec/containers/0");
    assertThat(p.containers().get(1).pid()).isEqualTo("host");
  }

  @Test
  void json_isReadWithPositions() {
    String json =
        "{\n  \"apiVersion\": \"v1\",\n  \"kind\": \"Pod\",\n  \"metadata\": {\"name\": \"j\"},\n"
            + "  \"spec\": {\"hostNetwork\": true, \"containers\": [{\"name\": \"c\", \"image\": \"nginx\","
            + " \"securityContext\": {\"privileged\": true, \"capabilities\": {\"add\": [\"sys_admin\"]}}}]}\n}\n";
    ParsedInput p = READER.read(json, false, null, ParseOptions.defaults());
    assertThat(p.format()).isEqualTo(Formats.named("kubernetes"));
    assertThat(p.errors()).isEmpty();
    Container c = p.containers().get(0);
    assertThat(c.privileged()).isTrue();
    assertThat(c.networkMode()).isEqualTo("host");
    assertThat(c.capAdd()).containsExactly("SYS_ADMIN");
    assertThat(c.locations().get("privileged").span().start().line()).isEqualTo(5);
    assertThat(text(json, c.locations().get("privileged"))).isEqualTo("\"privileged\": true");
  }

  /** Shaped like `helm template` output: a leading ---, # Source: comments, Go-template text as data. */
  static final String HELM_RENDERED =
      """
      ---
      # Source: mychart/templates/configmap.yaml
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: rules
      data:
        alert.rules: |
          summary: "{{ $labels.instance }} down"
          description: {{ $value }} is too high
      ---
      # Source: mychart/templates/deployment.yaml
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: release-mychart
        annotations:
          note: "uses {{ braces }} in a string"
      spec:
        template:
          spec:
            containers:
              - name: mychart
                image: "nginx:1.16.0"
                args: ['--template={{ .Name }}']
      """;

  @Test
  void helmRenderedOutput_isAStream_andTemplateTextInDataIsLeftAlone() {
    ParsedInput p = ok(HELM_RENDERED);
    assertThat(p.containers()).extracting(Container::name).containsExactly("deployment/release-mychart/mychart");
    assertThat(p.containers().get(0).command()).containsExactly("--template={{ .Name }}");
    assertThat(p.containers().get(0).origin().path()).startsWith("/1/");
  }

  @Test
  void aHelmTemplate_isAnErrorAtItsFirstAction_sayingToRenderItFirst() {
    String chart =
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: {{ include "mychart.fullname" . }}
          # {{ a comment is no action }}
        spec:
          replicas: {{ .Values.replicaCount }}
        """;
    ParsedInput p = READER.read(chart, false, null, ParseOptions.defaults());
    assertThat(p.format()).isEqualTo(Formats.named("kubernetes"));
    assertThat(p.containers()).isEmpty();
    assertThat(p.errors())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.message()).contains("Helm chart template").contains("helm template");
              assertThat(d.span().start().line()).isEqualTo(4);
              assertThat(d.span().start().column()).isEqualTo(9);
            });
  }

  @Test
  void aHelmTemplate_startingWithAControlAction_isStillDetectedAndRefused() {
    String chart =
        "{{- if .Values.enabled }}\napiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n{{- end }}\n";
    ParsedInput p = READER.read(chart, false, null, ParseOptions.defaults());
    assertThat(p.format()).isEqualTo(Formats.named("kubernetes"));
    assertThat(p.errors()).singleElement().satisfies(d -> assertThat(d.message()).contains("helm template"));
  }

  // ---- names ---------------------------------------------------------------------------------

  @Test
  void namesAreUniqueInTheStream() {
    String one = "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web, namespace: %s}\n"
        + "spec: {template: {spec: {containers: [{name: nginx, image: nginx}]}}}\n";
    ParsedInput p = ok(one.formatted("a") + "---\n" + one.formatted("b") + "---\n" + one.formatted("c"));
    assertThat(p.containers())
        .extracting(Container::name)
        .containsExactly("deployment/web/nginx", "deployment/web/nginx#2", "deployment/web/nginx#3");
  }

  @Test
  void unnamedWorkloadsAndContainers_haveReadableNames() {
    ParsedInput p =
        ok("apiVersion: v1\nkind: Pod\nmetadata: {generateName: job-}\nspec: {containers: [{image: x}]}\n");
    assertThat(p.containers().get(0).name()).isEqualTo("pod/job-/containers[0]");
  }

  // ---- kubelet semantics -----------------------------------------------------------------------

  /** A pod that sets a bit of everything. */
  static final String KITCHEN_SINK =
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: sink
        annotations:
          container.apparmor.security.beta.kubernetes.io/legacy: localhost/k8s-apparmor
          container.seccomp.security.alpha.kubernetes.io/legacy: docker/default
      spec:
        hostNetwork: true
        hostPID: true
        hostIPC: true
        hostUsers: false
        restartPolicy: OnFailure
        securityContext:
          runAsUser: 1000
          runAsGroup: 3000
          runAsNonRoot: true
          seccompProfile: {type: RuntimeDefault}
          seLinuxOptions: {level: "s0:c123,c456"}
          sysctls:
          - {name: net.ipv4.ip_local_port_range, value: "32768 60999"}
          windowsOptions: {hostProcess: false}
        volumes:
        - name: docker
          hostPath: {path: /var/run/docker.sock, type: Socket}
        - name: logs
          hostPath: {path: /var/log}
        - name: unmounted
          hostPath: {path: /etc}
        - name: cache
          emptyDir: {}
        - name: conf
          configMap: {name: conf}
        - name: nothing
        containers:
        - name: main
          image: registry.example/app:1.0
          command: [/bin/app]
          args: [--serve, --port=8080]
          securityContext:
            runAsUser: 0
            allowPrivilegeEscalation: false
            readOnlyRootFilesystem: true
            privileged: false
            capabilities:
              add: [net_admin, CAP_SYS_TIME]
              drop: [ALL]
            procMount: Unmasked
            seccompProfile: {type: Localhost, localhostProfile: profiles/audit.json}
            appArmorProfile: {type: Unconfined}
            seLinuxOptions: {user: system_u, type: spc_t}
            windowsOptions: {hostProcess: true}
          ports:
          - {containerPort: 8080, hostPort: 80, protocol: UDP, hostIP: 10.0.0.1}
          - {containerPort: 9090}
          env:
          - {name: DB_PASSWORD, value: hunter2}
          - name: API_TOKEN
            valueFrom: {secretKeyRef: {name: s, key: token}}
          - {name: EMPTY}
          resources:
            limits: {memory: 512Mi, cpu: 500m}
            requests: {memory: 1G, cpu: 0.25}
          volumeMounts:
          - {name: docker, mountPath: /var/run/docker.sock}
          - {name: logs, mountPath: /host/log, readOnly: true, subPath: app, mountPropagation: HostToContainer}
          - {name: cache, mountPath: /cache}
          livenessProbe:
            exec: {command: [cat, /tmp/healthy]}
          readinessProbe:
            httpGet: {host: 127.0.0.1, port: 8080}
          startupProbe:
            tcpSocket: {host: 10.0.0.2, port: 8080}
          lifecycle:
            postStart: {httpGet: {host: example.com, port: 80}}
            preStop: {tcpSocket: {host: "", port: 80}}
        - name: legacy
          image: nginx
          resources:
            limits: {memory: "0.5Gi", cpu: 2}
          readinessProbe:
            httpGet: {port: 80}
      """;

  @Test
  void podSecurityContext_isInheritedUnlessTheContainerOverrides() {
    ParsedInput p = ok(KITCHEN_SINK);
    Container main = named(p, "pod/sink/main");
    Container legacy = named(p, "pod/sink/legacy");
    assertThat(main.uid()).isZero();
    assertThat(main.gid()).isEqualTo(3000);
    assertThat(main.user()).isEqualTo("0:3000");
    assertThat(legacy.uid()).isEqualTo(1000);
    assertThat(legacy.user()).isEqualTo("1000:3000");
    assertThat(legacy.locations().get("uid").path()).isEqualTo("/spec/securityContext/runAsUser");
    assertThat(main.locations().get("uid").path()).isEqualTo("/spec/containers/0/securityContext/runAsUser");
    assertThat(main.runAsNonRoot()).isTrue();
    assertThat(legacy.runAsNonRoot()).isTrue();
    // seccomp: the container's own profile wins; the legacy container annotation wins over the pod
    assertThat(main.seccomp()).isEqualTo("localhost/profiles/audit.json");
    assertThat(legacy.seccomp()).isEqualTo("runtime/default");
    assertThat(legacy.locations().get("seccomp").path())
        .isEqualTo("/metadata/annotations/container.seccomp.security.alpha.kubernetes.io~1legacy");
    assertThat(main.seccompDefault()).isEqualTo("unconfined");
    // AppArmor: the field, else the legacy annotation
    assertThat(main.apparmor()).isEqualTo("unconfined");
    assertThat(legacy.apparmor()).isEqualTo("localhost/k8s-apparmor");
    // SELinux: the container's options replace the pod's whole
    assertThat(main.selinux()).containsExactly("user:system_u", "type:spc_t");
    assertThat(legacy.selinux()).containsExactly("level:s0:c123,c456");
    // Windows options field by field
    assertThat(main.hostProcess()).isTrue();
    assertThat(legacy.hostProcess()).isFalse();
    assertThat(legacy.sysctls()).containsExactly(new Sysctl("net.ipv4.ip_local_port_range", "32768 60999"));
    assertThat(main.sysctls()).isEqualTo(legacy.sysctls());
  }

  @Test
  void hostNamespacesAndUserNamespace_areThePods() {
    ParsedInput p = ok(KITCHEN_SINK);
    for (Container c : p.containers()) {
      assertThat(c.networkMode()).isEqualTo("host");
      assertThat(c.networks()).isEmpty();
      assertThat(c.pid()).isEqualTo("host");
      assertThat(c.ipc()).isEqualTo("host");
      assertThat(c.userns()).isEqualTo("auto");
      assertThat(c.locations().get("network_mode").path()).isEqualTo("/spec/hostNetwork");
      assertThat(c.locations().get("userns").path()).isEqualTo("/spec/hostUsers");
    }
    Container plain = only(DEPLOYMENT);
    assertThat(plain.networkMode()).isNull();
    assertThat(plain.networks()).containsExactly("pod");
    assertThat(plain.pid()).isNull();
    assertThat(plain.userns()).isNull();
    assertThat(plain.runAsNonRoot()).isFalse();
    assertThat(plain.seccomp()).isNull();
    assertThat(plain.seccompDefault()).isEqualTo("unconfined");
    assertThat(plain.hostProcess()).isNull();
    assertThat(plain.noNewPrivileges()).isNull();
    assertThat(plain.healthcheck()).isNull();
    assertThat(plain.volumes()).isEmpty();
    assertThat(plain.probeHosts()).isEmpty();
  }

  @Test
  void containerSecurityContext_mapsOntoDockerSettings() {
    Container c = named(ok(KITCHEN_SINK), "pod/sink/main");
    assertThat(c.noNewPrivileges()).isTrue();
    assertThat(c.readOnly()).isTrue();
    assertThat(c.privileged()).isFalse();
    assertThat(c.capAdd()).containsExactly("NET_ADMIN", "SYS_TIME");
    assertThat(c.capDrop()).containsExactly("ALL");
    assertThat(c.locations().get("cap_add[1]").path())
        .isEqualTo("/spec/containers/0/securityContext/capabilities/add/1");
    assertThat(c.systempaths()).isEqualTo("unconfined");
    assertThat(c.entrypoint()).containsExactly("/bin/app");
    assertThat(c.command()).containsExactly("--serve", "--port=8080");
    assertThat(c.restartPolicy()).isEqualTo("on-failure");
    String escalating =
        "apiVersion: v1\nkind: Pod\nmetadata: {name: e}\nspec:\n  containers:\n  - name: c\n    image: x\n"
            + "    securityContext: {allowPrivilegeEscalation: true, privileged: yes}\n";
    Container e = only(escalating);
    assertThat(e.noNewPrivileges()).isFalse();
    assertThat(e.privileged()).as("YAML 1.1 yes, as kubectl reads it").isTrue();
  }

  @Test
  void hostPathVolumes_mountedAreBindMounts_andEveryVolumeIsRecorded() {
    ParsedInput p = ok(KITCHEN_SINK);
    Container main = named(p, "pod/sink/main");
    assertThat(main.mounts())
        .containsExactly(
            new Mount("bind", "/var/run/docker.sock", "/var/run/docker.sock", false, null),
            new Mount("bind", "/var/log/app", "/host/log", true, "rslave"));
    assertThat(main.locations().get("mounts[0].source").path()).isEqualTo("/spec/volumes/0/hostPath/path");
    assertThat(main.locations().get("mounts[1]").path()).isEqualTo("/spec/containers/0/volumeMounts/1");
    assertThat(main.volumes())
        .containsExactly(
            new Volume("docker", "hostPath", "/var/run/docker.sock"),
            new Volume("logs", "hostPath", "/var/log"),
            new Volume("unmounted", "hostPath", "/etc"),
            new Volume("cache", "emptyDir", null),
            new Volume("conf", "configMap", null),
            new Volume("nothing", "emptyDir", null));
    Container legacy = named(p, "pod/sink/legacy");
    assertThat(legacy.mounts()).isEmpty();
    assertThat(legacy.volumes()).isEqualTo(main.volumes());
  }

  @Test
  void resources_areBytesAndCpus_requestsDefaultingToLimits() {
    ParsedInput p = ok(KITCHEN_SINK);
    Container main = named(p, "pod/sink/main");
    assertThat(main.memory()).isEqualTo(512L * 1024 * 1024);
    assertThat(main.memoryReservation()).isEqualTo(1_000_000_000L);
    assertThat(main.cpus()).isEqualTo(0.5);
    assertThat(main.cpuShares()).isEqualTo(256L);
    Container legacy = named(p, "pod/sink/legacy");
    assertThat(legacy.memory()).isEqualTo(512L * 1024 * 1024);
    assertThat(legacy.memoryReservation()).isEqualTo(512L * 1024 * 1024);
    assertThat(legacy.cpus()).isEqualTo(2.0);
    assertThat(legacy.cpuShares()).isEqualTo(2048L);
    assertThat(legacy.locations().get("memory_reservation").path())
        .isEqualTo("/spec/containers/1/resources/limits/memory");
    assertThat(legacy.pidsLimit()).isNull();
  }

  @Test
  void ports_areOnlyThoseWithAHostPort() {
    Container c = named(ok(KITCHEN_SINK), "pod/sink/main");
    // containerPort 9090 has no hostPort: not published on the node, so not a port of the model
    assertThat(c.ports()).containsExactly(new Port("10.0.0.1", 80, 80, 8080, 8080, "udp"));
    assertThat(c.locations().get("ports[0].host_port").path()).isEqualTo("/spec/containers/0/ports/0/hostPort");
  }

  @Test
  void environment_literalValuesAreValues_referencesAreNot() {
    Container c = named(ok(KITCHEN_SINK), "pod/sink/main");
    assertThat(c.environment())
        .containsExactly(new EnvVar("DB_PASSWORD", "hunter2"), new EnvVar("API_TOKEN", null), new EnvVar("EMPTY", ""));
    assertThat(c.unknown()).isEmpty(); // a reference is no value only the client knows
  }

  @Test
  void probesAndLifecycleHosts_andTheHealthcheck() {
    ParsedInput p = ok(KITCHEN_SINK);
    Container main = named(p, "pod/sink/main");
    assertThat(main.probeHosts()).containsExactly("127.0.0.1", "10.0.0.2", "example.com", "");
    assertThat(main.locations().get("probe_hosts[2]").path())
        .isEqualTo("/spec/containers/0/lifecycle/postStart/httpGet/host");
    assertThat(main.healthcheck().test()).containsExactly("CMD", "cat", "/tmp/healthy");
    assertThat(main.healthcheck().disabled()).isFalse();
    Container legacy = named(p, "pod/sink/legacy");
    assertThat(legacy.probeHosts()).isEmpty();
    assertThat(legacy.healthcheck().test()).isEmpty(); // an httpGet probe: a check, not a command
  }

  @Test
  void mergeKeysAndAliases_areReadAsKubectlReadsThem() {
    Container c =
        only(
            """
            apiVersion: v1
            kind: Pod
            metadata: {name: m}
            spec:
              containers:
              - name: c
                image: x
                securityContext:
                  <<: &base {privileged: true, readOnlyRootFilesystem: true}
                  readOnlyRootFilesystem: false
            """);
    assertThat(c.privileged()).isTrue();
    assertThat(c.readOnly()).isFalse();
    assertThat(c.locations().get("privileged").path())
        .isEqualTo("/spec/containers/0/securityContext/privileged"); // the document is merged too
    assertThat(c.locations().get("privileged").span().start().line()).isEqualTo(9);
  }

  @Test
  void aValueOfTheWrongType_isAWarning_andLeftUnset() {
    ParsedInput p =
        ok("apiVersion: v1\nkind: Pod\nmetadata: {name: w}\nspec:\n  containers:\n  - name: c\n    image: x\n"
            + "    securityContext: {privileged: \"true\", runAsUser: root}\n"
            + "    resources: {limits: {memory: lots}}\n");
    Container c = p.containers().get(0);
    assertThat(c.privileged()).isFalse();
    assertThat(c.uid()).isNull();
    assertThat(c.memory()).isNull();
    assertThat(p.warnings()).extracting(Diagnostic::code).containsOnly("input_invalid_value");
    assertThat(p.warnings()).hasSize(3);
  }

  @Test
  void duplicateKeys_areRefused() {
    ParsedInput p =
        parse("apiVersion: v1\nkind: Pod\nmetadata: {name: d}\nspec:\n  hostPID: false\n  hostPID: true\n"
            + "  containers: [{name: c, image: x}]\n");
    assertThat(p.errors()).singleElement().satisfies(d -> {
      assertThat(d.message()).contains("duplicate key 'hostPID'");
      assertThat(d.span().start().line()).isEqualTo(6);
    });
    assertThat(p.containers()).isEmpty();
  }

  @Test
  void invalidYaml_isAnErrorWithItsPosition() {
    ParsedInput p = parse("apiVersion: v1\nkind: Pod\nspec:\n  containers: [\n");
    assertThat(p.errors()).singleElement().satisfies(d -> assertThat(d.message()).startsWith("invalid YAML"));
  }
}
