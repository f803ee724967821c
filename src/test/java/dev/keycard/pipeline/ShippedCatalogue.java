package dev.keycard.pipeline;

import dev.keycard.engine.CompiledRule;
import dev.keycard.engine.EngineResult;
import dev.keycard.engine.Limits;
import dev.keycard.engine.RuleCompiler;
import dev.keycard.engine.RuleEngine;
import dev.keycard.engine.RuleSetCompiler;
import dev.keycard.format.Formats;
import dev.keycard.input.InputReader;
import dev.keycard.input.ParsedInput;
import dev.keycard.policy.PolicyCatalog;
import dev.keycard.policy.PolicyException;
import dev.keycard.policy.PolicyLoader;
import dev.keycard.policy.PolicyProblem;
import dev.keycard.policy.RuleDefinition;
import dev.keycard.policy.RuleSet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The shipped catalogue ({@code policies/}) loaded and compiled the way the service does it, for
 * tests and tools that evaluate real inputs outside Quarkus.
 */
public final class ShippedCatalogue {
  /** The shipped rule sets, by name, in the order the product names them. */
  public static final List<String> RULE_SETS = List.of("baseline", "restricted", "cis-docker");

  private final PolicyCatalog catalog;
  private final Map<String, CompiledRule> rulesById = new LinkedHashMap<>();
  private final Map<String, List<CompiledRule>> sets = new LinkedHashMap<>();
  private final Map<String, List<CompiledRule>> versions = new LinkedHashMap<>();
  private final ParseService parser = new ParseService(Formats.reader());

  private ShippedCatalogue(PolicyCatalog catalog) {
    this.catalog = catalog;
    RuleSetCompiler compiler = new RuleSetCompiler(new RuleCompiler(Limits.SHIPPED));
    List<PolicyProblem> problems = new ArrayList<>();
    for (RuleDefinition d : catalog.rules()) {
      CompiledRule r = compiler.compile(d, problems);
      if (r != null) {
        rulesById.putIfAbsent(d.id(), r); // rules() lists each id's newest revision first
      }
    }
    for (RuleSet rs : catalog.all()) {
      List<CompiledRule> rules = new ArrayList<>();
      for (RuleDefinition d : rs.rules()) {
        CompiledRule r = compiler.compile(d, problems);
        if (r != null) {
          rules.add(r);
        }
      }
      sets.putIfAbsent(rs.name(), rules); // all() lists each name's newest version first
      versions.put(rs.key(), rules);
    }
    if (!problems.isEmpty()) {
      throw new IllegalStateException(
          "shipped rules do not compile:\n"
              + String.join("\n", problems.stream().map(PolicyProblem::format).toList()));
    }
  }

  /** Loads {@code policies/} from the working directory (the project's base directory). */
  public static ShippedCatalogue load() throws PolicyException {
    return new ShippedCatalogue(PolicyLoader.load(List.of(Path.of("policies"))));
  }

  /** The folder the shared corpus lives in ({@code -Dkeycard.shared}, else {@code ../shared}). */
  public static Path shared() {
    return Path.of(System.getProperty("keycard.shared", "../shared"));
  }

  public PolicyCatalog catalog() {
    return catalog;
  }

  /** Every rule of the catalogue, its newest revision compiled once, by id. */
  public Map<String, CompiledRule> rulesById() {
    return rulesById;
  }

  /** The newest version of the named rule set, compiled (severity overrides applied). */
  public List<CompiledRule> ruleSet(String name) {
    List<CompiledRule> rules = sets.get(name);
    if (rules == null) {
      throw new IllegalArgumentException("no rule set " + name);
    }
    return rules;
  }

  /** One version of a rule set ({@code baseline@1.0.0}), compiled (severity overrides applied). */
  public List<CompiledRule> ruleSetVersion(String key) {
    List<CompiledRule> rules = versions.get(key);
    if (rules == null) {
      throw new IllegalArgumentException("no rule set version " + key);
    }
    return rules;
  }

  /** Runs every catalogue rule's own examples, as the service does at start-up. */
  public List<PolicyProblem> runExamples() {
    ExampleRunner runner = new ExampleRunner(parser);
    List<PolicyProblem> problems = new ArrayList<>();
    rulesById.values().forEach(r -> problems.addAll(runner.run(r)));
    return problems;
  }

  /** Parses an input (format auto-detected) with its companion files applied. */
  public ParsedInput parse(String text, Map<String, String> files) {
    ParsedInput p = parser.parse(new InputRequest(text, false, null, files, Map.of()));
    return Companions.apply(p, files);
  }

  /** Evaluates {@code rules} over a parsed input on the calling thread. */
  public static EngineResult evaluate(List<CompiledRule> rules, ParsedInput parsed) {
    return RuleEngine.evaluateNow(rules, parsed.containers());
  }
}
