package dev.keycard.format.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keycard.input.Diagnostics;
import dev.keycard.input.ParseLimits;
import dev.keycard.input.ParseOptions;
import dev.keycard.input.Source;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The plain-subset reader agrees with SnakeYAML's composing path wherever it reads a text at all:
 * the same tree, node for node (pointers, offsets, texts, values), and only for texts SnakeYAML
 * reads without any diagnostic. Checked on the corpus, on hand-written edge cases, on generated
 * documents of the subset and on random mutations of both (fixed seeds).
 */
class PlainYamlTest {
  private static final ParseLimits LIMITS = ParseOptions.defaults().limits();

  /** The plain reader's tree, or this when it gives up. */
  private static final YNode.Map GAVE_UP = new YNode.Map("gave up", 0, 0, List.of());

  private static YNode plain(String text, ParseLimits limits) {
    try {
      return PlainYaml.read(text, limits);
    } catch (EventTree.Unsupported e) {
      return GAVE_UP;
    }
  }

  /** True when the plain reader read the text; then it must equal the composing path's tree. */
  private static boolean assertAgrees(String text) {
    return assertAgrees(text, LIMITS);
  }

  private static boolean assertAgrees(String text, ParseLimits limits) {
    YNode fast = plain(text, limits);
    if (fast == GAVE_UP) {
      return false;
    }
    Diagnostics d = new Diagnostics(Source.of(text), 100);
    YNode composed = YamlReader.readComposing(text, limits, d);
    assertThat(d.list()).as("diagnostics of a text the plain reader took:\n%s", text).isEmpty();
    assertThat(fast).as("tree of:\n%s", text).isEqualTo(composed);
    return true;
  }

  @Test
  void corpus_everyFileTheReaderTakesAgrees_andMostAreTaken() throws IOException {
    int taken = 0;
    int files = 0;
    for (Path p : ComposeCorpusTest.corpus().toList()) {
      files++;
      if (assertAgrees(Files.readString(p, StandardCharsets.UTF_8))) {
        taken++;
      }
    }
    // the subset is narrow on purpose; this only guards against it silently taking nothing
    assertThat(taken).as("corpus files read by the plain reader of " + files).isGreaterThan(200);
  }

  @ParameterizedTest(name = "{index}: {0}")
  @ValueSource(
      strings = {
        "",
        "\n\n",
        "# only a comment\n",
        "a: 1\n",
        "a: 1",
        "a:\n",
        "a:",
        "a:   \nb: 2\n",
        "a: b\n\n\n",
        "  a: 1\n  b: 2\n",
        "a: x # comment\nb: y#not-a-comment\n",
        "a: 'single'\nb: \"double\"\nc: 'it''s'\nd: ''\ne: \"\"\n",
        "'q': 1\n\"d\": 2\n\"a b\": 3\n",
        "a b: c d\na  : b\nhttp://x: y\n",
        "x: ~\ny: null\nz: Null\nt: True\nf: FALSE\ni: 0x1F\no: 0o17\nd: 1.5e3\nn: .NaN\n",
        "p: .inf\nq: +1\nbig: 123456789012345678901234567890\ne: 1_000\ns: yes\n",
        "k/~x: 1\n<<: 2\nm: <<\n",
        "a:\n  b:\n    c: 1\n  d: 2\ne: 3\n",
        "a:\n- 1\n- 2\nb: 3\n",
        "a:\n  - 1\n  -   2\n  -\n  - x: 1\n    y: 2\n  -   z: 3\n",
        "a:\n-\n- \n-  # c\nb:\n",
        "a:\n- - 1\n",
        "a:\n-\n  - 1\n  - 2\n",
        "a:\n-\n  b: 1\n",
        "a: []\nb: [ ]\nc: [1, two, \"three\", 'four']\nd: [ a b ,c ]  # x\n",
        "a: [\"CMD\", \"wget\", \"-q\", \"-O-\", \"http://localhost:8080/health\"]\n",
        "a: [x]\n  b: 1\n",
        "a: [x,]\n",
        "a: [x\n",
        "a: [x, [y]]\n",
        "a: [x:y]\n",
        "a: [no-new-privileges:true, seccomp:unconfined]\n",
        "a: [x:, y]\n",
        "a: [x: y]\n",
        "a: [x:]\n",
        "a: [x:[y]]\n",
        "a: [x::y, 'q:r', \"s:t\"]\n",
        "a: [http://x:80/y]\n",
        "a: [x #c]\n",
        "a: b\n  c\n",
        "a:\n  b\n",
        "a: b: c\n",
        "a: - b\n",
        "a: -1\n",
        "a: :x\n",
        "a: ?x\n",
        "a: &x 1\nb: *x\n",
        "a: !!str 1\n",
        "a: |\n  x\n",
        "a: {b: 1}\n",
        "a: {}\nb: { }\nc:\n- {}\n-   {}  # c\nd: {}x\n",
        "volumes:\n  data: {}\n  logs: {  }\nnetworks:\n  default: {}\n",
        "a: {}}\n",
        "a: { \n",
        "a: [{}]\n",
        "a: {}#c\n",
        "a: \"x\\ty\"\n",
        "a: \"x\ny\"\n",
        "a: 1\na: 2\n",
        "---\na: 1\n",
        "--- # c\n\na: 1\n",
        "---\n",
        "---\n# c\n",
        "---\na: 1\n---\nb: 1\n",
        "# c\n---\na: 1\n",
        "a: 1\n...\n",
        "--- a\n",
        "... : 1\n",
        "%YAML 1.2\n---\na: 1\n",
        "a:\n    b: 1\n  c: 2\n",
        "a:\n  - x\n  b: 1\n",
        "a:\n- x\n  y: 1\n",
        "- a\n- b\n",
        "just text\n",
        "a: 1\n b: 2\n",
        "  a: 1\nb: 2\n",
        "a: 1\n  # indented comment\n# c\nb: 2\n",
        "a:\n  # comment first\n  b: 1\n",
        "a:#x\n",
        "a: \"b\"#x\n",
        "a: \"b\" c\n",
        "a: 'b\n",
        "? a\n: b\n",
        "a:\tb\n",
        "a: b\r\n",
        "é: 1\n",
        "-a: 1\n",
        "a: x:y\nb: no-new-privileges:true\nc: on-failure:5\n",
        "a: 127.0.0.1:8000:8080\nb: ./data:/data\n",
      })
  void snippet_agreesWhenRead(String text) {
    assertAgrees(text);
  }

