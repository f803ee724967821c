package dev.keycard.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's examples show what the service answers. Each {@code <!-- example -->} shell block
 * is run as written (with {@code bash -euo pipefail}, {@code localhost:8080} pointed at the test
 * service, in a directory holding the README's {@code <!-- file: NAME -->} blocks), and the block
 * after it is the answer: a JSON block must hold every field it shows, recursively (arrays by
 * index; a string ending in {@code …} stands for any value starting with what precedes it, so
 * {@code "…"} for any value at all, and an array ending in {@code "…"} may go on), any other block
 * must equal the output. Every block that calls the service is an example or a recipe, or says why
 * it is not run ({@code <!-- not-run: why -->}), so that an example cannot go missing unnoticed.
 */
@QuarkusTest
class ReadmeExamplesTest {
  static final String ELLIPSIS = "…";
  static final ObjectMapper JSON = new ObjectMapper();

  @TestHTTPResource("/")
  URI base;

  @BeforeAll
  static void tools() throws Exception {
    Readme.requireTools("curl", "jq");
  }

  @Test
  void everyBlockThatCallsTheService_isCheckedOrSaysWhyNot() throws IOException {
    List<String> unchecked = new ArrayList<>();
    List<Readme.Block> blocks = Readme.blocks(Readme.README);
    int examples = 0;
    for (int i = 0; i < blocks.size(); i++) {
      Readme.Block b = blocks.get(i);
      boolean calls =
          b.text().contains("KEYCARD_URL")
              || b.text().contains("curl ")
                  && (b.text().contains("localhost:8080") || b.text().contains("127.0.0.1:8080"));
      if (b.marked("example")) {
        examples++;
        assertThat(i + 1).as("%s is followed by the answer it shows", b).isLessThan(blocks.size());
        assertThat(blocks.get(i + 1).kind()).as("%s: the answer after it is unmarked", b).isNull();
      } else if (calls && b.kind() == null && !(i > 0 && blocks.get(i - 1).marked("example"))) {
        unchecked.add(b.toString());
      }
    }
    assertThat(unchecked).as("blocks that call the service without <!-- example -->").isEmpty();
    assertThat(examples).as("examples in the README").isPositive();
  }

  @TestFactory
  Stream<DynamicTest> everyExample_showsWhatTheServiceAnswers(@TempDir Path tmp) throws IOException {
    List<Readme.Block> blocks = Readme.blocks(Readme.README);
    Path dir = tmp.resolve("files");
    Files.createDirectories(dir);
    for (Readme.Block b : blocks) {
      if (b.marked("file")) {
        Files.writeString(dir.resolve(b.name()), b.text(), StandardCharsets.UTF_8);
      }
    }
    String url = base.toString().replaceAll("/$", "").replace("http://", "");
    List<DynamicTest> tests = new ArrayList<>();
    for (int i = 0; i + 1 < blocks.size(); i++) {
      Readme.Block example = blocks.get(i);
      if (!example.marked("example")) {
        continue;
      }
      Readme.Block answer = blocks.get(i + 1);
      tests.add(
          DynamicTest.dynamicTest(
              example.toString(),
              () -> {
                String script = example.text().replace("localhost:8080", url);
                Readme.Run r = Readme.bash(script, dir, "http://" + url);
                assertThat(r.exit()).as("%s exits 0\n%s", example, r.stderr()).isZero();
                if (answer.lang().equals("json")) {
                  JsonNode shown = JSON.readTree(answer.text());
                  JsonNode live = JSON.readTree(r.stdout());
                  List<String> diffs = new ArrayList<>();
                  compare("", shown, live, diffs);
                  assertThat(diffs).as("%s: fields shown that the service answers otherwise\n%s",
                      answer, r.stdout()).isEmpty();
                } else {
                  assertThat(r.stdout().stripTrailing()).as("%s", answer)
                      .isEqualTo(answer.text().stripTrailing());
                }
              }));
    }
    return tests.stream();
  }

  @Test
  void compare_catchesAWrongValueAMissingFieldAnotherLengthAndAnotherPrefix() throws IOException {
    JsonNode live = JSON.readTree("{\"a\": 1, \"b\": [1, 2], \"c\": \"sha256:abc\"}");
    List<String> diffs = new ArrayList<>();
    compare("", JSON.readTree("{\"a\": 2}"), live, diffs);
    compare("", JSON.readTree("{\"x\": \"…\"}"), live, diffs);
    compare("", JSON.readTree("{\"b\": [1]}"), live, diffs);
    compare("", JSON.readTree("{\"c\": \"sha1:…\"}"), live, diffs);
    assertThat(diffs).hasSize(4);
    diffs.clear();
    compare("", JSON.readTree("{\"a\": 1.0, \"b\": [1, \"…\"], \"c\": \"sha256:…\"}"), live, diffs);
    assertThat(diffs).isEmpty();
  }

  /** Every field {@code shown} holds must be in {@code live} with the same value. */
  static void compare(String path, JsonNode shown, JsonNode live, List<String> diffs) {
    String at = path.isEmpty() ? "/" : path;
    if (shown.isTextual() && shown.asText().endsWith(ELLIPSIS)) {
      String prefix = shown.asText().substring(0, shown.asText().length() - ELLIPSIS.length());
      if (!prefix.isEmpty() && (live == null || !live.isTextual() || !live.asText().startsWith(prefix))) {
        diffs.add(at + ": shown " + shown + ", answered " + live);
      } else if (prefix.isEmpty() && live == null) {
        diffs.add(at + ": shown " + shown + ", answered nothing");
      }
      return;
    }
    if (live == null) {
      diffs.add(at + ": shown " + shown + ", answered nothing");
      return;
    }
    if (shown.isObject()) {
      if (!live.isObject()) {
        diffs.add(at + ": shown an object, answered " + live);
        return;
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = shown.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        compare(path + "/" + e.getKey(), e.getValue(), live.get(e.getKey()), diffs);
      }
    } else if (shown.isArray()) {
      if (!live.isArray()) {
        diffs.add(at + ": shown an array, answered " + live);
        return;
      }
      int n = shown.size();
      boolean open = n > 0 && shown.get(n - 1).isTextual() && shown.get(n - 1).asText().equals(ELLIPSIS);
      int compared = open ? n - 1 : n;
      if (open ? live.size() < compared : live.size() != n) {
        diffs.add(at + ": shown " + n + " elements" + (open ? " and more" : "") + ", answered " + live.size());
        return;
      }
      for (int i = 0; i < compared; i++) {
        compare(path + "/" + i, shown.get(i), live.get(i), diffs);
      }
    } else if (shown.isNumber() && live.isNumber()) {
      if (shown.decimalValue().compareTo(live.decimalValue()) != 0) {
        diffs.add(at + ": shown " + shown + ", answered " + live);
      }
    } else if (!shown.equals(live)) {
      diffs.add(at + ": shown " + shown + ", answered " + live);
    }
  }
}
