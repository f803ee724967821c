package dev.keycard.input;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keycard.format.Formats;
import dev.keycard.model.Container;
import dev.keycard.model.Diagnostic;
import dev.keycard.model.Origin;
import dev.keycard.model.Position;
import dev.keycard.model.Span;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Property-based fuzzing of the three parsers (and auto-detection) with generated token soups and
 * mutated corpus documents: no exception escapes, and every position of every container location
 * and every diagnostic lies inside the input, start before end, line and column agreeing with the
 * offset. The seed is fixed so that {@code verify} is reproducible; raise {@code
 * jqwik.tries.default} for a long run (see src/test/resources/junit-platform.properties).
 */
class ParserPropertyTest {
  private static final InputReader READER = Formats.reader();
  private static final Path CORPUS =
      Path.of(System.getProperty("keycard.shared", "../shared"), "corpus");

  private static final List<String> COMPOSE_TOKENS =
      List.of(
          "services:",
          "\n",
          "\n  ",
          "\n    ",
          "  ",
          "app:",
          "image: nginx",
          "privileged: true",
          "cap_add:",
          "- ALL",
          "- SYS_ADMIN",
          "volumes:",
          "- /:/host",
          "- type: bind",
          "ports:",
          "- \"80:80\"",
          "- 127.0.0.1:8080:80/udp",
          "&a",
          "*a",
          "<<: *a",
          "{",
          "}",
          "[",
          "]",
          ",",
          ":",
          "\"",
          "'",
          "${X}",
          "${X:-y}",
          "${X:?boom}",
          "$$",
          "#c",
          "\t",
          "é",
          "\uD83D",
          "\uDE00",
          "\u0000",
          "\r\n",
          "---",
          "...",
          "!!str",
          "!!binary",
          "? ",
          "|",
          ">-",
          "extends:",
          "service: app",
          "env_file: .env",
          "include:",
          "- x.yml",
          "user: root",
          "security_opt:",
          "- seccomp=unconfined",
          "deploy:",
          "resources:",
          "limits:",
          "memory: 1x",
          "tmpfs: /tmp",
          "~",
          "null",
          "1e99",
          "0x1F",
          "-",
          "x-a: &b",
          "sysctls:",
          "- a.b=1",
          "devices:");
  private static final List<String> RUN_TOKENS =
      List.of(
          "docker",
          "run",
          "container",
          "podman",
          "sudo",
          "$ ",
          "--privileged",
          "--privileged=false",
          "-v",
          "/:/host",
          "-itd",
          "--cap-add",
          "--cap-add=",
          "SYS_ADMIN",
          "ALL",
          "--",
          "-e",
          "A=b",
          "--env",
          "|",
          "&&",
          ";",
          "nginx",
          "alpine",
          "sh",
          "-c",
          "--mount",
          "type=bind,source=/,target=/h",
          "--mount=type=tmpfs,dst=/x",
          "-p",
          "80:80",
          "[::1]:53:53/udp",
          "=",
          " ",
          "  ",
          "\t",
          "\\\n",
          "\\",
          "\"",
          "'",
          "$(",
          ")",
          "`",
          "${",
          "}",
          "$HOME",
          "#",
          "```",
          "```sh\n",
          "\n",
          "-u",
          "0:0",
          "--user=",
          "--security-opt",
          "seccomp=unconfined",
          "--net",
          "host",
          "--pid=host",
          "--device",
          "/dev/sda",
          "--sysctl",
          "--memory",
          "1g",
          "--cpus=",
          "1.5",
          "é",
          "\u0000",
          "\uD800",
          "-",
          "--no-such-flag");
  private static final List<String> JSON_TOKENS =
      List.of(
          "{",
          "}",
          "[",
          "]",
          ",",
          ":",
          "\"Image\"",
          "\"nginx\"",
          "\"HostConfig\"",
          "\"Privileged\"",
          "true",
          "false",
          "null",
          "1e999",
          "-0",
          "0.5",
          "\"Binds\"",
          "\"/:/h\"",
          "\"CapAdd\"",
          "\"ALL\"",
          "\"Mounts\"",
          "\"Type\"",
          "\"bind\"",
          "\"Source\"",
          "\"/\"",
          "\"User\"",
          "\"0\"",
          "\"PortBindings\"",
          "\"80/tcp\"",
          "\"HostIp\"",
          "\"SecurityOpt\"",
          "\"Config\"",
          "\"Memory\"",
          "9223372036854775808",
          "\"\\u0000\"",
          "\"\\uD800\"",
          "\"\\\"",
          " ",
          "\n",
          "\"é\"",
          "//",
          "/*",
          "'",
          "NaN");

  private static final Map<InputFormat, List<String>> CORPUS_BY_FORMAT =
      Map.of(
          Formats.named("compose"), files("real-world/compose", ".yaml", ".yml"),
          Formats.named("docker-run"), files("real-world/docker-run", ".sh"),
          Formats.named("engine-api"), engineApiSamples());

  @Property(seed = "8271")
  void compose_generated_neverThrows_andStaysInside(@ForAll("composeSoup") String text) {
    check(text, Formats.named("compose"));
  }

  @Property(seed = "8272")
  void dockerRun_generated_neverThrows_andStaysInside(@ForAll("runSoup") String text) {
    check(text, Formats.named("docker-run"));
  }

  @Property(seed = "8273")
  void engineApi_generated_neverThrows_andStaysInside(@ForAll("jsonSoup") String text) {
    check(text, Formats.named("engine-api"));
  }

  @Property(seed = "8274")
  void autoDetect_generated_neverThrows_andStaysInside(@ForAll("anySoup") String text) {
    check(text, null);
  }

