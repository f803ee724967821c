package dev.keycard.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keycard.engine.EngineResult;
import dev.keycard.engine.Finding;
import dev.keycard.input.ParsedInput;
import dev.keycard.model.Diagnostic;
import dev.keycard.pipeline.ShippedCatalogue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Rule sets 1.1.0 (issue 17): severity follows what the host loses, more sensitive paths and
 * sockets, fewer false positives, and secrets missed by 1.0.0 — each case also run on 1.0.0, which
 * must answer as it always did. Inputs are from the real-world corpus where it has one.
 */
class RuleSets110Test {
  private static final String NEW = "baseline@1.1.0";
  private static final String OLD = "baseline@1.0.0";

  private static ShippedCatalogue catalogue;

  @BeforeAll
  static void load() throws Exception {
    catalogue = ShippedCatalogue.load();
  }

  // --- bullet 1: critical when the capability, device or path hands over the host ---

  @ParameterizedTest(name = "{0} → {1} {2} in 1.1.0, {3} in 1.0.0")
  @CsvSource(
      delimiter = '|',
      value = {
        "docker run --cap-add SYS_ADMIN nginx                    | KC-007 | critical | high",
        "docker run --cap-add SYS_MODULE nginx                   | KC-007 | critical | high",
        "docker run --cap-add SYS_RAWIO nginx                    | KC-007 | critical | high",
        "docker run --cap-add DAC_READ_SEARCH nginx              | KC-007 | critical | high",
        "docker run --cap-add BPF nginx                          | KC-007 | critical | high",
        "docker run --cap-add cap_perfmon nginx                  | KC-007 | critical | high",
        "docker run --pid=host --cap-add SYS_PTRACE nginx        | KC-007 | critical | high",
        "docker run --cap-add SYS_PTRACE nginx                   | KC-007 | high     | high",
        "docker run --cap-add SYS_TIME chrony                    | KC-007 | high     | high",
        "docker run --cap-add NET_ADMIN nginx                    | KC-007 | high     | high",
        "docker run --cap-add SYS_NICE nginx                     | KC-007 | medium   | high",
        "docker run --cap-add IPC_LOCK vault                     | KC-007 | medium   | high",
        "docker run --device /dev/mem tool                       | KC-033 | critical | medium",
        "docker run --device /dev/kmem tool                      | KC-033 | critical | medium",
        "docker run --device /dev/port tool                      | KC-033 | critical | medium",
        "docker run --device /dev/sda tool                       | KC-033 | critical | medium",
        "docker run --device /dev/sdb1:/dev/sdb1:r tool          | KC-033 | critical | medium",
        "docker run --device /dev/nvme0n1 tool                   | KC-033 | critical | medium",
        "docker run --device /dev/vda tool                       | KC-033 | critical | medium",
        "docker run --device /dev/xvdf tool                      | KC-033 | critical | medium",
        "docker run --device /dev/mapper/vg0-root tool           | KC-033 | critical | medium",
        "docker run --device /dev/dri plex                       | KC-033 | medium   | medium",
        "docker run --device /dev/ttyUSB0 zigbee                 | KC-033 | medium   | medium",
      })
  void severity_followsWhatTheHostLoses(String input, String rule, String now, String before) {
    assertThat(severities(input, NEW, rule)).containsExactly(now);
    assertThat(severities(input, OLD, rule)).containsExactly(before);
  }

  @ParameterizedTest(name = "{0}: {1} {2} / {3}")
  @CsvSource(
      delimiter = '|',
      value = {
        // wireguard adds SYS_MODULE to load its kernel module: that is the host's kernel
        "docker-run/linuxserver-wireguard.sh       | KC-007 | critical,high | high,high",
        "compose/awesome-compose-wireguard.yaml    | KC-007 | critical,high | high,high",
        // IPC_LOCK (mlock for the editor's keyring) takes more than its share, nothing else
        "docker-run/linuxserver-vscode.sh          | KC-007 | medium        | high",
      })
  void corpus_capabilitySeverities(String file, String rule, String now, String before)
      throws IOException {
    String text = corpus(file);
    assertThat(severities(text, NEW, rule)).containsExactlyInAnyOrder(now.split(","));
    assertThat(severities(text, OLD, rule)).containsExactlyInAnyOrder(before.split(","));
  }

