package dev.keycard.input.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Random;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link Sizes} answers go-units' own tables, which Docker's size flags are read with. */
class SizesTest {
  /**
   * The bodies of {@code TestFromHumanSize} and {@code TestRAMInBytes} from docker/go-units
   * size_test.go as released in v0.5.0 (the parser rewritten around {@code strings.LastIndexAny}),
   * pasted verbatim. The file was read through the code search's copy of that release (its
   * docker/go-units snapshot, commit af07f36391ff7e0d0fa596c2d960b23e0a29c978, predates it and
   * still expects {@code ".3kB"} to fail).
   */
  private static final String UPSTREAM =
"""
func TestFromHumanSize(t *testing.T) {
	assertSuccessEquals(t, 0, FromHumanSize, "0")
	assertSuccessEquals(t, 0, FromHumanSize, "0b")
	assertSuccessEquals(t, 0, FromHumanSize, "0B")
	assertSuccessEquals(t, 0, FromHumanSize, "0 B")
	assertSuccessEquals(t, 32, FromHumanSize, "32")
	assertSuccessEquals(t, 32, FromHumanSize, "32b")
	assertSuccessEquals(t, 32, FromHumanSize, "32B")
	assertSuccessEquals(t, 32*KB, FromHumanSize, "32k")
	assertSuccessEquals(t, 32*KB, FromHumanSize, "32K")
	assertSuccessEquals(t, 32*KB, FromHumanSize, "32kb")
	assertSuccessEquals(t, 32*KB, FromHumanSize, "32Kb")
	assertSuccessEquals(t, 32*MB, FromHumanSize, "32Mb")
	assertSuccessEquals(t, 32*GB, FromHumanSize, "32Gb")
	assertSuccessEquals(t, 32*TB, FromHumanSize, "32Tb")
	assertSuccessEquals(t, 32*PB, FromHumanSize, "32Pb")

	assertSuccessEquals(t, 32.5*KB, FromHumanSize, "32.5kB")
	assertSuccessEquals(t, 32.5*KB, FromHumanSize, "32.5 kB")
	assertSuccessEquals(t, 32, FromHumanSize, "32.5 B")
	assertSuccessEquals(t, 300, FromHumanSize, "0.3 K")
	assertSuccessEquals(t, 300, FromHumanSize, ".3kB")

	assertSuccessEquals(t, 0, FromHumanSize, "0.")
	assertSuccessEquals(t, 0, FromHumanSize, "0. ")
	assertSuccessEquals(t, 0, FromHumanSize, "0.b")
	assertSuccessEquals(t, 0, FromHumanSize, "0.B")
	assertSuccessEquals(t, 0, FromHumanSize, "-0")
	assertSuccessEquals(t, 0, FromHumanSize, "-0b")
	assertSuccessEquals(t, 0, FromHumanSize, "-0B")
	assertSuccessEquals(t, 0, FromHumanSize, "-0 b")
	assertSuccessEquals(t, 0, FromHumanSize, "-0 B")
	assertSuccessEquals(t, 32, FromHumanSize, "32.")
	assertSuccessEquals(t, 32, FromHumanSize, "32.b")
	assertSuccessEquals(t, 32, FromHumanSize, "32.B")
	assertSuccessEquals(t, 32, FromHumanSize, "32. b")
	assertSuccessEquals(t, 32, FromHumanSize, "32. B")

	// We do not tolerate extra leading or trailing spaces
	// (except for a space after the number and a missing suffix).
	assertSuccessEquals(t, 0, FromHumanSize, "0 ")

	assertError(t, FromHumanSize, " 0")
	assertError(t, FromHumanSize, " 0b")
	assertError(t, FromHumanSize, " 0B")
	assertError(t, FromHumanSize, " 0 B")
	assertError(t, FromHumanSize, "0b ")
	assertError(t, FromHumanSize, "0B ")
	assertError(t, FromHumanSize, "0 B ")

	assertError(t, FromHumanSize, "")
	assertError(t, FromHumanSize, "hello")
	assertError(t, FromHumanSize, ".")
	assertError(t, FromHumanSize, ". ")
	assertError(t, FromHumanSize, " ")
	assertError(t, FromHumanSize, "  ")
	assertError(t, FromHumanSize, " .")
	assertError(t, FromHumanSize, " . ")
	assertError(t, FromHumanSize, "-32")
	assertError(t, FromHumanSize, "-32b")
	assertError(t, FromHumanSize, "-32B")
	assertError(t, FromHumanSize, "-32 b")
	assertError(t, FromHumanSize, "-32 B")
	assertError(t, FromHumanSize, "32b.")
	assertError(t, FromHumanSize, "32B.")
	assertError(t, FromHumanSize, "32 b.")
	assertError(t, FromHumanSize, "32 B.")
	assertError(t, FromHumanSize, "32 bb")
	assertError(t, FromHumanSize, "32 BB")
	assertError(t, FromHumanSize, "32 b b")
	assertError(t, FromHumanSize, "32 B B")
	assertError(t, FromHumanSize, "32  b")
	assertError(t, FromHumanSize, "32  B")
	assertError(t, FromHumanSize, " 32 ")
	assertError(t, FromHumanSize, "32m b")
	assertError(t, FromHumanSize, "32bm")
}

func TestRAMInBytes(t *testing.T) {
	assertSuccessEquals(t, 32, RAMInBytes, "32")
	assertSuccessEquals(t, 32, RAMInBytes, "32b")
	assertSuccessEquals(t, 32, RAMInBytes, "32B")
	assertSuccessEquals(t, 32*KiB, RAMInBytes, "32k")
	assertSuccessEquals(t, 32*KiB, RAMInBytes, "32K")
	assertSuccessEquals(t, 32*KiB, RAMInBytes, "32kb")
	assertSuccessEquals(t, 32*KiB, RAMInBytes, "32Kb")
	assertSuccessEquals(t, 32*KiB, RAMInBytes, "32Kib")
	assertSuccessEquals(t, 32*KiB, RAMInBytes, "32KIB")
	assertSuccessEquals(t, 32*MiB, RAMInBytes, "32Mb")
	assertSuccessEquals(t, 32*GiB, RAMInBytes, "32Gb")
	assertSuccessEquals(t, 32*TiB, RAMInBytes, "32Tb")
	assertSuccessEquals(t, 32*PiB, RAMInBytes, "32Pb")
	assertSuccessEquals(t, 32*PiB, RAMInBytes, "32PB")
	assertSuccessEquals(t, 32*PiB, RAMInBytes, "32P")

	assertSuccessEquals(t, 32, RAMInBytes, "32.3")
	tmp := 32.3 * MiB
	assertSuccessEquals(t, int64(tmp), RAMInBytes, "32.3 mb")
	tmp = 0.3 * MiB
	assertSuccessEquals(t, int64(tmp), RAMInBytes, "0.3MB")

	assertError(t, RAMInBytes, "")
	assertError(t, RAMInBytes, "hello")
	assertError(t, RAMInBytes, "-32")
	assertError(t, RAMInBytes, " 32 ")
	assertError(t, RAMInBytes, "32m b")
	assertError(t, RAMInBytes, "32bm")
}
""";

