package dev.keycard.input.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keycard.input.yaml.YamlScalars;
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
        "",
        " ",
        "~",
        "null",
        "Null",
        "NULL",
        "nul",
        "nullx",
        "n",
        "nginx",
        "true",
        "True",
        "TRUE",
        "tRUE",
        "truex",
        "t",
        "false",
        "False",
        "FALSE",
        "f",
        "F",
        "T",
        "0",
        "-1",
        "+12",
        "0x1F",
        "0xg",
        "0o17",
        "0o8",
        "1.5",
        "-.5",
        ".5",
        "1e3",
        "1.5E-3",
        "-.inf",
        ".Inf",
        "+.INF",
        ".nan",
        ".NaN",
        ".NAN",
        ".",
        "-",
        "+",
        "512m",
        "1000:1000",
        "127.0.0.1:80:80",
        "1_000",
        "<<",
        "<",
        "$HOME",
        "${A}",
        "$",
        "\0",
        "image",
        "on-failure:5",
        "x-common",
        "ALL",
        "NET_BIND_SERVICE",
        "1a",
        "abc",
        "0xABCDEF",
        "12e",
        "inf",
        "nan",
        "007",
        "-0",
        "+0",
        "00",
        "123456789012345678",
        "1234567890123456789",
        "99999999999999999999",
        "1-2",
        "--1",
        "+-1",
        "-+1",
        "1.",
        "1e",
        "8080",
        "n",
        "N",
        "~x",
        " x",
        "Nullx",
        "nULL"
      })
  void scalar_resolvesToTheCoreSchemaTag(String value) {
    assertThat(FAST.resolve(value, true)).isEqualTo(CORE.resolve(value, true));
    assertThat(FAST.resolve(value, false)).isEqualTo(CORE.resolve(value, false));
  }

  @ParameterizedTest(name = "[{0}]")
  @ValueSource(
      strings = {
        "0",
        "-0",
        "+0",
        "007",
        "-12",
        "+12",
        "8080",
        "999999999999999999",
        "-99999999999999999",
        "1000000000000000000",
        "-1000000000000000000",
        "9223372036854775807",
        "9223372036854775808",
        "123456789012345678901234567890"
      })
  void decimalInt_hasTheValueBigIntegerGives(String value) {
    assertThat(YamlScalars.isDecimal(value)).isTrue();
    java.math.BigInteger b = new java.math.BigInteger(value);
    Object expected = b.bitLength() < 64 ? (Object) b.longValue() : (Object) b.doubleValue();
    assertThat(YamlScalars.value(value, org.snakeyaml.engine.v2.nodes.Tag.INT))
        .isEqualTo(expected);
  }

  @org.junit.jupiter.api.Test
  void explicitIntTag_onTextTheDecimalPathDoesNotTake_isReadAsBefore() {
    org.snakeyaml.engine.v2.nodes.Tag tag = org.snakeyaml.engine.v2.nodes.Tag.INT;
    assertThat(YamlScalars.value("", tag)).isEqualTo("");
    assertThat(YamlScalars.value("-", tag)).isEqualTo("-");
    assertThat(YamlScalars.value("x", tag)).isEqualTo("x");
    assertThat(YamlScalars.value("0x1F", tag)).isEqualTo(31L);
    assertThat(YamlScalars.value("1_000", tag)).isEqualTo(1000L);
    assertThat(YamlScalars.value("1.5", tag)).isEqualTo("1.5");
  }

  @org.junit.jupiter.api.Test
  void integerOfAMillionDigits_staysText_insteadOfTakingSecondsToParse() {
    org.snakeyaml.engine.v2.nodes.Tag tag = org.snakeyaml.engine.v2.nodes.Tag.INT;
    String decimal = "9".repeat(1_000_000);
    String hex = "0x" + "f".repeat(1_000_000);
    org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
        java.time.Duration.ofSeconds(2),
        () -> {
          assertThat(YamlScalars.value(decimal, tag)).isEqualTo(decimal);
          assertThat(YamlScalars.value(hex, tag)).isEqualTo(hex);
        });
    String longest = "9".repeat(YamlScalars.MAX_DIGITS);
    assertThat(YamlScalars.value(longest, tag)).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(YamlScalars.value(longest + "9", tag)).isEqualTo(longest + "9");
  }
}
