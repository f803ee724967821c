package dev.keycard.format.engineapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keycard.format.Formats;
import dev.keycard.input.InputFormat;
import dev.keycard.input.ParseLimits;
import dev.keycard.input.ParseOptions;
import dev.keycard.input.ParsedInput;
import dev.keycard.input.Source;
import dev.keycard.model.Container;
import dev.keycard.model.EnvVar;
import dev.keycard.model.Healthcheck;
import dev.keycard.model.Mount;
import dev.keycard.model.Origin;
import dev.keycard.model.Port;
import dev.keycard.model.Tmpfs;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EngineApiParserTest {

  private static ParsedInput parse(String json) {
    return new EngineApiParser().parse(Source.of(json), ParseOptions.defaults());
  }

  private static Container only(ParsedInput in) {
    assertThat(in.errors()).isEmpty();
    assertThat(in.containers()).hasSize(1);
    return in.containers().get(0);
  }

  private static String fixture(String name) throws IOException {
    try (InputStream in = EngineApiParserTest.class.getResourceAsStream("/engineapi/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
  /** Nothing Keycard can judge is never a pass: an empty array, or elements that are no object. */
  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"[]", "[1,2,3]", "[null]", "[{\"Image\":\"x\"}, 3]"})
  void arrayWithoutContainers_isAnError_notAnEmptyPass(String json) {
    ParsedInput in = parse(json);
    assertThat(in.hasErrors()).as(json).isTrue();
    assertThat(in.containers()).as(json).isEmpty();
    assertThat(in.errors().get(0).span()).as("the error has a position").isNotNull();
  }


  @Test
  void engineApi_format_isEngineApi() {
    assertThat(new EngineApiParser().format()).isEqualTo(Formats.named("engine-api"));
  }

  @Test
  void engineApi_createBody_readsConfigAndHostConfig() {
    Container c =
        only(
            parse(
                "{\"Image\": \"registry.example.com:5000/team/api:2.1\", \"User\": \"1000:1000\","
                    + " \"Cmd\": [\"serve\"], \"Entrypoint\": \"/entry.sh\","
                    + " \"Env\": [\"A=1\", \"B=x=y\"],"
                    + " \"HostConfig\": {\"Privileged\": true},"
                    + " \"NetworkingConfig\": {\"EndpointsConfig\": {\"backend\": {}}}}"));

    assertThat(c.image()).isEqualTo("registry.example.com:5000/team/api:2.1");
    assertThat(c.name()).isEqualTo("api");
    assertThat(c.user()).isEqualTo("1000:1000");
    assertThat(c.uid()).isEqualTo(1000L);
    assertThat(c.gid()).isEqualTo(1000L);
    assertThat(c.command()).containsExactly("serve");
    assertThat(c.entrypoint()).containsExactly("/entry.sh");
    assertThat(c.environment()).containsExactly(new EnvVar("A", "1"), new EnvVar("B", "x=y"));
    assertThat(c.privileged()).isTrue();
    assertThat(c.networks()).containsExactly("backend");
    assertThat(c.origin().path()).isEmpty();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "'\"Name\": \"/web\"', web",
    "'\"name\": \"worker\"', worker",
    "'\"Name\": \"\", \"name\": \"w2\"', w2",
    "'\"Other\": 1', nginx",
  })
  void engineApi_name_fromNameThenLowerNameThenImage(String member, String want) {
    Container c =
        only(parse("{\"Image\": \"docker.io/library/nginx:1.27@sha256:ab\", " + member + "}"));
    assertThat(c.name()).isEqualTo(want);
  }

  @Test
  void engineApi_withoutNameOrImage_stillHasAName() {
    // every view names containers; the JUnit view used to fail on a null name (a 500)
    assertThat(only(parse("{\"HostConfig\": {\"Privileged\": true}}")).name())
        .isEqualTo("container");
    assertThat(only(parse("{\"Image\": \"r.example.com/x/nginx:1\"}")).name()).isEqualTo("nginx");
    assertThat(only(parse("{\"Name\": \"/web\", \"Image\": \"nginx\"}")).name())
        .isEqualTo("web");
  }

  @Test
  void engineApi_envWithoutValue_isUnknown() {
    Container c = only(parse("{\"Image\": \"a\", \"Env\": [\"TOKEN\", \"X=\"]}"));
    assertThat(c.environment()).containsExactly(new EnvVar("TOKEN", null), new EnvVar("X", ""));
    assertThat(c.unknown()).containsExactly("environment.TOKEN");
  }

  @Test
  void engineApi_healthcheckNone_isDisabled() {
    Container c = only(parse("{\"Image\": \"a\", \"Healthcheck\": {\"Test\": [\"NONE\"]}}"));
    assertThat(c.healthcheck()).isEqualTo(new Healthcheck(List.of(), true));
  }

  @Test
  void engineApi_healthcheckCommand_keepsTest() {
    Container c =
        only(parse("{\"Image\": \"a\", \"Healthcheck\": {\"Test\": [\"CMD\", \"true\"]}}"));
    assertThat(c.healthcheck()).isEqualTo(new Healthcheck(List.of("CMD", "true"), false));
  }

  @Test
  void engineApi_inspectFixture_readsEverySetting() throws IOException {
    ParsedInput in = parse(fixture("inspect-nginx.json"));
    Container c = only(in);

    assertThat(c.name()).isEqualTo("web");
    assertThat(c.image()).isEqualTo("nginx:1.27");
    assertThat(c.user()).isEqualTo("101:101");
    assertThat(c.capAdd()).containsExactly("NET_BIND_SERVICE", "CHOWN");
    assertThat(c.capDrop()).containsExactly("ALL");
    assertThat(c.readOnly()).isTrue();
    assertThat(c.noNewPrivileges()).isTrue();
    assertThat(c.tmpfs())
        .containsExactly(
            new Tmpfs("/var/cache/nginx", "rw,noexec,nosuid,size=64m"),
            new Tmpfs("/var/run", null));
    assertThat(c.memory()).isEqualTo(268435456L);
    assertThat(c.memorySwap()).isEqualTo(536870912L);
    assertThat(c.cpus()).isEqualTo(0.5);
    assertThat(c.pidsLimit()).isEqualTo(200L);
    assertThat(c.networkMode()).isEqualTo("bridge");
    assertThat(c.networks()).containsExactly("bridge");
    assertThat(c.ipc()).isEqualTo("private");
    assertThat(c.pid()).isNull();
    assertThat(c.systempaths()).isNull();
    assertThat(c.ports()).containsExactly(new Port(null, 8080, 8080, 80, 80, "tcp"));
    // the real Mounts win over Binds: one mount, not two
    assertThat(c.mounts())
        .containsExactly(new Mount("bind", "/srv/www", "/usr/share/nginx/html", true, "rprivate"));
    assertThat(c.restartPolicy()).isEqualTo("unless-stopped");
    assertThat(c.healthcheck().disabled()).isFalse();
    assertThat(c.environment()).contains(new EnvVar("NGINX_HOST", "example.org"));
    assertThat(c.origin().path()).isEqualTo("/0");
    assertThat(c.locate("mounts[0].source").path()).isEqualTo("/0/Mounts/0/Source");
    assertThat(c.locate("cap_add[1]").path()).isEqualTo("/0/HostConfig/CapAdd/1");
    assertThat(JsonPointers.resolve(in.document(), "/0/HostConfig/CapAdd/1"))
        .isEqualTo("CAP_CHOWN");
    assertThat(in.warnings()).isEmpty();
  }

  @Test
  void engineApi_singleInspectObject_isOneContainer() throws IOException {
    String fixture = fixture("inspect-nginx.json").trim();
    String object = fixture.substring(1, fixture.length() - 1);
    Container c = only(parse(object));

    assertThat(c.name()).isEqualTo("web");
    assertThat(c.origin().path()).isEmpty();
    assertThat(c.locate("privileged").path()).isEqualTo("/HostConfig/Privileged");
  }

  @Test
  void engineApi_inspectArray_eachElementIsAContainer() {
    ParsedInput in =
        parse(
            "[{\"Name\": \"/a\", \"Config\": {\"Image\": \"x\"}, \"HostConfig\": {\"Privileged\":"
                + " true}}, {\"Name\": \"/b\", \"Config\": {\"Image\": \"y\"}}]");

    assertThat(in.containers()).extracting(Container::name).containsExactly("a", "b");
    assertThat(in.containers().get(0).privileged()).isTrue();
    assertThat(in.containers().get(1).locate("image").path()).isEqualTo("/1/Config/Image");
  }

  @Test
  void engineApi_inspectWithoutMounts_fallsBackToBinds() {
    Container c =
        only(
            parse(
                "{\"Config\": {\"Image\": \"x\"}, \"HostConfig\": {\"Binds\": [\"/etc:/h:ro\"]}}"));
    assertThat(c.mounts()).containsExactly(new Mount("bind", "/etc", "/h", true, null));
  }

  @Test
  void engineApi_createBodyVolumes_areAnonymousVolumesAfterBinds() {
    Container c =
        only(
            parse(
                "{\"Image\": \"x\", \"Volumes\": {\"/data\": {}},"
                    + " \"HostConfig\": {\"Binds\": [\"/etc:/h\"]}}"));
    assertThat(c.mounts())
        .containsExactly(
            new Mount("bind", "/etc", "/h", false, null),
            new Mount("volume", null, "/data", false, null));
    assertThat(c.locate("mounts[1].target").path()).isEqualTo("/Volumes/~1data");
  }

  @Test
  void engineApi_inspectVolumeMount_usesVolumeName() {
    Container c =
        only(
            parse(
                "{\"Config\": {\"Image\": \"x\"}, \"Mounts\": [{\"Type\": \"volume\", \"Name\":"
                    + " \"data\", \"Source\": \"/var/lib/docker/volumes/data/_data\","
                    + " \"Destination\": \"/d\", \"RW\": true, \"Propagation\": \"\"}]}"));
    assertThat(c.mounts()).containsExactly(new Mount("volume", "data", "/d", false, null));
  }

  @Test
  void engineApi_privilegedPrettyPrinted_locatedAtExactLineAndColumn() {
    String body =
        "{\n"
            + "  \"Image\": \"nginx\",\n"
            + "  \"HostConfig\": {\n"
            + "    \"Privileged\": true,\n"
            + "    \"CapAdd\": [\"NET_ADMIN\", \"SYS_ADMIN\"]\n"
            + "  }\n"
            + "}\n";
    Container c = only(parse(body));

    Origin priv = c.locate("privileged");
    assertThat(priv.path()).isEqualTo("/HostConfig/Privileged");
    assertThat(priv.span().start().line()).isEqualTo(4);
    assertThat(priv.span().start().column()).isEqualTo(5);
    assertThat(priv.span().end().line()).isEqualTo(4);
    assertThat(priv.span().end().column()).isEqualTo(23);
    assertThat(text(body, priv)).isEqualTo("\"Privileged\": true");
    assertThat(text(body, c.locate("cap_add[1]"))).isEqualTo("\"SYS_ADMIN\"");
    assertThat(text(body, c.locate("cap_add")))
        .isEqualTo("\"CapAdd\": [\"NET_ADMIN\", \"SYS_ADMIN\"]");
    assertThat(text(body, c.origin())).isEqualTo("\"Image\": \"nginx\"");
  }

  @Test
  void engineApi_emojiBeforeKey_columnsCountUtf16Units() {
    // U+1F433 (whale) is two UTF-16 code units
    String body = "{\"Name\": \"\uD83D\uDC33\", \"HostConfig\": {\"Privileged\": true}}";
    Container c = only(parse(body));

    Origin priv = c.locate("privileged");
    assertThat(priv.span().start().column()).isEqualTo(body.indexOf("\"Privileged\"") + 1);
    assertThat(priv.span().start().column()).isEqualTo(31);
    assertThat(text(body, priv)).isEqualTo("\"Privileged\": true");
  }

  @Test
  void engineApi_everyLocation_resolvesInDocument() throws IOException {
    ParsedInput in = parse(fixture("inspect-nginx.json"));
    for (Map.Entry<String, Origin> e : only(in).locations().entrySet()) {
      assertThat(JsonPointers.resolve(in.document(), e.getValue().path()))
          .as(e.getKey())
          .isNotNull();
    }
  }

  @Test
  void engineApi_jsonObjectSource_hasNoSpans() {
    ParsedInput in =
        new EngineApiParser()
            .parse(
                Source.withoutSpans("{\"Image\": \"a\", \"HostConfig\": {\"Privileged\": true}}"),
                ParseOptions.defaults());
    Origin o = only(in).locate("privileged");
    assertThat(o.path()).isEqualTo("/HostConfig/Privileged");
    assertThat(o.span()).isNull();
  }

  @Test
  void engineApi_wrongType_warnsAndLeavesUnset() {
    ParsedInput in = parse("{\"Image\": \"a\", \"HostConfig\": {\"Privileged\": \"yes\"}}");
    Container c = only(in);
    assertThat(c.privileged()).isFalse();
    assertThat(in.warnings())
        .singleElement()
        .satisfies(
            w -> {
              assertThat(w.code()).isEqualTo("input_invalid_value");
              assertThat(w.path()).isEqualTo("/HostConfig/Privileged");
              assertThat(w.span().start().column()).isEqualTo(31);
            });
  }

  @Test
  void engineApi_floatForIntegerField_warnsAsGoWould() {
    ParsedInput in = parse("{\"Image\": \"a\", \"HostConfig\": {\"Memory\": 1e9}}");
    assertThat(only(in).memory()).isNull();
    assertThat(in.warnings()).hasSize(1);
  }

  @Test
  void engineApi_lowerCaseFieldName_warnsThatDockerWouldApplyIt() {
    ParsedInput in = parse("{\"Image\": \"a\", \"HostConfig\": {\"privileged\": true}}");
    assertThat(only(in).privileged()).isFalse();
    assertThat(in.warnings())
        .singleElement()
        .satisfies(
            w -> {
              assertThat(w.code()).isEqualTo("input_field_name_case");
              assertThat(w.message()).contains("Privileged");
            });
  }

  @Test
  void engineApi_rootScalar_isAnError() {
    ParsedInput in = parse("42");
    assertThat(in.hasErrors()).isTrue();
    assertThat(in.containers()).isEmpty();
  }

  @Test
  void engineApi_nonObjectArrayElement_isAnError_notSkipped() {
    // skipped, the answer would judge less than was sent and could say "allowed"
    ParsedInput in = parse("[1, {\"Config\": {\"Image\": \"x\"}}]");
    assertThat(in.containers()).isEmpty();
    assertThat(in.errors()).singleElement().satisfies(e -> assertThat(e.path()).isEqualTo("/0"));
  }

  @Test
  void engineApi_tooManyContainers_isAnError() {
    ParseOptions opts = new ParseOptions(null, null, new ParseLimits(100, 64, 20_000, 2, 100));
    ParsedInput in =
        new EngineApiParser().parse(Source.of("[{\"Image\":\"a\"},{\"Image\":\"b\"},{}]"), opts);
    assertThat(in.hasErrors()).isTrue();
    assertThat(in.errors().get(0).code()).isEqualTo("input_limit_exceeded");
    assertThat(in.containers()).isEmpty();
  }

  private static String text(String body, Origin o) {
    return body.substring(o.span().start().offset(), o.span().end().offset());
  }
}
