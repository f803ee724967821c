package dev.keycard.format.dockerrun;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keycard.input.ParseOptions;
import dev.keycard.input.ParsedInput;
import dev.keycard.input.Source;
import dev.keycard.model.Container;
import dev.keycard.model.Diagnostic;
import dev.keycard.model.Mount;
import dev.keycard.model.Origin;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The 150 real-world command lines of the shared corpus. */
class DockerRunCorpusTest {
  /**
   * Files the corpus README names as not valid shell: placeholders such as {@code <command>}, read
   * as values only the client knows.
   */
  private static final Set<String> PLACEHOLDERS =
      Set.of(
          "docker-library-composer-3.sh",
          "docker-library-composer-4.sh",
          "docker-library-liquibase-1.sh");

  private static final Pattern INDEX = Pattern.compile("^(\\w+)\\[(\\d+)](?:\\.(\\w+))?$");

  static Stream<Path> files() throws IOException {
    try (Stream<Path> s = Files.list(Runs.corpus())) {
      return s.filter(p -> p.toString().endsWith(".sh")).sorted().toList().stream();
    }
  }

  static ParsedInput parse(Path file) throws IOException {
    return Runs.PARSER.parse(
        Source.of(Files.readString(file, StandardCharsets.UTF_8)), ParseOptions.defaults());
  }

  static ParsedInput parse(String name) throws IOException {
    return parse(Runs.corpus().resolve(name));
  }

  static Container container(String name) throws IOException {
    ParsedInput p = parse(name);
    assertThat(p.errors()).isEmpty();
    assertThat(p.containers()).hasSize(1);
    return p.containers().get(0);
  }

