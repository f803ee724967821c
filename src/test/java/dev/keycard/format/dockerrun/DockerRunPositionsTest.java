package dev.keycard.format.dockerrun;

import static dev.keycard.format.dockerrun.Runs.one;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keycard.model.Container;
import dev.keycard.model.Span;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every setting points back at the exact text that set it. */
class DockerRunPositionsTest {

  static Stream<Arguments> spans() {
    String multiLine = "docker run -d \\\n  --privileged \\\n  -v /:/host \\\n  myapp\n";
    return Stream.of(
        Arguments.of(
            "privileged_singleLine",
            "docker run --privileged -v /:/host myapp",
            "privileged",
            "1:12-1:24",
            "--privileged"),
        Arguments.of(
            "volume_singleLine",
            "docker run --privileged -v /:/host myapp",
            "mounts[0]",
            "1:25-1:35",
            "-v /:/host"),
        Arguments.of(
            "volumeSource_singleLine",
            "docker run --privileged -v /:/host myapp",
            "mounts[0].source",
            "1:28-1:29",
            "/"),
        Arguments.of(
            "volumeTarget_singleLine",
            "docker run --privileged -v /:/host myapp",
            "mounts[0].target",
            "1:30-1:35",
            "/host"),
        Arguments.of(
            "image_isOrigin",
            "docker run --privileged -v /:/host myapp",
            "image",
            "1:36-1:41",
            "myapp"),
        Arguments.of(
            "privileged_continuedLine", multiLine, "privileged", "2:3-2:15", "--privileged"),
        Arguments.of("volume_continuedLine", multiLine, "mounts[0]", "3:3-3:13", "-v /:/host"),
        Arguments.of("image_continuedLine", multiLine, "image", "4:3-4:8", "myapp"),
        Arguments.of(
            "quotedValue_includesQuotes",
            "docker run --name=\"web\" nginx",
            "name",
            "1:12-1:24",
            "--name=\"web\""),
        Arguments.of(
            "capAddElement_coversFlagAndValue",
            "docker run --cap-add SYS_ADMIN nginx",
            "cap_add[0]",
            "1:12-1:31",
            "--cap-add SYS_ADMIN"),
        Arguments.of(
            "mountCsvTarget_isField",
            "docker run --mount type=bind,src=/a,dst=/b nginx",
            "mounts[0].target",
            "1:41-1:43",
            "/b"),
        Arguments.of(
            "valueOnNextLine_spansBoth",
            "docker run -p \\\n 80:80 nginx",
            "ports[0]",
            "1:12-2:7",
            "-p \\\n 80:80"),
        Arguments.of(
            "crlfContinuation_nextLineColumn",
            "docker run \\\r\n  --privileged nginx",
            "privileged",
            "2:3-2:15",
            "--privileged"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("spans")
  void location_pointsAtTheFlagAndValue(
      String name, String input, String path, String where, String text) {
    Container c = one(input);
    Span span = c.locations().get(path).span();
    assertThat(span).as(path).hasToString(where);
    assertThat(input.substring(span.start().offset(), span.end().offset())).isEqualTo(text);
  }

  @Test
  void promptRemovedByCaller_positionsMapToOriginal() {
    String original = "Try this:\n$ docker run --privileged nginx\n";
    String text = "docker run --privileged nginx";
    int base = original.indexOf(text);
    int[] map = new int[text.length() + 1];
    for (int i = 0; i <= text.length(); i++) {
      map[i] = base + i;
    }
    var parsed =
        Runs.PARSER.parse(
            dev.keycard.input.Source.extracted(original, text, map),
            dev.keycard.input.ParseOptions.defaults());
    assertThat(parsed.containers().get(0).locations().get("privileged").span())
        .hasToString("2:14-2:26");
  }
}
