package dev.keycard.remediation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keycard.engine.Finding;
import dev.keycard.format.Formats;
import dev.keycard.pipeline.Answer;
import dev.keycard.pipeline.InputRequest;
import dev.keycard.report.Evaluation;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** One rule's fix on one input, applied alone: the exact text it produces. */
class SingleFixTest {
  private final Harness h = Harness.of(Harness.TEST_POLICIES);

  static Stream<Arguments> cases() {
    return Stream.of(
        row(
            "docker run: value after = is replaced in place", "KC-002",
            "docker run --user=root nginx", "docker run --user=1000:1000 nginx"),
        row(
            "docker run: quotes around a value are kept", "KC-002",
            "docker run -u \"root\" nginx", "docker run -u \"1000:1000\" nginx"),
        row(
            "docker run: a flag alone on a continuation line goes with its line", "KC-001",
            "docker run \\\n  --privileged \\\n  nginx\n", "docker run \\\n  nginx\n"),
        row(
            "docker run: under a continuation glued to a word, the indentation stays (it"
                + " separates the words the shell joins)",
            "KC-001",
            "docker run -d --rm\\\n  --privileged \\\n  nginx\n",
            "docker run -d --rm\\\n    nginx\n"),
        row(
            "docker run: a flag ending a line takes the space before it", "KC-001",
            "docker run -d --privileged \\\n  nginx\n", "docker run -d \\\n  nginx\n"),
        row(
            "docker run: an inline `#note` after a removed flag goes with it",
            "KC-007",
            "docker run -d \\\n  --cap-add=SYS_MODULE `#optional` \\\n  nginx\n",
            "docker run -d \\\n  nginx\n"),
        row(
            "docker run: a flag given twice is removed both times (the last one counts)",
            "KC-001",
            "docker run --privileged --name a --privileged nginx",
            "docker run --name a nginx"),
        row(
            "docker run: host networking given twice is removed both times (docker refuses the"
                + " second)",
            "KC-010",
            "docker run --net=host -d --net=host nginx",
            "docker run -d nginx"),
        row(
            "docker run: the same flag twice on one line goes in one removal",
            "KC-010",
            "docker run -d \\\n  --net=host  --net=host \\\n  nginx\n",
            "docker run -d \\\n   \\\n  nginx\n"),
        row(
            "docker run: an added flag goes before the -- that ends the options", "KC-042",
            "docker run -d -- nginx", "docker run -d --pids-limit 100 -- nginx"),
        row(
            "docker run: CRLF continuation style is followed", "KC-042",
            "docker run \\\r\n  nginx\r\n",
                "docker run \\\r\n  --pids-limit 100 \\\r\n  nginx\r\n"),
        row(
            "docker run: host ip goes into the port spec", "KC-051",
            "docker run -p 0.0.0.0:80:80 nginx", "docker run -p 127.0.0.1:80:80 nginx"),
        row(
            "compose: flow service loses a key with its comma",
            "KC-001",
            "services: {web: {image: nginx, privileged: true}}\n",
            "services: {web: {image: nginx}}\n"),
        row(
            "compose: flow service gains a key in flow style", "KC-042",
            "services: {web: {image: nginx}}\n",
                "services: {web: {image: nginx, pids_limit: 100}}\n"),
        row(
            "compose: flow list gains an item",
            "KC-005",
            "services:\n  web:\n    image: nginx\n    cap_drop: [NET_RAW]\n",
            "services:\n  web:\n    image: nginx\n    cap_drop: [NET_RAW, ALL]\n"),
        row(
            "compose: an item appended after an empty one (a dash alone) gets its space",
            "KC-004",
            "services:\n  web:\n    image: nginx\n    security_opt:\n      -\n",
            "services:\n  web:\n    image: nginx\n    security_opt:\n      -\n"
                + "      - no-new-privileges:true\n"),
        row(
            "compose: a scalar tmpfs becomes a list",
            "KC-032",
            "services:\n  web:\n    image: nginx\n    tmpfs: /run\n",
            "services:\n  web:\n    image: nginx\n    tmpfs: [/run, /tmp]\n    read_only: true\n"),
        row(
            "compose: a scalar tmpfs with a trailing tab becomes a list without it",
            "KC-032",
            "services:\n  web:\n    image: nginx\n    tmpfs: /run\t\n",
            "services:\n  web:\n    image: nginx\n    tmpfs: [/run, /tmp]\n    read_only: true\n"),
        row(
            "compose: a false no-new-privileges is switched in place",
            "KC-004",
            "services:\n"
                + "  web:\n"
                + "    image: nginx\n"
                + "    security_opt:\n"
                + "      - no-new-privileges:false\n",
            "services:\n"
                + "  web:\n"
                + "    image: nginx\n"
                + "    security_opt:\n"
                + "      - no-new-privileges:true\n"),
        row(
            "compose: a zero deploy memory limit is set where it is written",
            "KC-040",
            "services:\n"
                + "  web:\n"
                + "    image: nginx\n"
                + "    deploy:\n"
                + "      resources:\n"
                + "        limits:\n"
                + "          memory: 0\n",
            "services:\n"
                + "  web:\n"
                + "    image: nginx\n"
                + "    deploy:\n"
                + "      resources:\n"
                + "        limits:\n"
                + "          memory: 512m\n"),
        row(
            "compose: a long-syntax port gains host_ip",
            "KC-051",
            "services:\n"
                + "  web:\n"
                + "    image: nginx\n"
                + "    ports:\n"
                + "      - target: 80\n"
                + "        published: 8080\n",
            "services:\n"
                + "  web:\n"
                + "    image: nginx\n"
                + "    ports:\n"
                + "      - target: 80\n"
                + "        published: 8080\n"
                + "        host_ip: 127.0.0.1\n"),
        row(
            "compose: the last item of a block list takes its key and the comment on it along",
            "KC-031",
            "services:\n"
                + "  web:\n"
                + "    image: nginx\n"
                + "    volumes:\n"
                + "      # host root\n"
                + "      - /:/host\n",
            "services:\n  web:\n    image: nginx\n"),
        row(
            // "`⏎" is no continuation to sh: it opens a substitution (of a comment, here), which
            // must stay whole
            "docker run: a flag before a backtick that opens a note on the next line",
            "KC-033",
            "docker run -d \\\n  --device /dev/dri:/dev/dri `\n#optional` \\\n  nginx\n",
            "docker run -d \\\n  `\n#optional` \\\n  nginx\n"),
        row(
            "engine-api: compact member removal",
            "KC-001",
            "{\"Image\":\"x\",\"HostConfig\":{\"Privileged\":true,\"CapAdd\":[\"CHOWN\"]}}",
            "{\"Image\":\"x\",\"HostConfig\":{\"CapAdd\":[\"CHOWN\"]}}"),
        row(
            "engine-api: a missing HostConfig is created once for two members",
            "KC-032",
            "{\"Image\": \"x\"}",
            "{\"Image\": \"x\", \"HostConfig\": {\"ReadonlyRootfs\": true, \"Tmpfs\": {\"/tmp\":"
                + " \"\"}}}"),
        row(
            "engine-api: port binding host ip is set",
            "KC-051",
            "{\"Image\": \"x\", \"HostConfig\": {\"PortBindings\": {\"80/tcp\": [{\"HostPort\":"
                + " \"80\"}]}}}",
            "{\"Image\": \"x\", \"HostConfig\": {\"PortBindings\": {\"80/tcp\": [{\"HostPort\":"
                + " \"80\", \"HostIp\": \"127.0.0.1\"}]}}}"));
  }