  /** go-units' constants (size.go), for the expressions above. */
  private static final Map<String, BigDecimal> UNITS =
      Map.of(
          "KB", BigDecimal.valueOf(1_000L),
          "MB", BigDecimal.valueOf(1_000_000L),
          "GB", BigDecimal.valueOf(1_000_000_000L),
          "TB", BigDecimal.valueOf(1_000_000_000_000L),
          "PB", BigDecimal.valueOf(1_000_000_000_000_000L),
          "KiB", BigDecimal.valueOf(1L << 10),
          "MiB", BigDecimal.valueOf(1L << 20),
          "GiB", BigDecimal.valueOf(1L << 30),
          "TiB", BigDecimal.valueOf(1L << 40),
          "PiB", BigDecimal.valueOf(1L << 50));

  private static final Pattern SUCCESS =
      Pattern.compile("assertSuccessEquals\\(t, (.+), (FromHumanSize|RAMInBytes), (\".*\")\\)");
  private static final Pattern ERROR =
      Pattern.compile("assertError\\(t, (FromHumanSize|RAMInBytes), (\".*\")\\)");
  private static final Pattern TMP = Pattern.compile("tmp :?= (.+)");

  /** One upstream assertion: the function, its argument, and the bytes (null: an error). */
  record Case(String function, String text, Long bytes) {
    @Override
    public String toString() {
      return function + "(\"" + text + "\") → " + (bytes == null ? "error" : bytes);
    }

    OptionalLong read() {
      return function.equals("RAMInBytes") ? Sizes.ramInBytes(text) : Sizes.fromHumanSize(text);
    }
  }

  static Stream<Case> upstream() {
    List<Case> cases = new ArrayList<>();
    BigDecimal tmp = null;
    for (String line : UPSTREAM.lines().map(String::trim).toList()) {
      Matcher s = SUCCESS.matcher(line);
      Matcher e = ERROR.matcher(line);
      Matcher t = TMP.matcher(line);
      if (s.matches()) {
        String expr = s.group(1);
        long bytes =
            expr.equals("int64(tmp)") ? truncate(tmp) : truncate(constant(expr.replace(" ", "")));
        cases.add(new Case(s.group(2), GoStrings.literal(s.group(3)), bytes));
      } else if (e.matches()) {
        cases.add(new Case(e.group(1), GoStrings.literal(e.group(2)), null));
      } else if (t.matches()) {
        tmp = constant(t.group(1).replace(" ", ""));
      }
    }
    return cases.stream();
  }

  /** A Go constant expression of the table: {@code 32}, {@code 32.5*KB}; exact, as Go's are. */
  private static BigDecimal constant(String expr) {
    String[] f = expr.split("\\*");
    BigDecimal n = new BigDecimal(f[0]);
    return f.length == 1 ? n : n.multiply(UNITS.get(f[1]));
  }