  @Property(seed = "8275")
  void compose_mutatedCorpus_neverThrows_andStaysInside(@ForAll("mutatedCompose") String text) {
    check(text, Formats.named("compose"));
    check(text, null);
  }

  @Property(seed = "8276")
  void dockerRun_mutatedCorpus_neverThrows_andStaysInside(@ForAll("mutatedRun") String text) {
    check(text, Formats.named("docker-run"));
    check(text, null);
  }

  @Property(seed = "8277")
  void engineApi_mutatedCorpus_neverThrows_andStaysInside(@ForAll("mutatedJson") String text) {
    check(text, Formats.named("engine-api"));
    check(text, null);
  }

  @Provide
  Arbitrary<String> composeSoup() {
    return soup(COMPOSE_TOKENS);
  }

  @Provide
  Arbitrary<String> runSoup() {
    return soup(RUN_TOKENS);
  }

  @Provide
  Arbitrary<String> jsonSoup() {
    return soup(JSON_TOKENS);
  }

  @Provide
  Arbitrary<String> anySoup() {
    List<String> all = new ArrayList<>(COMPOSE_TOKENS);
    all.addAll(RUN_TOKENS);
    all.addAll(JSON_TOKENS);
    return Arbitraries.oneOf(soup(all), Arbitraries.strings().ofMaxLength(300));
  }

  @Provide
  Arbitrary<String> mutatedCompose() {
    return mutated(Formats.named("compose"), COMPOSE_TOKENS);
  }

  @Provide
  Arbitrary<String> mutatedRun() {
    return mutated(Formats.named("docker-run"), RUN_TOKENS);
  }

  @Provide
  Arbitrary<String> mutatedJson() {
    return mutated(Formats.named("engine-api"), JSON_TOKENS);
  }

  private static Arbitrary<String> soup(List<String> tokens) {
    return Arbitraries.of(tokens).list().ofMaxSize(80).map(l -> String.join("", l));
  }

  /** A corpus document with one to six edits: delete, duplicate, insert a token, truncate. */
  private static Arbitrary<String> mutated(InputFormat format, List<String> tokens) {
    List<String> corpus = CORPUS_BY_FORMAT.get(format);
    Arbitrary<Mutation> mutation =
        Combinators.combine(
                Arbitraries.integers().between(0, 4),
                Arbitraries.doubles().between(0, 1),
                Arbitraries.doubles().between(0, 1),
                Arbitraries.of(tokens))
            .as(Mutation::new);
    return Combinators.combine(Arbitraries.of(corpus), mutation.list().ofMinSize(1).ofMaxSize(6))
        .as(
            (doc, edits) -> {
              String s = doc;
              for (Mutation m : edits) {
                s = m.apply(s);
              }
              return s;
            });
  }

  /** One edit at relative positions {@code a} and {@code b} of the text. */
  record Mutation(int kind, double a, double b, String token) {
    String apply(String s) {
      int i = (int) (a * s.length());
      int j = Math.min(s.length(), i + (int) (b * 40));
      return switch (kind) {
        case 0 -> s.substring(0, i) + s.substring(j);
        case 1 -> s.substring(0, j) + s.substring(i, j) + s.substring(j);
        case 2 -> s.substring(0, i) + token + s.substring(i);
        case 3 -> s.substring(0, i);
        default ->
            s.substring(0, i) + (char) (b * 0x10000) + s.substring(Math.min(s.length(), i + 1));
      };
    }
  }

  private static void check(String text, InputFormat format) {
    ParsedInput parsed = READER.read(text, false, format, ParseOptions.defaults());
    Source positions = Source.of(text);
    for (Container c : parsed.containers()) {
      if (c.origin() != null) {
        inside(c.origin().span(), text, positions, "origin of " + c.name());
      }
      for (Map.Entry<String, Origin> e : c.locations().entrySet()) {
        inside(e.getValue().span(), text, positions, "location " + e.getKey());
      }
    }
    for (Diagnostic d : parsed.diagnostics()) {
      inside(d.span(), text, positions, "diagnostic " + d.code());
    }
  }

  private static void inside(Span span, String text, Source positions, String what) {
    if (span == null) {
      return;
    }
    at(span.start(), text, positions, what + " start");
    at(span.end(), text, positions, what + " end");
    assertThat(span.start().offset())
        .as(what + " start <= end")
        .isLessThanOrEqualTo(span.end().offset());
  }

  private static void at(Position p, String text, Source positions, String what) {
    assertThat(p.offset()).as(what + " offset").isBetween(0, text.length());
    assertThat(p)
        .as(what + " line/column agree with the offset")
        .isEqualTo(positions.positionInOriginal(p.offset()));
  }

  private static List<String> files(String dir, String... suffixes) {
    try (Stream<Path> s = Files.list(CORPUS.resolve(dir))) {
      List<String> out =
          s.filter(p -> Stream.of(suffixes).anyMatch(x -> p.toString().endsWith(x)))
              .sorted()
              .map(ParserPropertyTest::read)
              .toList();
      assertThat(out).as("corpus " + dir).isNotEmpty();
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> engineApiSamples() {
    List<String> out = new ArrayList<>();
    out.add(read(Path.of("src/test/resources/engineapi/inspect-nginx.json")));
    out.add(
        "{\"Image\": \"nginx\", \"User\": \"0\", \"HostConfig\": {\"Privileged\": true, \"Binds\":"
            + " [\"/:/host:ro\"], \"CapAdd\": [\"SYS_ADMIN\"], \"PortBindings\": {\"80/tcp\":"
            + " [{\"HostIp\": \"\", \"HostPort\": \"80\"}]}, \"Memory\": 0, \"SecurityOpt\":"
            + " [\"seccomp=unconfined\"]}}");
    return out;
  }

  private static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