  private static Arguments row(String name, String rule, String input, String expected) {
    return Arguments.of(name, rule, input, expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void singleFix_producesExactText(String name, String rule, String input, String expected) {
    assertThat(fixed(Harness.request(input), rule)).isEqualTo(expected);
  }

  /**
   * Inputs where no edit can be right: the finding stands without a fix (never with one the proof
   * would refuse, or one proven only together with other fixes).
   */
  static Stream<Arguments> noFixCases() {
    return Stream.of(
        Arguments.of(
            // Docker keeps the later "User" (and merges repeated objects): an edit of one
            // occurrence may change nothing; the parser's input_duplicate_key warning says why
            "engine-api: a body that repeats a key",
            "KC-002",
            "{\"Image\": \"x\", \"User\": \"0\", \"User\": \"root\","
                + " \"HostConfig\": {\"Privileged\": true}}"),
        Arguments.of(
            // a second security_opt would be a duplicate key; the parser says the value is wrong
            "compose: security_opt written as a string, not a list",
            "KC-004",
            "services:\n  web:\n    image: nginx\n    security_opt: seccomp:unconfined\n"),
        Arguments.of(
            // "web:" alone is no service; together with other fixes it would pass, alone it does not
            "compose: removing a service's only key",
            "KC-001",
            "services:\n  web:\n    privileged: true\n"),
        Arguments.of(
            // a fragment without services: is a service by its service keys; the other key is not
            "compose: removing a fragment's only service key",
            "KC-001",
            "x-note: hi\nprivileged: true\n"),
        Arguments.of(
            // YAML's explicit key: no compose file needs it, and an entry added after it breaks
            "compose: a service with a complex key (? key)",
            "KC-042",
            "services:\n  web:\n    image: nginx\n    ? build:\n      context: app\n"),
        Arguments.of(
            // where the value starts inside "`#x`-p 3000:3000" is guesswork
            "docker run: a backtick note glued to the flag whose value a fix changes",
            "KC-051",
            "docker run `#x`-p 3000:3000 nginx"),
        Arguments.of(
            // "-\p" is -p to the shell; where its value starts in the text is guesswork
            "docker run: a flag written with an escape", "KC-051", "docker run -\\p 80:80 nginx"),
        Arguments.of(
            // SnakeYAML reads a line added below "A: |" (and nothing else) as its content
            "compose: a service ending in an empty block scalar",
            "KC-042",
            "services:\n  web:\n    image: x\n    environment:\n      A: |"),
        Arguments.of(
            // the same with the header on a line of its own below the key
            "compose: a service ending in an empty block scalar whose header has its own line",
            "KC-042",
            "services:\n  web:\n    image: x\n    environment:\n      A:\n        |"),
        Arguments.of(
            // without the flag, the line would start with the fence and the message would be read
            // as a Markdown block, not as this command
            "docker run: a removal that would leave a line starting a Markdown fence",
            "KC-033",
            "docker run -d \\\n  --device /dev/dri:/dev/dri ````sh\n#optional` \\\n  nginx\n"),
        Arguments.of(
            "compose: an explicit key inside a list of the service",
            "KC-042",
            "services:\n  web:\n    image: nginx\n    networks:\n      - ? front\n"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("noFixCases")
  void noRightEdit_noFix(String name, String rule, String input) {
    InputRequest r = Harness.request(input);
    Answer answer = h.answer(r, "fixtest");
    Evaluation e = answer.evaluation();
    Finding f =
        e.findings().stream().filter(x -> x.ruleId().equals(rule)).findFirst().orElseThrow();
    assertThat(Formats.remediator().render(e.input(), f)).as("the renderer refuses").isEmpty();
    assertThat(answer.remedies().of(f)).isNull();
  }

  @ParameterizedTest(name = "resolved variable: {0}")
  @MethodSource("variableCases")
  void interpolatedValue_isReplacedOnlyWithANote(String name, String input, String expected) {
    InputRequest r = new InputRequest(input, false, null, Map.of(), Map.of("U", "root"));
    Answer answer = h.answer(r, "fixtest");
    Evaluation e = answer.evaluation();
    Finding f =
        e.findings().stream().filter(x -> x.ruleId().equals("KC-002")).findFirst().orElseThrow();
    Remedy remedy = answer.remedies().of(f);
    assertThat(TextEdit.apply(input, remedy.edits())).isEqualTo(expected);
    assertThat(remedy.description()).contains("replaces the variable ${U}");
  }

  static Stream<Arguments> variableCases() {
    return Stream.of(
        Arguments.of(
            "compose user from ${U}",
            "services:\n  web:\n    image: nginx\n    user: ${U}\n",
            "services:\n  web:\n    image: nginx\n    user: 1000:1000\n"));
  }

  private String fixed(InputRequest r, String rule) {
    Answer answer = h.answer(r, "fixtest");
    Evaluation e = answer.evaluation();
    Finding f =
        e.findings().stream().filter(x -> x.ruleId().equals(rule)).findFirst().orElseThrow();
    Remedy remedy = answer.remedies().of(f);
    assertThat(remedy).as("a verified fix").isNotNull();
    return TextEdit.apply(r.text(), remedy.edits());
  }
}