  @Test
  void emptyFlowMapping_isRead_asNamedVolumesAndNetworksAreWritten() {
    assertThat(assertAgrees("volumes:\n  data: {}\n  logs: {  }\nnetworks:\n  default: {}\n"))
        .isTrue();
    assertThat(assertAgrees("a:\n- {}\n-   {}  # c\n")).isTrue();
    assertThat(plain("a: {b: 1}\n", LIMITS)).isSameAs(GAVE_UP);
    assertThat(plain("a: {}x\n", LIMITS)).isSameAs(GAVE_UP);
    assertThat(plain("a: [{}]\n", LIMITS)).isSameAs(GAVE_UP);
  }

  @Test
  void colonInsideAFlowScalar_isRead_asFixesWriteSecurityOptions() {
    assertThat(assertAgrees("security_opt: [no-new-privileges:true]\nports: [127.0.0.1:80:80]\n"))
        .isTrue();
    assertThat(plain("a: [x: y]\n", LIMITS)).isSameAs(GAVE_UP);
    assertThat(plain("a: [x:]\n", LIMITS)).isSameAs(GAVE_UP);
    assertThat(plain("a: [x:, y]\n", LIMITS)).isSameAs(GAVE_UP);
  }

  @Test
  void typicalService_isRead() {
    String text =
        "services:\n"
            + "  app0:\n"
            + "    image: registry.example.com/team/app0:1.4.2\n"
            + "    user: \"1000:1000\"\n"
            + "    read_only: true\n"
            + "    cap_drop: [ALL]\n"
            + "    security_opt:\n      - no-new-privileges:true\n"
            + "    ports:\n      - \"127.0.0.1:8000:8080\"\n"
            + "    volumes:\n      - ./data/app0:/data\n      - /etc/localtime:/etc/localtime:ro\n"
            + "    environment:\n      TZ: UTC\n"
            + "    mem_limit: 512m\n    cpus: 1\n    pids_limit: 100\n"
            + "    healthcheck:\n      test: [\"CMD\", \"wget\", \"-q\"]\n"
            + "    restart: on-failure:5\n";
    assertThat(assertAgrees(text)).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "a: &x 1\n", // anchors
        "a: 1\na: 2\n", // duplicates are reported by the composing path
        "a: \"\\u0041\"\n", // escapes
        "a: b\r\n", // carriage returns
        "a:\tb\n", // tabs
        "é: 1\n", // beyond ASCII
        "a: 1\n---\nb: 2\n", // a second document
        "a: b\n  c\n", // a continued plain scalar
        "- a\n", // a root that is no mapping
      })
  void outsideTheSubset_isLeftToSnakeYaml(String text) {
    assertThat(plain(text, LIMITS)).isSameAs(GAVE_UP);
    assertThatThrownBy(() -> PlainYaml.read(text, LIMITS))
        .isInstanceOf(EventTree.Unsupported.class);
  }

  @Test
  void largeMapping_isReadWithItsKeysChecked_andADuplicateLateInItIsLeftToSnakeYaml() {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 5_000; i++) {
      b.append('k').append(i).append(": ").append(i).append('\n');
    }
    String text = b.toString();
    assertThat(assertAgrees(text)).isTrue();
    assertThat(plain(text + "k17: again\n", LIMITS)).isSameAs(GAVE_UP);
    assertThat(plain("a: 1\n" + text + "a: 2\n", LIMITS)).isSameAs(GAVE_UP);
  }

  @Test
  void limits_depthAndServices_areLeftToSnakeYaml() {
    ParseLimits shallow = new ParseLimits(100, 3, 20_000, 2, 100);
    assertThat(assertAgrees("a:\n  b: 1\n", shallow)).isTrue();
    assertThat(assertAgrees("a:\n  b:\n    c: 1\n", shallow)).isTrue();
    assertThat(plain("a:\n  b:\n    c: 1\n", new ParseLimits(100, 2, 20_000, 2, 100)))
        .isSameAs(GAVE_UP);
    assertThat(plain("a: [1]\n", new ParseLimits(100, 1, 20_000, 2, 100))).isSameAs(GAVE_UP);
    assertThat(assertAgrees("services:\n  a: {}\n", shallow)).isTrue();
    assertThat(plain("a:\n  b:\n    c: {}\n", shallow)).isSameAs(GAVE_UP);
    assertThat(assertAgrees("services:\n  a:\n  b:\n", shallow)).isTrue();
    assertThat(plain("services:\n  a:\n  b:\n  c:\n", shallow)).isSameAs(GAVE_UP);
  }

  // ---- generated documents

  /** Random documents of the subset (and a little beyond), built from a small grammar. */
  static final class Generator {
    private final Random r;
    private final StringBuilder b = new StringBuilder();

    Generator(long seed) {
      this.r = new Random(seed);
    }

    private static final String[] SCALARS = {
      "nginx",
      "1",
      "-1",
      "0x1F",
      "1.5",
      ".inf",
      "true",
      "False",
      "yes",
      "null",
      "~",
      "x y",
      "a:b",
      "a#b",
      "127.0.0.1:80:80",
      "./data:/data",
      "on-failure:5",
      "512m",
      "''",
      "'it''s'",
      "\"q\"",
      "\"a: b # c\"",
      "'x'",
      "\"\"",
      "NET_ADMIN",
      "<<",
      "a b  c",
      "x:",
      "-x",
      "[a]"
    };

    /** Plain scalars with a colon, the way compose writes them in a flow sequence (or not). */
    private static final String[] FLOW = {
      "no-new-privileges:true",
      "a:b",
      "a::b",
      "x:",
      "x: y",
      "a:]",
      "a:,b",
      "a:[b",
      "a:{",
      "127.0.0.1:80:80",
      "http://x:8080/y",
      "a :b",
      ":a"
    };

    private static final String[] KEYS = {
      "image", "a", "b c", "\"q\"", "'s'", "k/~x", "<<", "1", "true", "x-y", "cap_add", "services"
    };

    String document() {
      b.setLength(0);
      int keys = 1 + r.nextInt(4);
      int indent = r.nextInt(10) == 0 ? 2 : 0;
      mapping(indent, 0, keys);
      return b.toString();
    }

    private void noise() {
      int k = r.nextInt(12);
      if (k == 0) {
        b.append('\n');
      } else if (k == 1) {
        b.append(" ".repeat(r.nextInt(6))).append("# note\n");
      }
    }

    private String scalar() {
      return SCALARS[r.nextInt(SCALARS.length)];
    }

    private void lineEnd() {
      if (r.nextInt(6) == 0) {
        b.append(" ".repeat(1 + r.nextInt(2))).append("# c");
      } else if (r.nextInt(8) == 0) {
        b.append("  ");
      }
      b.append('\n');
    }

    private void mapping(int indent, int depth, int keys) {
      List<String> used = new ArrayList<>();
      for (int i = 0; i < keys; i++) {
        String k = KEYS[r.nextInt(KEYS.length)];
        if (used.contains(k) && r.nextInt(4) != 0) {
          continue;
        }
        used.add(k);
        noise();
        if (i > 0 || b.length() == 0 || b.charAt(b.length() - 1) == '\n') {
          b.append(" ".repeat(indent));
        }
        b.append(k).append(r.nextInt(10) == 0 ? " :" : ":");
        value(indent, depth + 1);
      }
    }

    private void value(int indent, int depth) {
      int k = depth > 4 ? r.nextInt(3) : r.nextInt(7);
      switch (k) {
        case 0 -> {
          b.append(' ').append(scalar());
          lineEnd();
        }
        case 1 -> {
          b.append(' ').append(r.nextInt(4) == 0 ? (r.nextBoolean() ? "{}" : "{ }") : flow());
          lineEnd();
        }
        case 2 -> lineEnd(); // empty
        case 3, 4 -> {
          lineEnd();
          mapping(indent + 1 + r.nextInt(4), depth, 1 + r.nextInt(3));
        }
        default -> {
          lineEnd();
          boolean indentless = r.nextBoolean();
          sequence(indentless ? indent : indent + 1 + r.nextInt(3), depth, 1 + r.nextInt(3));
        }
      }
    }

    private String flow() {
      StringBuilder f = new StringBuilder("[");
      int n = r.nextInt(4);
      for (int i = 0; i < n; i++) {
        f.append(i > 0 ? (r.nextBoolean() ? ", " : ",") : (r.nextBoolean() ? " " : ""));
        f.append(
            r.nextBoolean()
                ? "\"s" + i + "\""
                : r.nextInt(3) == 0 ? FLOW[r.nextInt(FLOW.length)] : SCALARS[r.nextInt(12)]);
      }
      return f.append(r.nextBoolean() ? "]" : " ]").toString();
    }

    private void sequence(int indent, int depth, int items) {
      for (int i = 0; i < items; i++) {
        noise();
        b.append(" ".repeat(indent)).append('-');
        int k = depth > 4 ? r.nextInt(2) : r.nextInt(5);
        switch (k) {
          case 0 -> {
            b.append(' ').append(scalar());
            lineEnd();
          }
          case 1 -> lineEnd(); // empty
          case 2 -> {
            b.append(' ');
            mapping(indent + 2, depth + 1, 1 + r.nextInt(3));
          }
          case 3 -> {
            b.append(' ').append(flow());
            lineEnd();
          }
          default -> {
            lineEnd();
            mapping(indent + 1 + r.nextInt(3), depth + 1, 1 + r.nextInt(2));
          }
        }
      }
    }
  }

  @Test
  void generatedDocuments_agreeWhenRead_andMostAreRead() {
    Generator g = new Generator(20261129L);
    int read = 0;
    int total = 3_000;
    for (int i = 0; i < total; i++) {
      if (assertAgrees(g.document())) {
        read++;
      }
    }
    assertThat(read).as("generated documents read").isGreaterThan(total / 4);
  }

  private static final String[] INSERTS = {
    " ", "  ", "\n", ":", ": ", "-", "- ", "#", " #", "\"", "'", "[", "]", ",", "a", "?", "{", "&",
    "*", "!", "|", ">", "\t", "%", ".", "---\n", "...", "\\", "\r", "~", "/", "é"
  };

  /** One random edit: insert, delete, duplicate or re-indent a line, swap characters. */
  static String mutate(String text, Random r) {
    if (text.isEmpty()) {
      return INSERTS[r.nextInt(INSERTS.length)];
    }
    int at = r.nextInt(text.length() + 1);
    switch (r.nextInt(5)) {
      case 0:
        return text.substring(0, at) + INSERTS[r.nextInt(INSERTS.length)] + text.substring(at);
      case 1:
        return at < text.length() ? text.substring(0, at) + text.substring(at + 1) : text;
      case 2:
        {
          int ls = text.lastIndexOf('\n', Math.max(0, at - 1)) + 1;
          int le = text.indexOf('\n', ls);
          String line = text.substring(ls, le < 0 ? text.length() : le + 1);
          return text.substring(0, ls)
              + line
              + (line.endsWith("\n") ? "" : "\n")
              + text.substring(ls);
        }
      case 3:
        {
          int ls = text.lastIndexOf('\n', Math.max(0, at - 1)) + 1;
          return r.nextBoolean()
              ? text.substring(0, ls) + " " + text.substring(ls)
              : text.startsWith(" ", ls) ? text.substring(0, ls) + text.substring(ls + 1) : text;
        }
      default:
        if (at + 1 < text.length()) {
          return text.substring(0, at)
              + text.charAt(at + 1)
              + text.charAt(at)
              + text.substring(at + 2);
        }
        return text;
    }
  }

  @Test
  void mutatedDocuments_agreeWhenRead() throws IOException {
    Random r = new Random(7);
    Generator g = new Generator(99);
    List<String> seeds = new ArrayList<>();
    for (Path p : ComposeCorpusTest.corpus().toList()) {
      String t = Files.readString(p, StandardCharsets.UTF_8);
      if (t.length() < 3_000 && plain(t, LIMITS) != GAVE_UP) {
        seeds.add(t);
      }
    }
    for (int i = 0; i < 300; i++) {
      seeds.add(g.document());
    }
    int read = 0;
    for (int i = 0; i < 6_000; i++) {
      String t = seeds.get(r.nextInt(seeds.size()));
      int edits = 1 + r.nextInt(3);
      for (int k = 0; k < edits; k++) {
        t = mutate(t, r);
      }
      if (assertAgrees(t)) {
        read++;
      }
    }
    assertThat(read).as("mutants read").isGreaterThan(500);
  }
}