  // --- bullet 2: more sensitive host paths and runtime sockets ---

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "docker run -v /run/dbus:/run/dbus avahi                             | KC-031 | high",
        "docker run -v /var/run/dbus/system_bus_socket:/run/dbus/s avahi     | KC-031 | high",
        "docker run -v /run/systemd:/run/systemd agent                       | KC-031 | high",
        "docker run -v /lib/modules:/lib/modules:ro wireguard                | KC-031 | high",
        "docker run -v /usr/src:/usr/src:ro falco                            | KC-031 | high",
        "docker run -v /dev/input:/dev/input kasm                            | KC-031 | high",
        "docker run -v /run/udev/data:/run/udev/data:ro kasm                 | KC-031 | high",
        "docker run -v /var/lib/kubelet:/var/lib/kubelet agent               | KC-031 | high",
        "docker run -v /etc/kubernetes:/etc/kubernetes:ro agent              | KC-031 | high",
        "docker run -v /run/k3s/containerd/containerd.sock:/c.sock tool      | KC-030 | critical",
        "docker run -v /run/k3s/containerd:/run/containerd tool              | KC-030 | critical",
        "docker run -v /var/run/crio/crio.sock:/crio.sock tool               | KC-030 | critical",
        "docker run -v /run/podman/podman.sock:/var/run/docker.sock tool     | KC-030 | critical",
        "docker run -v /run/user/1000/podman/podman.sock:/d.sock tool        | KC-030 | critical",
        "docker run -v /var/run/libvirt/libvirt-sock:/l.sock virt-manager    | KC-030 | critical",
        "docker run -v /run/libvirt:/run/libvirt virt-manager                | KC-030 | critical",
      })
  void newSensitivePathsAndSockets_areFindings(String input, String rule, String severity) {
    assertThat(severities(input, NEW, rule)).containsExactly(severity);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "docker-run/linuxserver-wireguard.sh     | /lib/modules",
        "compose/awesome-compose-wireguard.yaml  | /usr/src",
        "compose/awesome-compose-wireguard.yaml  | /lib/modules",
        "docker-run/linuxserver-kasm.sh          | /dev/input",
        "docker-run/linuxserver-kasm.sh          | /run/udev/data",
        "compose/linuxserver-steamos.yaml        | /run/udev/data",
      })
  void corpus_newSensitivePaths_areKc031InOnly110(String file, String path) throws IOException {
    String text = corpus(file);
    assertThat(messages(text, NEW, "KC-031")).anyMatch(m -> m.contains(" " + path + " ("));
    assertThat(messages(text, OLD, "KC-031")).noneMatch(m -> m.contains(" " + path + " "));
  }

  @Test
  void dockerSocketReadOnly_isStillCritical_andTheMessageSaysWhyRoDoesNotHelp() {
    String input = "docker run -v /var/run/docker.sock:/var/run/docker.sock:ro containrrr/watchtower";
    List<Finding> f = findings(input, NEW, "KC-030");
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.severity().apiName()).isEqualTo("critical");
      assertThat(x.message())
          .contains("-v /var/run/docker.sock:/var/run/docker.sock:ro")
          .contains("Read-only does not help")
          .contains("not the API requests sent through it");
    });
    assertThat(findings("docker run -v /var/run/docker.sock:/var/run/docker.sock x", NEW, "KC-030"))
        .singleElement()
        .satisfies(x -> assertThat(x.message()).doesNotContain("Read-only"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "compose/awesome-compose-traefik-golang.yaml",
    "compose/awesome-compose-portainer.yaml",
    "docker-run/linuxserver-socket-proxy.sh",
  })
  void corpus_dockerSocket_isCriticalInBothVersions(String file) throws IOException {
    String text = corpus(file);
    assertThat(severities(text, NEW, "KC-030")).isNotEmpty().containsOnly("critical");
    assertThat(severities(text, OLD, "KC-030")).isNotEmpty().containsOnly("critical");
  }

  // --- bullet 3: false positives removed ---

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "docker run -v /etc/os-release:/host/etc/os-release:ro netdata/netdata              | true",
        "docker run -v /etc/localtime:/etc/localtime:ro nginx                               | false",
        "docker run -v /etc/timezone:/etc/timezone:ro nginx                                 | false",
        "docker run -v /etc/passwd:/host/etc/passwd:ro -v /etc/group:/host/etc/group:ro app | true",
        "docker run -v /etc/hosts:/etc/hosts:ro -v /etc/resolv.conf:/etc/resolv.conf:ro app | true",
        "docker run -v /etc/pihole:/etc/pihole pihole/pihole                                | true",
        "docker run -v /etc/nginx/conf.d:/etc/nginx/conf.d:ro nginx                         | true",
        "docker run -v /etc/ssl/certs:/etc/ssl/certs:ro app                                 | true",
      })
  void publicFilesReadOnly_andAnApplicationsOwnEtcFolder_areNotKc031(
      String input, boolean flaggedBy100) {
    assertThat(findings(input, NEW, "KC-031")).isEmpty();
    assertThat(findings(input, OLD, "KC-031")).hasSize(flaggedBy100 ? input.split(" -v ").length - 1 : 0);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "docker run -v /etc:/host/etc:ro agent                       | /etc",
        "docker run -v /etc/shadow:/etc/shadow:ro agent              | /etc/shadow",
        "docker run -v /etc/sudoers.d:/x:ro agent                    | /etc/sudoers.d",
        "docker run -v /etc/ssh:/etc/ssh:ro agent                    | /etc/ssh",
        "docker run -v /etc/docker:/etc/docker agent                 | /etc/docker",
        "docker run -v /etc/ssl/private:/keys:ro agent               | /etc/ssl/private",
        "docker run -v /etc/passwd:/etc/passwd agent                 | /etc/passwd",
        "docker run -v /etc/localtime:/etc/localtime agent           | /etc/localtime",
      })
  void systemPartsOfEtc_andWritablePublicFiles_areStillKc031(String input, String path) {
    assertThat(messages(input, NEW, "KC-031")).singleElement().asString().contains(path);
  }

  @Test
  void corpus_piholesOwnEtcFolders_areNotKc031() throws IOException {
    String text = corpus("compose/awesome-compose-pihole-cloudflared-DoH.yaml");
    assertThat(findings(text, NEW, "KC-031")).isEmpty();
    assertThat(messages(text, OLD, "KC-031"))
        .anyMatch(m -> m.contains("/etc/pihole/"))
        .anyMatch(m -> m.contains("/etc/dnsmasq.d/"));
  }

  @Test
  void corpus_postgresWithHostPasswdReadOnly_isNotKc031() throws IOException {
    String text = corpus("docker-run/docker-library-postgres-10.sh");
    assertThat(findings(text, NEW, "KC-031")).isEmpty();
    assertThat(findings(text, OLD, "KC-031")).hasSize(1);
  }

  @Test
  void monitoringAgents_keepTheirRealFindings_andLoseTheFalseOnes() {
    // cAdvisor's documented command line
    String cadvisor =
        "docker run -v /:/rootfs:ro -v /var/run:/var/run:ro -v /sys:/sys:ro"
            + " -v /var/lib/docker/:/var/lib/docker:ro -v /dev/disk/:/dev/disk:ro"
            + " --privileged --device=/dev/kmsg gcr.io/cadvisor/cadvisor";
    assertThat(messages(cadvisor, NEW, "KC-031"))
        .hasSize(3)
        .anyMatch(m -> m.contains(" / ("))
        .anyMatch(m -> m.contains("/sys"))
        .anyMatch(m -> m.contains("/var/lib/docker"));
    assertThat(severities(cadvisor, NEW, "KC-031")).containsExactly("critical", "high", "high");
    assertThat(severities(cadvisor, NEW, "KC-030")).containsExactly("critical"); // /var/run
    // netdata's: /etc/passwd, /etc/group, /etc/os-release read-only are public; /proc, /sys are not
    String netdata =
        "docker run -v /etc/passwd:/host/etc/passwd:ro -v /etc/group:/host/etc/group:ro"
            + " -v /etc/localtime:/etc/localtime:ro -v /proc:/host/proc:ro -v /sys:/host/sys:ro"
            + " -v /etc/os-release:/host/etc/os-release:ro -v /var/log:/host/var/log:ro"
            + " --cap-add SYS_PTRACE --cap-add SYS_ADMIN --pid=host netdata/netdata";
    assertThat(messages(netdata, NEW, "KC-031"))
        .hasSize(2)
        .anyMatch(m -> m.contains("/proc"))
        .anyMatch(m -> m.contains("/sys"));
    assertThat(findings(netdata, OLD, "KC-031")).hasSize(5);
    assertThat(severities(netdata, NEW, "KC-007")).containsExactly("critical", "critical");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "docker run --sysctl net.core.somaxconn=1024 nginx",
        "docker run --sysctl net.ipv4.ip_forward=1 --sysctl net.ipv6.conf.all.disable_ipv6=0 vpn",
        "docker run --sysctl kernel.shmmax=68719476736 --sysctl kernel.shmall=4194304 postgres",
        "docker run --sysctl kernel.msgmax=65536 --sysctl kernel.msgmnb=65536 app",
        "docker run --sysctl \"kernel.sem=250 32000 100 128\" oracle",
        "docker run --sysctl fs.mqueue.msg_max=100 app",
        "docker run --network container:vpn --sysctl net.ipv4.ip_forward=1 app",
      })
  void namespacedSysctls_areNotKc053(String input) {
    assertThat(findings(input, NEW, "KC-053")).isEmpty();
    assertThat(findings(input, OLD, "KC-053")).isNotEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "docker-run/linuxserver-wireguard.sh",
    "compose/linuxserver-wireguard.yaml",
    "compose/awesome-compose-wireguard.yaml",
    "docker-run/docker-cli-docs-container_run-L1565.sh",
  })
  void corpus_namespacedSysctls_areNotKc053(String file) throws IOException {
    String text = corpus(file);
    assertThat(findings(text, NEW, "KC-053")).isEmpty();
    assertThat(findings(text, OLD, "KC-053")).isNotEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "docker run --net=host --sysctl net.ipv4.ip_forward=1 vpn           | high",
        "docker run --ipc=host --sysctl kernel.shmmax=68719476736 postgres    | medium",
      })
  void sysctlsInTheHostsNamespaces_areStillKc053(String input, String severity) {
    assertThat(severities(input, NEW, "KC-053")).containsExactly(severity);
  }

  @Test
  void refusedSysctl_inDockerRun_isAWarningThatDockerWillNotStartTheContainer() {
    ParsedInput p = catalogue.parse("docker run --sysctl kernel.core_pattern=/x nginx", Map.of());
    assertThat(p.warnings())
        .singleElement()
        .satisfies(
            w -> {
              assertThat(w.code()).isEqualTo("input_invalid_value");
              assertThat(w.message())
                  .contains("kernel.core_pattern")
                  .contains("Docker will not start the container")
                  .doesNotContain("(ignored)");
            });
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "'services: {app: {image: x, sysctls: {kernel.core_pattern: /x}}}'                     | kernel.core_pattern",
        "'services: {app: {image: x, network_mode: host, sysctls: [net.ipv4.ip_forward=1]}}'    | net.ipv4.ip_forward",
        "'{\"Image\": \"x\", \"HostConfig\": {\"IpcMode\": \"host\", \"Sysctls\": {\"kernel.sem\": \"1 2 3 4\"}}}' | kernel.sem",
        "docker run --net=host --sysctl net.core.somaxconn=1 nginx                               | net.core.somaxconn",
      })
  void refusedSysctl_inEveryFormat_isAWarningAtTheSysctl(String input, String name) {
    ParsedInput p = catalogue.parse(input, Map.of());
    assertThat(p.warnings())
        .filteredOn(w -> w.message().contains(name))
        .singleElement()
        .satisfies(
            w -> {
              assertThat(w.message()).contains("Docker will not start the container");
              assertThat(w.span()).isNotNull();
            });
  }

  @Test
  void namespacedSysctl_hasNoWarning() {
    ParsedInput p =
        catalogue.parse("services: {app: {image: x, sysctls: [net.core.somaxconn=1]}}", Map.of());
    assertThat(p.warnings()).extracting(Diagnostic::message).noneMatch(m -> m.contains("sysctl"));
  }

  // --- bullet 4: missed today ---

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "docker run -e WATCHTOWER_NOTIFICATION_URL=slack://token-a/token-b/token-c containrrr/watchtower | WATCHTOWER_NOTIFICATION_URL",
        "docker run -e DATABASE_URL=postgres://user:pass@db/x app                                      | DATABASE_URL",
        "docker run -e UPSTREAM=https://user:token@host/repo.git app                                   | UPSTREAM",
        "docker run -e WATCHTOWER_NOTIFICATION_URL=discord://tok@123 containrrr/watchtower             | WATCHTOWER_NOTIFICATION_URL",
        "docker run -e ALERTS=https://hooks.slack.com/services/T000/B000/XXXX app                      | ALERTS",
        "docker run -e CACHE=redis://:s3cret@redis:6379/0 app                                          | CACHE",
      })
  void credentialsInsideUrls_areSecretsInTheEnvironment(String input, String name) {
    assertThat(messages(input, "restricted@1.1.0", "KC-063"))
        .singleElement()
        .asString()
        .contains(name)
        .contains("credential")
        .doesNotContain("pass@")
        .doesNotContain("token-b");
    assertThat(findings(input, "restricted@1.0.0", "KC-063")).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "docker run -e DATABASE_URL=postgres://app@db/x app",
        "docker run -e DATABASE_URL=postgres://app:\\${DB_PASSWORD}@db/x app",
        "docker run -e SITE=https://example.com/a?page=2 app",
        "docker run -e REDIS_URL=redis://redis:6379/0 app",
        "docker run -e NOTIFY=slack:// app",
      })
  void urlsWithoutACredential_areNotSecrets(String input) {
    assertThat(findings(input, "restricted@1.1.0", "KC-063")).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "compose/linuxserver-planka.yaml",
    "docker-run/linuxserver-planka.sh",
    "compose/awesome-compose-wasmedge-mysql-nginx.yaml",
    "compose/docker-library-mongo.yaml",
  })
  void corpus_connectionUrlsWithPasswords_areKc063(String file) throws IOException {
    String text = corpus(file);
    assertThat(messages(text, "restricted@1.1.0", "KC-063"))
        .anyMatch(m -> m.contains("URL") && m.contains("credential"));
  }

  // --- helpers ---

  private static String corpus(String file) throws IOException {
    return Files.readString(
        ShippedCatalogue.shared().resolve("corpus/real-world").resolve(file),
        StandardCharsets.UTF_8);
  }

  static List<Finding> findings(String input, String ruleSet, String rule) {
    ParsedInput parsed = catalogue.parse(input, Map.of());
    assertThat(parsed.errors()).as("parse errors of " + input).isEmpty();
    EngineResult r = ShippedCatalogue.evaluate(catalogue.ruleSetVersion(ruleSet), parsed);
    return r.findings().stream().filter(f -> f.ruleId().equals(rule)).toList();
  }

  private static List<String> severities(String input, String ruleSet, String rule) {
    return findings(input, ruleSet, rule).stream().map(f -> f.severity().apiName()).toList();
  }

  private static List<String> messages(String input, String ruleSet, String rule) {
    return findings(input, ruleSet, rule).stream().map(Finding::message).toList();
  }
}
