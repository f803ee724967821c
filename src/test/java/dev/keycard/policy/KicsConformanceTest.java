package dev.keycard.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keycard.engine.CompiledRule;
import dev.keycard.engine.EngineResult;
import dev.keycard.engine.Finding;
import dev.keycard.input.ParsedInput;
import dev.keycard.model.Container;
import dev.keycard.model.Origin;
import dev.keycard.pipeline.ShippedCatalogue;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Keycard against the KICS Docker Compose query fixtures ({@code corpus/kics-compose}), through the
 * query → rule table at the end of RULES.md (read from the spec, not copied).
 *
 * <p>A positive fixture agrees when a mapped rule fires on each line KICS expects: the line of the
 * finding's location (any line of it, for a setting that spans several), the line of the list key
 * an element belongs to ({@code ports:} for {@code ports[0]}; KICS often points there), or the
 * service key for an absent setting. A negative fixture agrees when no mapped rule fires. Every
 * disagreement must be listed, with its reason, in {@code
 * src/test/resources/kics/disagreements.yaml} (the lead extends it when more rules land); a listed
 * one that no longer disagrees fails too. Fixtures whose mapped rules are not all in the catalogue
 * yet are skipped, not failed.
 */
class KicsConformanceTest {
  private static final Pattern RULE = Pattern.compile("KC-(\\d{3})((?:/\\d{3})*)");

  /** The kinds of disagreement the table may list. */
  enum Kind {
    /** KICS flags the positive; Keycard raises none of the mapped rules. */
    missed,
    /** Keycard warns that a value is unknown instead of deciding (an unresolved variable). */
    undecided,
    /** Keycard fires, but not on a line KICS expects. */
    line_differs,
    /** Keycard raises a mapped rule on a negative. */
    flagged_negative,
    /** Keycard does not accept the input at all. */
    input_rejected
  }

  record Case(
      String query, String file, boolean positive, List<String> rules, List<Integer> lines) {
    String fixture() {
      return query + "/" + file;
    }

    String ruleLabel() {
      return String.join("/", rules);
    }

    @Override
    public String toString() {
      return fixture() + " → " + (rules.isEmpty() ? "(none)" : ruleLabel());
    }
  }

  /** The outcome of one fixture: null kind when Keycard and KICS agree. */
  record Outcome(Case c, boolean skipped, Kind kind, String detail) {}

  record Listed(String fixture, String rule, Kind kind, String reason) {
    String key() {
      return fixture + " " + rule + " " + kind;
    }
  }

  static ShippedCatalogue catalogue;
  static Map<String, Listed> listed;

  @BeforeAll
  static void load() throws Exception {
    catalogue = ShippedCatalogue.load();
    listed = listedDisagreements();
  }

  static Path kics() {
    return ShippedCatalogue.shared().resolve("corpus/kics-compose");
  }

  /** RULES.md's "KICS correspondence" table: query folder → Keycard rules. */
  static Map<String, List<String>> mapping() throws IOException {
    String spec = Files.readString(ShippedCatalogue.shared().resolve("spec/RULES.md"));
    String table = spec.substring(spec.indexOf("## KICS correspondence"));
    Map<String, List<String>> out = new TreeMap<>();
    for (String line : table.split("\n")) {
      String[] cols = line.split("\\|");
      if (cols.length < 3 || cols[1].contains("KICS query") || cols[1].contains("---")) {
        continue;
      }
      List<String> rules = new ArrayList<>();
      Matcher m = RULE.matcher(cols[2]);
      while (m.find()) {
        rules.add("KC-" + m.group(1));
        for (String alt : m.group(2).split("/")) {
          if (!alt.isEmpty()) {
            rules.add("KC-" + alt);
          }
        }
      }
      for (String q : cols[1].split(",")) {
        out.put(q.trim(), rules);
      }
    }
    return out;
  }

  static Stream<Case> cases() throws IOException {
    List<Case> out = new ArrayList<>();
    ObjectMapper json = new ObjectMapper();
    for (Map.Entry<String, List<String>> q : mapping().entrySet()) {
      Path dir = kics().resolve(q.getKey());
      Map<String, List<Integer>> expected = new TreeMap<>();
      for (JsonNode e : json.readTree(dir.resolve("positive_expected_result.json").toFile())) {
        expected
            .computeIfAbsent(e.get("filename").asText(), k -> new ArrayList<>())
            .add(e.get("line").asInt());
      }
      try (Stream<Path> files = Files.list(dir)) {
        for (Path f : files.sorted().toList()) {
          String name = f.getFileName().toString();
          if (name.matches("(positive|negative)\\d+\\.yaml")) {
            boolean positive = name.startsWith("positive");
            List<Integer> lines = positive ? expected.getOrDefault(name, List.of()) : List.of();
            out.add(new Case(q.getKey(), name, positive, q.getValue(), List.copyOf(lines)));
          }
        }
      }
    }
    return out.stream();
  }

