package dev.keycard.input.compose;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/** The fast core schema resolves every plain and quoted scalar to the core schema's tag. */
class CoreSchemaFastTest {
  private static final ScalarResolver CORE = new CoreSchema().getScalarResolver();
  private static final ScalarResolver FAST = CoreSchemaFast.INSTANCE.getScalarResolver();

  @ParameterizedTest(name = "[{0}]")
  @ValueSource(
      strings = {
        "", " ", "~", "null", "Null", "NULL", "nul", "nullx", "n", "nginx", "true", "True",
        "TRUE", "tRUE", "truex", "t", "false", "False", "FALSE", "f", "F", "T", "0", "-1", "+12",
        "0x1F", "0xg", "0o17", "0o8", "1.5", "-.5", ".5", "1e3", "1.5E-3", "-.inf", ".Inf",
        "+.INF", ".nan", ".NaN", ".NAN", ".", "-", "+", "512m", "1000:1000", "127.0.0.1:80:80",
        "1_000", "<<", "<", "$HOME", "${A}", "$", "\0", "image", "on-failure:5", "x-common",
        "ALL", "NET_BIND_SERVICE", "1a", "abc", "0xABCDEF", "12e", "inf", "nan"
      })
  void scalar_resolvesToTheCoreSchemaTag(String value) {
    assertThat(FAST.resolve(value, true)).isEqualTo(CORE.resolve(value, true));
    assertThat(FAST.resolve(value, false)).isEqualTo(CORE.resolve(value, false));
  }
}
