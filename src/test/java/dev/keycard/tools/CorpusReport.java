package dev.keycard.tools;

import dev.keycard.engine.CompiledRule;
import dev.keycard.engine.EngineResult;
import dev.keycard.engine.Finding;
import dev.keycard.input.ParsedInput;
import dev.keycard.model.Diagnostic;
import dev.keycard.pipeline.ShippedCatalogue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Evaluates every real-world input of the shared corpus ({@code corpus/real-world}: 150 compose
 * files, 150 docker run lines) under each shipped rule set and writes {@code
 * docs/corpus-report.md}: findings per rule and rule set, inputs that do not parse, and sample
 * findings per rule for a reviewer hunting false positives. Run it with {@link #COMMAND}.
 */
public final class CorpusReport {
  /** How to regenerate the report (from the project's base directory). */
  public static final String COMMAND =
      "./mvnw -B -q -o test -Dtest=CorpusReportTest -Dcorpus.report=true";

  /**
   * Inputs that must be rejected with a parse error. The three the corpus README names as not valid
   * shell (placeholders such as {@code <command>}) are read since issue 17: a placeholder is a value
   * only the client knows.
   */
  public static final Set<String> KNOWN_BAD = Set.of();

  private static final int SAMPLES = 10;

  /** One corpus input evaluated under one rule set. */
  public record Run(String input, String ruleSet, ParsedInput parsed, EngineResult result) {}

  private final ShippedCatalogue catalogue;

  public CorpusReport(ShippedCatalogue catalogue) {
    this.catalogue = catalogue;
  }

  /** The corpus inputs, as paths relative to {@code corpus/real-world}, sorted. */
  public static List<String> inputs() throws IOException {
    Path root = root();
    List<String> out = new ArrayList<>();
    for (String dir : List.of("compose", "docker-run")) {
      try (Stream<Path> s = Files.list(root.resolve(dir))) {
        s.map(p -> dir + "/" + p.getFileName())
            .filter(n -> n.matches(".*\\.(ya?ml|sh)"))
            .sorted()
            .forEach(out::add);
      }
    }
    return out;
  }

  static Path root() {
    return ShippedCatalogue.shared().resolve("corpus/real-world");
  }

  /** Parses one input and evaluates it under the named rule set. */
  public Run run(String input, String ruleSet) throws IOException {
    String text = Files.readString(root().resolve(input), StandardCharsets.UTF_8);
    ParsedInput parsed = catalogue.parse(text, Map.of());
    List<CompiledRule> rules = catalogue.ruleSet(ruleSet);
    EngineResult result = ShippedCatalogue.evaluate(rules, parsed);
    return new Run(input, ruleSet, parsed, result);
  }

  /** Evaluation problems of a run: warnings of rules that could not be evaluated. */
  public static List<Diagnostic> evaluationErrors(Run r) {
    return r.result().warnings().stream()
        .filter(w -> w.code().equals("rule_evaluation_error"))
        .toList();
  }

  /** The report, as Markdown. */
  public String render() throws IOException {
    List<String> inputs = inputs();
    Map<String, Map<String, int[]>> counts = new TreeMap<>(); // rule → set → {findings, inputs}
    Map<String, Map<String, Integer>> undecided = new TreeMap<>(); // rule → set → warnings
    Map<String, String> titles = new TreeMap<>();
    Map<String, List<String>> samples = new TreeMap<>();
    Map<String, Set<String>> sampled = new TreeMap<>();
    Map<String, String> errors = new TreeMap<>();
    List<String> evalErrors = new ArrayList<>();
    int containers = 0;
    for (String input : inputs) {
      for (String set : ShippedCatalogue.RULE_SETS) {
        Run r = run(input, set);
        if (r.parsed().hasErrors()) {
          errors.put(input, r.parsed().errors().get(0).message());
          continue;
        }
        if (set.equals(ShippedCatalogue.RULE_SETS.get(0))) {
          containers += r.parsed().containers().size();
        }
        evaluationErrors(r).forEach(w -> evalErrors.add(input + " (" + set + "): " + w.message()));
        Set<String> seen = new TreeSet<>();
        for (Finding f : r.result().findings()) {
          titles.put(f.ruleId(), f.title());
          int[] c =
              counts
                  .computeIfAbsent(f.ruleId(), k -> new LinkedHashMap<>())
                  .computeIfAbsent(set, k -> new int[2]);
          c[0]++;
          if (seen.add(f.ruleId())) {
            c[1]++;
          }
          // one sample per distinct message (container name aside), so that variety shows
          String kind = f.message().replace("'" + f.container() + "'", "''");
          Set<String> kinds = sampled.computeIfAbsent(f.ruleId(), k -> new TreeSet<>());
          if (kinds.size() < SAMPLES && kinds.add(kind)) {
            samples.computeIfAbsent(f.ruleId(), k -> new ArrayList<>()).add(sample(input, f));
          }
        }
        for (dev.keycard.engine.Undecided u : r.result().undecided()) {
          undecided.computeIfAbsent(u.ruleId(), k -> new TreeMap<>()).merge(set, 1, Integer::sum);
        }
      }
    }
    StringBuilder md = new StringBuilder();
    md.append("# Corpus report: the shipped rule sets on real-world inputs\n\n")
        .append("Generated by `dev.keycard.tools.CorpusReport`; regenerate with\n\n")
        .append("```\n")
        .append(COMMAND)
        .append("\n```\n\n")
        .append("Inputs: `corpus/real-world` (")
        .append(inputs.size())
        .append(" files, ")
        .append(containers)
        .append(" containers). Rule sets: ")
        .append(String.join(", ", ShippedCatalogue.RULE_SETS))
        .append(" (newest versions in `policies/`). A cell reads *findings / inputs with at")
        .append(" least one*; `-` means the rule is not in that set or never fired.\n\n");
    md.append("## Findings per rule and rule set\n\n| rule | title |");
    ShippedCatalogue.RULE_SETS.forEach(s -> md.append(' ').append(s).append(" |"));
    md.append(" undecided (unknown value) |\n| --- | --- |");
    ShippedCatalogue.RULE_SETS.forEach(s -> md.append(" ---: |"));
    md.append(" ---: |\n");
    Set<String> rules = new TreeSet<>(catalogue.rulesById().keySet());
    for (String rule : rules) {
      String title =
          titles.getOrDefault(rule, catalogue.rulesById().get(rule).definition().title());
      md.append("| ").append(rule).append(" | ").append(title).append(" |");
      for (String set : ShippedCatalogue.RULE_SETS) {
        int[] c = counts.getOrDefault(rule, Map.of()).get(set);
        md.append(' ').append(c == null ? "-" : c[0] + " / " + c[1]).append(" |");
      }
      Map<String, Integer> u = undecided.getOrDefault(rule, Map.of());
      md.append(' ')
          .append(u.isEmpty() ? "-" : u.values().stream().max(Integer::compare).get())
          .append(" |\n");
    }
    changes(inputs, md);
    md.append("\n## Inputs that do not parse\n\n");
    if (errors.isEmpty()) {
      md.append("None.\n");
    }
    errors.forEach(
        (input, message) ->
            md.append("- `")
                .append(input)
                .append("`")
                .append(KNOWN_BAD.contains(input) ? " (known bad: the corpus README names it)" : "")
                .append(": ")
                .append(message.replace("\n", " "))
                .append('\n'));
    md.append("\n## Rules that could not be evaluated\n\n")
        .append(evalErrors.isEmpty() ? "None.\n" : "- " + String.join("\n- ", evalErrors) + "\n");
    md.append("\n## Sample findings per rule\n\nUp to ")
        .append(SAMPLES)
        .append(" inputs per rule, in file order, one finding each (`file:line`: message).\n");
    for (String rule : rules) {
      List<String> s = samples.get(rule);
      if (s == null) {
        continue;
      }
      md.append("\n### ").append(rule).append(' ').append(titles.get(rule)).append("\n\n");
      s.forEach(x -> md.append("- ").append(x).append('\n'));
    }
    return md.toString();
  }

  /** At most this many changed findings are listed one by one. */
  private static final int CHANGES = 120;

  /**
   * What the newest version of each rule set finds differently from the version before it, on the
   * same inputs: counts by rule and severity, and each finding that appeared, went or changed
   * severity (a finding is its rule, container and setting; message wording aside).
   */
  private void changes(List<String> inputs, StringBuilder md) throws IOException {
    List<String[]> pairs = new ArrayList<>(); // {previous, newest}
    for (String set : ShippedCatalogue.RULE_SETS) {
      var versions = catalogue.catalog().versions(set);
      if (versions.size() > 1) {
        pairs.add(new String[] {versions.get(1).key(), versions.get(0).key()});
      }
    }
    if (pairs.isEmpty()) {
      return;
    }
    Map<String, Map<String, int[]>> bySeverity = new TreeMap<>(); // rule → severity → {old, new}
    List<String> changed = new ArrayList<>();
    for (String input : inputs) {
      String text = Files.readString(root().resolve(input), StandardCharsets.UTF_8);
      ParsedInput parsed = catalogue.parse(text, Map.of());
      if (parsed.hasErrors()) {
        continue;
      }
      Map<String, Finding> before = new TreeMap<>();
      Map<String, Finding> after = new TreeMap<>();
      for (String[] pair : pairs) {
        collect(catalogue.ruleSetVersion(pair[0]), parsed, before);
        collect(catalogue.ruleSetVersion(pair[1]), parsed, after);
      }
      before.values().forEach(f -> count(bySeverity, f, 0));
      after.values().forEach(f -> count(bySeverity, f, 1));
      Set<String> keys = new TreeSet<>(before.keySet());
      keys.addAll(after.keySet());
      for (String k : keys) {
        Finding b = before.get(k);
        Finding a = after.get(k);
        if (b == null) {
          changed.add(sample(input, a).replaceFirst("` ", "` new, "));
        } else if (a == null) {
          changed.add(sample(input, b).replaceFirst("` ", "` gone, was "));
        } else if (a.severity() != b.severity()) {
          changed.add(
              sample(input, a).replaceFirst("` ", "` " + b.severity().apiName() + " → "));
        }
      }
    }
    String from = pairs.stream().map(p -> p[0]).collect(java.util.stream.Collectors.joining(", "));
    String to = pairs.stream().map(p -> p[1]).collect(java.util.stream.Collectors.joining(", "));
    md.append("\n## What changed from the previous versions\n\n")
        .append(to)
        .append(" against ")
        .append(from)
        .append(" on the same inputs: findings by rule and severity, over the three rule sets")
        .append(" together (a finding counts once, whichever sets contain its rule).\n\n")
        .append("| rule | previous | newest |\n| --- | --- | --- |\n");
    bySeverity.forEach(
        (rule, sev) -> {
          String b = severities(sev, 0);
          String a = severities(sev, 1);
          if (!a.equals(b)) {
            md.append("| ").append(rule).append(" | ").append(b).append(" | ").append(a).append(" |\n");
          }
        });
    md.append("\nFindings that appeared, went or changed severity (`file:line`, message as the")
        .append(" newest version words it, or as the previous one did for a finding that went):\n\n");
    changed.stream().limit(CHANGES).forEach(x -> md.append("- ").append(x).append('\n'));
    if (changed.size() > CHANGES) {
      md.append("- … and ").append(changed.size() - CHANGES).append(" more\n");
    }
  }

  private static void collect(List<CompiledRule> rules, ParsedInput parsed, Map<String, Finding> out) {
    for (Finding f : ShippedCatalogue.evaluate(rules, parsed).findings()) {
      out.putIfAbsent(f.ruleId() + " " + f.containerIndex() + " " + f.path(), f);
    }
  }

  private static void count(Map<String, Map<String, int[]>> by, Finding f, int which) {
    by.computeIfAbsent(f.ruleId(), k -> new TreeMap<>())
        .computeIfAbsent(f.severity().name(), k -> new int[2])[which]++;
  }

  /** {@code 3 critical, 20 high}, most severe first; {@code -} for none. */
  private static String severities(Map<String, int[]> sev, int which) {
    List<String> parts = new ArrayList<>();
    for (dev.keycard.policy.Severity s : dev.keycard.policy.Severity.values()) {
      int[] c = sev.get(s.name());
      if (c != null && c[which] > 0) {
        parts.add(c[which] + " " + s.apiName());
      }
    }
    return parts.isEmpty() ? "-" : String.join(", ", parts);
  }

  private static String sample(String input, Finding f) {
    int line =
        f.location() == null || f.location().span() == null
            ? 0
            : f.location().span().start().line();
    return "`"
        + input
        + ":"
        + line
        + "` "
        + f.severity().apiName()
        + ": "
        + f.message().replace("|", "\\|");
  }

  /** Writes {@code docs/corpus-report.md} (run from the project's base directory). */
  public static void main(String[] args) throws Exception {
    Path out = Path.of(args.length > 0 ? args[0] : "docs/corpus-report.md");
    Files.writeString(out, new CorpusReport(ShippedCatalogue.load()).render());
    System.out.println("wrote " + out.toAbsolutePath());
  }
}