  static Outcome evaluate(Case c) throws IOException {
    Map<String, CompiledRule> all = catalogue.rulesById();
    if (c.rules().isEmpty() || !all.keySet().containsAll(c.rules())) {
      return new Outcome(
          c, true, null, c.rules().isEmpty() ? "no Keycard rule" : "rule not in catalogue yet");
    }
    String text =
        Files.readString(kics().resolve(c.query()).resolve(c.file()), StandardCharsets.UTF_8);
    ParsedInput parsed = catalogue.parse(text, Map.of());
    if (parsed.hasErrors()) {
      return new Outcome(c, false, Kind.input_rejected, parsed.errors().get(0).message());
    }
    EngineResult result = ShippedCatalogue.evaluate(List.copyOf(all.values()), parsed);
    List<Finding> mine =
        result.findings().stream().filter(f -> c.rules().contains(f.ruleId())).toList();
    if (!c.positive()) {
      return mine.isEmpty()
          ? new Outcome(c, false, null, "")
          : new Outcome(c, false, Kind.flagged_negative, mine.get(0).message());
    }
    if (mine.isEmpty()) {
      boolean undecided =
          result.undecided().stream().anyMatch(u -> c.rules().contains(u.ruleId()));
      return new Outcome(c, false, undecided ? Kind.undecided : Kind.missed, "");
    }
    Set<Integer> lines = new LinkedHashSet<>();
    for (Finding f : mine) {
      lines.addAll(acceptedLines(f, parsed.containers().get(f.containerIndex()), all));
    }
    List<Integer> unmatched = c.lines().stream().filter(l -> !lines.contains(l)).toList();
    return unmatched.isEmpty()
        ? new Outcome(c, false, null, "")
        : new Outcome(
            c, false, Kind.line_differs, "KICS line(s) " + unmatched + ", Keycard " + lines);
  }

  /** The lines a finding stands for (see the class comment). */
  static Set<Integer> acceptedLines(Finding f, Container c, Map<String, CompiledRule> rules) {
    Set<Integer> out = new LinkedHashSet<>();
    Origin at = f.location();
    if (at != null && at.span() != null) {
      int end = f.path() == null ? at.span().start().line() : at.span().end().line();
      for (int l = at.span().start().line(); l <= end; l++) {
        out.add(l);
      }
    }
    String each = rules.get(f.ruleId()).definition().forEach();
    Origin list = each == null ? null : c.locations().get(each);
    if (list != null && list.span() != null) {
      out.add(list.span().start().line());
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Listed> listedDisagreements() throws IOException {
    Map<String, Listed> out = new LinkedHashMap<>();
    try (InputStream in =
        KicsConformanceTest.class.getResourceAsStream("/kics/disagreements.yaml")) {
      Object doc = new Load(LoadSettings.builder().build()).loadFromInputStream(in);
      for (Object o : (List<Object>) doc) {
        Map<String, Object> m = (Map<String, Object>) o;
        Listed l =
            new Listed(
                (String) m.get("fixture"),
                (String) m.get("rule"),
                Kind.valueOf((String) m.get("kind")),
                (String) m.get("reason"));
        assertThat(l.reason()).as("reason of %s", l.key()).isNotBlank();
        assertThat(out.put(l.key(), l)).as("listed twice: %s", l.key()).isNull();
      }
    }
    return out;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void fixture_agreesWithKics_orIsAListedDisagreement(Case c) throws IOException {
    Outcome o = evaluate(c);
    assumeTrue(!o.skipped(), () -> "skipped (" + o.detail() + ")");
    if (o.kind() == null) {
      return;
    }
    String key = c.fixture() + " " + c.ruleLabel() + " " + o.kind();
    assertThat(listed)
        .as(
            "unlisted disagreement: %s (%s); add it to kics/disagreements.yaml with its reason",
            key, o.detail())
        .containsKey(key);
  }

  @Test
  void everyListedDisagreement_stillDisagrees_andTheAgreementRateIsReported() throws IOException {
    Map<String, Outcome> actual = new LinkedHashMap<>();
    int evaluated = 0;
    int agreed = 0;
    int skipped = 0;
    for (Case c : cases().toList()) {
      Outcome o = evaluate(c);
      if (o.skipped()) {
        skipped++;
        continue;
      }
      evaluated++;
      if (o.kind() == null) {
        agreed++;
      } else {
        actual.put(c.fixture() + " " + c.ruleLabel() + " " + o.kind(), o);
      }
    }
    Set<String> evaluatedRules = catalogue.rulesById().keySet();
    List<String> stale =
        listed.values().stream()
            .filter(l -> evaluatedRules.containsAll(List.of(l.rule().split("/"))))
            .map(Listed::key)
            .filter(k -> !actual.containsKey(k))
            .toList();
    System.out.printf(
        "KICS conformance: %d of %d evaluated fixtures agree (%.1f%%), %d disagreements listed, %d"
            + " fixtures skipped%n",
        agreed,
        evaluated,
        evaluated == 0 ? 0.0 : 100.0 * agreed / evaluated,
        actual.size(),
        skipped);
    assertThat(evaluated).isPositive();
    assertThat(stale).as("listed disagreements that no longer disagree (remove them)").isEmpty();
  }
}
