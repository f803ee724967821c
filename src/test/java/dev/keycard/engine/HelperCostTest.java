package dev.keycard.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.re2j.Pattern;
import dev.keycard.budget.Budget;
import dev.keycard.budget.BudgetExceeded;
import dev.keycard.budget.Caps;
import dev.keycard.engine.fn.Intrinsics;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every function a rule can call — each helper of the registry ({@link Helpers}), each allowed
 * method and each of the gate's intrinsics, as {@link LockedMvel#FUNCTIONS} hands them to MVEL — is
 * charged in proportion to what it reads: on a 1 MiB text or a list of 100,000 elements, a work cap
 * of {@value #CAP} units stops it. A projection calling it on a long value then reads the clock on
 * every call instead of once in 256 (a projection over a 700 KB value answered at 2.68 s against a
 * 2 s deadline). A function added without charging fails here, unless it is listed in {@link
 * #CONSTANT} with the reason its work does not grow with its input.
 */
class HelperCostTest {
  private static final int TEXT = 1 << 20;
  private static final int ELEMENTS = 100_000;
  private static final long CAP = 50_000;

  /** Functions whose work does not grow with their input, and why. */
  private static final Map<String, String> CONSTANT =
      Map.of(
          "__kc_get", "a map look-up by a field name the rule spells",
          "__kc_nav", "a map look-up by a field name the rule spells, null-safe",
          "__kc_index", "a list element by position, or a map value by key",
          "__kc_neg", "a number",
          "__kc_m_size", "a list's, map's or text's stored size",
          "__kc_m_isEmpty", "a list's, map's or text's stored size",
          "__kc_fn_docker_default_caps", "no argument: a fixed list");

  /** Functions that do no work on a list or map receiver, and why. */
  private static final Map<String, String> CONSTANT_ON_COLLECTIONS =
      Map.of(
          "__kc_re2", "only text, numbers and booleans are matched; anything else never matches");

  /** Large enough that no cap stands in for the work cap: text and strings a megabyte long. */
  private static final Caps ROOMY =
      new Caps(
          20,
          10_000,
          1_000,
          32L << 20,
          100_000,
          50_000_000L,
          32,
          64 << 20,
          65_536,
          50_000,
          10_000,
          64 << 20);

  /** Texts a helper reads to the end: a path, a word, a size (a megabyte of zeros, then 1k). */
  private static final List<String> TEXTS =
      List.of(
          "/run/user/1/docker/" + "a/".repeat(TEXT / 2), "A".repeat(TEXT), "0".repeat(TEXT) + "1k");

  private static final String BIG = TEXTS.get(0);

  /** A pattern that reads the whole text and does not match it. */
  private static final Intrinsics.Regex READS_ALL = new Intrinsics.Regex(Pattern.compile(".*z"), 1);

  static Stream<String> functions() {
    return LockedMvel.FUNCTIONS.keySet().stream().sorted();
  }

  @Test
  void everyHelperOfTheRegistry_isAmongTheFunctionsChecked() {
    assertThat(LockedMvel.FUNCTIONS)
        .containsKeys(Helpers.all().stream().map(Helpers::internalName).toArray(String[]::new));
    assertThat(CONSTANT.keySet()).allMatch(LockedMvel.FUNCTIONS::containsKey);
  }

  @ParameterizedTest
  @MethodSource("functions")
  void function_onALargeInput_isStoppedByASmallWorkCap(String name) throws Throwable {
    Method m = LockedMvel.FUNCTIONS.get(name);
    if (CONSTANT.containsKey(name)) {
      return; // listed with its reason
    }
    boolean helper =
        m.getParameterCount() > 0
            && Arrays.stream(m.getParameterTypes()).allMatch(String.class::equals);
    List<Object[]> shapes = new ArrayList<>();
    if (helper) {
      // a helper reads its text arguments whatever they hold: charged on every text
      for (String text : TEXTS) {
        Object[] args = new Object[m.getParameterCount()];
        Arrays.fill(args, text);
        shapes.add(args);
      }
    } else {
      // an intrinsic or a method: a large text, list and map as the receiver, each with the
      // first large argument it is defined on (a text; else a pattern, for ~=)
      List<Object> receivers =
          CONSTANT_ON_COLLECTIONS.containsKey(name)
              ? List.of(BIG)
              : List.of(BIG, bigList(), bigMap());
      for (Object receiver : receivers) {
        for (Object arg : List.of(BIG, READS_ALL)) {
          Object[] args = new Object[m.getParameterCount()];
          Arrays.fill(args, arg);
          args[0] = receiver;
          Throwable t = outcome(m, Budget.start(Duration.ofMinutes(5), ROOMY), args);
          if (!(t instanceof IllegalArgumentException || t instanceof ClassCastException)) {
            shapes.add(args);
            break;
          }
        }
      }
    }
    assertThat(shapes).as("%s is defined on no large input the test builds", name).isNotEmpty();
    for (Object[] args : shapes) {
      assertThat(outcome(m, Budget.start(Duration.ofMinutes(5), ROOMY, CAP), args))
          .as("%s on %s: a work cap of %d stops it", name, describe(args), CAP)
          .isInstanceOf(BudgetExceeded.class)
          .hasMessageContaining("units of work");
    }
    Object[] small = small(m, helper);
    assertThat(outcome(m, Budget.start(Duration.ofMinutes(5), ROOMY, CAP), small))
        .as("%s on a small input stays within the cap", name)
        .matches(t -> !(t instanceof BudgetExceeded));
  }

  private static Object[] small(Method m, boolean helper) {
    Object[] args = new Object[m.getParameterCount()];
    Arrays.fill(args, "a");
    if (!helper && args.length > 0) {
      args[0] = new FrozenList(List.of("a", "b"));
    }
    return args;
  }

  private static List<Object> bigList() {
    List<Object> items = new ArrayList<>(ELEMENTS);
    for (int i = 0; i < ELEMENTS; i++) {
      items.add("v" + i);
    }
    return new FrozenList(items);
  }

  private static Map<String, Object> bigMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < ELEMENTS; i++) {
      map.put("k" + i, "v" + i);
    }
    return Collections.unmodifiableMap(map);
  }

  /** What calling {@code m} under {@code budget} threw, or null when it returned. */
  private static Throwable outcome(Method m, Budget budget, Object[] args) throws Exception {
    try (Budget.Binding b = budget.bind()) {
      m.invoke(null, args);
      return null;
    } catch (InvocationTargetException e) {
      return e.getCause();
    }
  }

  private static String describe(Object[] args) {
    List<String> out = new ArrayList<>();
    for (Object a : args) {
      out.add(
          a instanceof String s
              ? "text of " + s.length()
              : a instanceof List<?> l
                  ? "list of " + l.size()
                  : a instanceof Map<?, ?> mp ? "map of " + mp.size() : "a pattern");
    }
    return out.toString();
  }
}