  @Test
  void corpus_has150Files() throws IOException {
    assertThat(files().count()).isEqualTo(150);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  void corpusFile_parsesToAContainer_unlessKnownBad(Path file) throws IOException {
    ParsedInput p = parse(file);
    assertThat(p.errors()).as("errors").isEmpty();
    if (PLACEHOLDERS.contains(file.getFileName().toString())) {
      // was a syntax error at the redirection; a placeholder is now an unknown value, warned about
      assertThat(p.warnings()).extracting(Diagnostic::code).contains("input_placeholder");
      assertThat(p.containers()).singleElement().satisfies(c -> assertThat(c.unknown()).isNotEmpty());
    }
    assertThat(p.containers()).hasSizeGreaterThanOrEqualTo(1);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  void corpusFile_everyLocation_coversTheTextThatSetIt(Path file) throws IOException {
    ParsedInput p = parse(file);
    String original = p.source().original();
    for (Container c : p.containers()) {
      for (Map.Entry<String, Origin> e : c.locations().entrySet()) {
        String path = e.getKey();
        String text =
            original.substring(
                e.getValue().span().start().offset(), e.getValue().span().end().offset());
        assertThat(text).as("%s in %s", path, file.getFileName()).isNotBlank();
        String expected = expectedText(c, path);
        if (expected != null) {
          // compared without the shell's quotes and continuations, which the value no longer has
          String unquoted = text.replaceAll("[\"']|\\\\\r?\n[ \t]*", "");
          assertThat(unquoted.toLowerCase(Locale.ROOT))
              .as("span of %s in %s", path, file.getFileName())
              .contains(expected.toLowerCase(Locale.ROOT));
        }
      }
    }
  }

  /** What the span of {@code path} must contain: its flag or the value it produced. */
  private static String expectedText(Container c, String path) {
    Matcher m = INDEX.matcher(path);
    if (m.matches()) {
      int i = Integer.parseInt(m.group(2));
      String field = m.group(3);
      return switch (m.group(1)) {
        case "mounts" -> {
          Mount mount = c.mounts().get(i);
          yield "source".equals(field) ? mount.source() : mount.target();
        }
        case "cap_add" -> c.capAdd().get(i);
        case "cap_drop" -> c.capDrop().get(i);
        case "ports" -> String.valueOf(c.ports().get(i).containerPort());
        case "environment" -> c.environment().get(i).name();
        case "devices" -> c.devices().get(i).source();
        case "sysctls" -> c.sysctls().get(i).name();
        case "tmpfs" -> c.tmpfs().get(i).target();
        case "security_opt" -> c.securityOpt().get(i);
        case "networks" -> c.networks().get(i);
        default -> null;
      };
    }
    return switch (path) {
      case "privileged" -> "privileged";
      case "read_only" -> "read-only";
      case "image" -> c.image();
      case "name" -> c.name();
      case "network_mode" -> c.networkMode();
      case "pid" -> c.pid();
      case "user" -> c.user();
      case "restart_policy" -> c.restartPolicy();
      default -> null;
    };
  }

  @Test
  void kasm_stopTimeoutWithUnit_isAClearWarning() throws IOException {
    ParsedInput p = parse("linuxserver-kasm.sh");
    assertThat(p.errors()).isEmpty();
    Diagnostic d =
        p.warnings().stream()
            .filter(w -> w.message().contains("--stop-timeout"))
            .findFirst()
            .orElseThrow();
    assertThat(d.code()).isEqualTo("input_invalid_value");
    assertThat(d.message()).contains("\"90s\"").contains("strconv.ParseInt");
    assertThat(d.span().start().line()).isEqualTo(15);
    Container c = p.containers().get(0);
    assertThat(c.privileged()).isTrue();
    assertThat(c.image()).isEqualTo("lscr.io/linuxserver/kasm:latest");
    assertThat(c.restartPolicy()).isEqualTo("unless-stopped");
  }

  @Test
  void airsonicAdvanced_unquotedSpace_makesMediaTheImage() throws IOException {
    ParsedInput p = parse("linuxserver-airsonic-advanced.sh");
    assertThat(p.errors()).isEmpty();
    Container c = p.containers().get(0);
    assertThat(c.image()).isEqualTo("media:/media");
    assertThat(c.mounts())
        .last()
        .isEqualTo(new Mount("volume", null, "/path/to/other", false, null));
    assertThat(c.devices()).isEmpty();
    assertThat(c.command())
        .containsExactly(
            "--device",
            "/dev/snd:/dev/snd",
            "--restart",
            "unless-stopped",
            "lscr.io/linuxserver/airsonic-advanced:latest");
    assertThat(p.warnings())
        .anyMatch(
            w ->
                w.message().contains("invalid reference format")
                    && w.message().contains("media:/media"));
  }

  @Test
  void composer3_placeholderCommand_isAnUnknownCommandWarnedAtItsPlace() throws IOException {
    ParsedInput p = parse("docker-library-composer-3.sh");
    Container c = container("docker-library-composer-3.sh");
    assertThat(c.image()).isEqualTo("composer");
    assertThat(c.command()).containsExactly("<command>");
    assertThat(c.unknown()).contains("command");
    Diagnostic d =
        p.warnings().stream().filter(w -> w.code().equals("input_placeholder")).findFirst().get();
    assertThat(d.span().toString()).isEqualTo("7:12-7:21");
  }

  @Test
  void liquibase1_placeholdersInTheContainersArguments_leaveTheMountKnown() throws IOException {
    Container c = container("docker-library-liquibase-1.sh");
    assertThat(c.image()).isEqualTo("liquibase");
    assertThat(c.mounts()).singleElement().satisfies(m -> assertThat(m.source()).isEqualTo("/home/user/changelog"));
    assertThat(c.command()).contains("--username=<USERNAME>", "--password=<PASSWORD>");
    assertThat(c.unknown()).containsExactly("command");
  }

  @Test
  void smokeping_placeholderInsideAUrl_isTheWholeValueAsTheComposePairHasIt() throws IOException {
    ParsedInput p = parse("linuxserver-smokeping.sh");
    Container c = container("linuxserver-smokeping.sh");
    assertThat(c.environment())
        .anyMatch(e -> "http://<master-host-ip>:80/smokeping/".equals(e.value()));
    assertThat(c.unknown()).containsExactly("environment.MASTER_URL");
    assertThat(p.warnings())
        .anyMatch(w -> w.code().equals("input_placeholder") && w.message().contains("<master-host-ip>"));
  }

  @Test
  void varnish8_publishAfterImage_isContainerArgument() throws IOException {
    Container c = container("docker-library-varnish-8.sh");
    assertThat(c.image()).isEqualTo("varnish");
    assertThat(c.command()).containsExactly("-p", "default_keep=300");
    assertThat(c.ports()).hasSize(1).first().extracting(port -> port.hostPort()).isEqualTo(8080);
    assertThat(c.tmpfs()).singleElement().satisfies(t -> assertThat(t.options()).isEqualTo("exec"));
  }

  @Test
  void odoo6_doubleDashAfterImage_isContainerArgument() throws IOException {
    Container c = container("docker-library-odoo-6.sh");
    assertThat(c.image()).isEqualTo("odoo");
    assertThat(c.name()).isEqualTo("odoo");
    assertThat(c.command()).containsExactly("--", "--db-filter=odoo_db_.*");
  }

  @Test
  void kapacitor10_containerNetworkAndEqualsShorthand() throws IOException {
    Container c = container("docker-library-kapacitor-10.sh");
    assertThat(c.networkMode()).isEqualTo("container:kapacitor");
    assertThat(c.mounts())
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.source()).isEqualTo("$PWD");
              assertThat(m.target()).isEqualTo("/root");
            });
    assertThat(c.unknown()).contains("mounts[0].source");
    assertThat(c.image()).isEqualTo("kapacitor");
    assertThat(c.command()).containsExactly("bash", "-l");
  }

  @Test
  void l765_advancedNetworks_areUserDefined() throws IOException {
    Container c = container("docker-cli-docs-container_run-L765.sh");
    assertThat(c.networks()).containsExactly("my-net1", "my-net2");
    assertThat(c.networkMode()).isNull();
    assertThat(c.image()).isEqualTo("busybox");
  }

  @Test
  void l780_advancedNetworkWithQuotedDriverOpts_isOneNetwork() throws IOException {
    Container c = container("docker-cli-docs-container_run-L780.sh");
    assertThat(c.networks()).containsExactly("my-net");
    assertThat(c.image()).isEqualTo("busybox");
  }

  @Test
  void l1137_gpusAll_isConsumedWithoutWarnings() throws IOException {
    ParsedInput p = parse("docker-cli-docs-container_run-L1137.sh");
    assertThat(p.diagnostics()).isEmpty();
    assertThat(p.containers().get(0).image()).isEqualTo("ubuntu");
    assertThat(p.containers().get(0).command()).containsExactly("nvidia-smi");
  }

  @Test
  void l1150_gpusQuotedDeviceList_isOneValue() throws IOException {
    ParsedInput p = parse("docker-cli-docs-container_run-L1150.sh");
    assertThat(p.diagnostics()).isEmpty();
    assertThat(p.containers().get(0).image()).isEqualTo("ubuntu");
  }

  @Test
  void l956_cdiDevice_isKeptWhole() throws IOException {
    Container c = container("docker-cli-docs-container_run-L956.sh");
    assertThat(c.devices())
        .singleElement()
        .satisfies(d -> assertThat(d.source()).isEqualTo("vendor.com/class=device-name"));
  }

  @Test
  void l906_deviceWithMknodOnly_isMapped() throws IOException {
    Container c = container("docker-cli-docs-container_run-L906.sh");
    assertThat(c.devices())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.source()).isEqualTo("/dev/sda");
              assertThat(d.target()).isEqualTo("/dev/xvdc");
              assertThat(d.permissions()).isEqualTo("m");
            });
    assertThat(c.command()).containsExactly("fdisk", "/dev/xvdc");
  }

  @Test
  void l1276_ipv6AddHostInBrackets_isOneWord() throws IOException {
    ParsedInput p = parse("docker-cli-docs-container_run-L1276.sh");
    assertThat(p.diagnostics()).isEmpty();
    assertThat(p.containers().get(0).image()).isEqualTo("alpine");
  }

  @Test
  void containerCreate_isParsed() throws IOException {
    Container c = container("docker-cli-docs-container_create-L145.sh");
    assertThat(c.name()).isEqualTo("mycontainer");
    assertThat(c.image()).isEqualTo("alpine");
  }

  @Test
  void linuxserverOptional_markersVanish() throws IOException {
    Container c = container("linuxserver-kasm.sh");
    assertThat(c.securityOpt()).containsExactly("apparmor=rootlesskit");
    assertThat(c.environment())
        .extracting(e -> e.name())
        .contains("DOCKER_HUB_USERNAME", "DOCKER_MTU");
    assertThat(c.mounts()).extracting(Mount::target).contains("/profiles", "/dev/input");
  }

  @Test
  void convertigo5_multiLineQuotedValue_isOneVariable() throws IOException {
    Container c = container("docker-library-convertigo-5.sh");
    assertThat(c.image()).isEqualTo("convertigo");
    assertThat(c.environment())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.name()).isEqualTo("JAVA_OPTS");
              // inside double quotes "\ " stays literal and so does the newline after it; later
              // lines
              // end in "\" + newline, a continuation that disappears
              assertThat(e.value())
                  .contains("billing.enabled=true")
                  .contains("\\ \n")
                  .contains("c8oAnalytics");
              assertThat(e.value().lines()).hasSize(2);
            });
  }

  @Test
  void perl4_quotedScriptAfterImage_isCommand() throws IOException {
    Container c = container("docker-library-perl-4.sh");
    assertThat(c.image()).isEqualTo("perl:5.34");
    assertThat(c.command()).hasSize(3);
    assertThat(c.command().get(2)).startsWith("$SIG{TERM}");
    assertThat(c.unknown()).isEmpty();
  }

  @Test
  void l620_pipe_endsTheDockerCommand() throws IOException {
    ParsedInput p = parse("docker-cli-docs-container_run-L620.sh");
    assertThat(p.containers())
        .singleElement()
        .satisfies(c -> assertThat(c.command()).containsExactly("env"));
  }

  @Test
  void irssi1_envWithoutValueAndCommandSubstitution_areUnknown() throws IOException {
    Container c = container("docker-library-irssi-1.sh");
    assertThat(c.unknown()).contains("environment.TERM", "user", "mounts[0].source");
    assertThat(c.user()).isEqualTo("$(id -u):$(id -g)");
    assertThat(c.uid()).isNull();
  }

  @Test
  void corpus_securitySettings_areFound() throws IOException {
    List<Container> all =
        files()
            .flatMap(
                f -> {
                  try {
                    return parse(f).containers().stream();
                  } catch (IOException e) {
                    throw new IllegalStateException(e);
                  }
                })
            .toList();
    assertThat(all.stream().filter(Container::privileged).count()).isGreaterThanOrEqualTo(3);
    assertThat(all)
        .anyMatch(
            c -> c.mounts().stream().anyMatch(m -> "/var/run/docker.sock".equals(m.source())));
    assertThat(all).anyMatch(c -> "host".equals(c.networkMode()));
    assertThat(all).anyMatch(c -> "unconfined".equals(c.seccomp()));
    assertThat(all).anyMatch(c -> c.readOnly() && !c.tmpfs().isEmpty());
  }
}