  private static long truncate(BigDecimal v) {
    return v.setScale(0, RoundingMode.DOWN).longValueExact();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("upstream")
  void sizes_answerGoUnitsTables(Case c) {
    OptionalLong got = c.read();
    if (c.bytes() == null) {
      assertThat(got).isEmpty();
    } else {
      assertThat(got).hasValue(c.bytes());
    }
  }

  @Test
  void upstreamTables_areAllRead() {
    // 68 FromHumanSize and 24 RAMInBytes assertions in the pasted text.
    assertThat(upstream().filter(c -> c.function().equals("FromHumanSize"))).hasSize(68);
    assertThat(upstream().filter(c -> c.function().equals("RAMInBytes"))).hasSize(24);
  }

  /**
   * Further answers of go-units v0.5.0's {@code parseSize}, read from its source: the number is
   * anything Go's {@code ParseFloat} takes (exponents, hex floats, underscores), the suffix is
   * judged in lower-cased UTF-8 bytes.
   */
  @ParameterizedTest(name = "RAMInBytes(\"{0}\") → {1}")
  @CsvSource(
      nullValues = "error",
      ignoreLeadingAndTrailingWhitespace = false,
      value = {
        "1e3,1000", // ParseFloat reads exponents
        "1e3k,1024000",
        "0x1p4,16", // and hex floats
        "1_000,1000", // and underscores between digits
        "1__000,error",
        "+5,5",
        "1ib,error", // "ib" must follow a unit
        "1 ib,error",
        "1ki,error",
        "1kk,error",
        "1bb,error",
        "1kib,1024",
        "1 kib,1024",
        "1kibb,error", // a suffix is at most three bytes
        "1\u212A,1024", // KELVIN SIGN: three bytes, lower-cased to k
        "1\u212Ab,error", // five bytes: too long before lower-casing
        "\u0661\u0662,error", // only ASCII digits
        "1.5.2g,error",
        "-0.0,0",
        "-0.5,error",
        "0.3,0", // truncated toward zero
        "9007199254740993,9007199254740992", // beyond 2^53 a float64 rounds, as in Docker
        "8191p,9222246136947933184",
        "8192p,error", // 2^63: no int64 (see the deliberate differences)
        "999999999999999999,1000000000000000000", // 18 digits: float64 rounds
        "9223372036854775807,error", // float64(2^63 - 1) is 2^63
      })
  void ramInBytes_followsParseSize(String text, Long bytes) {
    OptionalLong got = Sizes.ramInBytes(text);
    if (bytes == null) {
      assertThat(got).isEmpty();
    } else {
      assertThat(got).hasValue(bytes);
    }
  }

  /**
   * Deliberate differences from Docker: where Go converts a float that is infinite, NaN or at least
   * 2<sup>63</sup> to int64 its answer is implementation-defined (amd64 gives -9223372036854775808,
   * which the daemon then refuses as a limit), so these are refused here.
   */
  @ParameterizedTest(name = "RAMInBytes(\"{0}\") refused on purpose")
  @CsvSource(
      ignoreLeadingAndTrailingWhitespace = false,
      value = {"inf k", "Infinity b", "nan b", "inf ", "1e19", "8192p", "1e400", "0x1p63"})
  void ramInBytes_refusesWhatGoCannotRepresent(String text) {
    assertThat(Sizes.ramInBytes(text)).isEmpty();
  }

  /** Whole numbers are read without floating point; the answer is the exact float64 product. */
  @Test
  void ramInBytes_wholeNumbers_equalTheFloatProduct() {
    Random r = new Random(17);
    String[] units = {"", "b", "k", "kb", "KiB", "m", "G", "t", "P"};
    int[] shifts = {0, 0, 10, 10, 10, 20, 30, 40, 50};
    for (int i = 0; i < 50_000; i++) {
      long n = r.nextLong() >>> (1 + r.nextInt(63));
      int u = r.nextInt(units.length);
      BigDecimal exact = new BigDecimal((double) n).multiply(BigDecimal.valueOf(2).pow(shifts[u]));
      OptionalLong want =
          exact.compareTo(BigDecimal.valueOf(2).pow(63)) >= 0
              ? OptionalLong.empty()
              : OptionalLong.of(exact.longValueExact());
      assertThat(Sizes.ramInBytes(n + units[u])).as(n + units[u]).isEqualTo(want);
    }
  }

  /** Never an exception, whatever the text. */
  @Test
  void ramInBytes_onRandomText_neverThrows() {
    Random r = new Random(5);
    String[] pieces = {
      "0", "1", "9", ".", " ", "e", "x", "p", "_", "-", "+", "k", "i", "b", "\u212A", "\uD800",
      "\u0130"
    };
    Function<Integer, String> text =
        n -> {
          StringBuilder b = new StringBuilder();
          for (int k = 0; k < n; k++) {
            b.append(pieces[r.nextInt(pieces.length)]);
          }
          return b.toString();
        };
    for (int i = 0; i < 50_000; i++) {
      String t = text.apply(r.nextInt(8));
      OptionalLong got = Sizes.ramInBytes(t);
      assertThat(got.orElse(0)).as(t).isNotNegative();
    }
  }
}
