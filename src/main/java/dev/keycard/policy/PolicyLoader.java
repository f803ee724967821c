package dev.keycard.policy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Loads policy directories: each may hold {@code rules/} (rule files), {@code examples/} (companion
 * example files: more examples of a rule, outside its digest), {@code rulesets/} (rule-set
 * versions) and {@code released.yaml} (the digests of released versions). Every problem in every
 * file is collected, then reported once.
 *
 * <p>A released version is immutable: if its content no longer matches the pinned digest, loading
 * fails. To change a released rule, add it as a new {@code revision} and release a new rule-set
 * version that references {@code ID@REVISION}.
 */
public final class PolicyLoader {
  private static final long MAX_FILE = 1024 * 1024;

  private PolicyLoader() {}

  /** Loads every directory (later directories may add rules and rule sets, not replace them). */
  public static PolicyCatalog load(List<Path> dirs) throws PolicyException {
    RuleFileReader reader = new RuleFileReader();
    List<RuleDefinition> rules = new ArrayList<>();
    List<RuleSetDefinition> sets = new ArrayList<>();
    List<RuleFileReader.Companion> companions = new ArrayList<>();
    Map<String, String> released = new LinkedHashMap<>();
    List<PolicyProblem> problems = new ArrayList<>();
    for (Path dir : dirs) {
      if (!Files.isDirectory(dir)) {
        problems.add(problem(dir.toString(), "policy directory " + dir.toAbsolutePath() + " does not exist"));
        continue;
      }
      for (Path f : yamlFiles(dir.resolve("rules"), problems)) {
        read(f, problems).ifPresent(t -> rules.addAll(reader.readRules(t, name(dir, f))));
      }
      for (Path f : yamlFiles(dir.resolve("examples"), problems)) {
        read(f, problems).map(t -> reader.readCompanion(t, name(dir, f))).ifPresent(companions::add);
      }
      for (Path f : yamlFiles(dir.resolve("rulesets"), problems)) {
        read(f, problems).map(t -> reader.readRuleSet(t, name(dir, f))).ifPresent(sets::add);
      }
      Path lock = dir.resolve("released.yaml");
      if (Files.isRegularFile(lock)) {
        read(lock, problems).ifPresent(t -> released.putAll(ReleaseLock.read(t, name(dir, lock), problems)));
      }
    }
    problems.addAll(0, reader.problems());
    attach(rules, companions, problems);
    List<RuleSet> resolved = new RuleSetResolver(rules, sets, released, problems).resolveAll();
    if (!problems.isEmpty()) {
      throw new PolicyException(problems);
    }
    return new PolicyCatalog(resolved, rules);
  }

  /**
   * Adds each companion example file's examples and not-expressible formats to the rule revision
   * it names, in place. A companion for a rule no directory defines, or a second one for the same
   * revision, is a problem at its {@code rule} key.
   */
  private static void attach(
      List<RuleDefinition> rules, List<RuleFileReader.Companion> companions, List<PolicyProblem> problems) {
    Map<String, RuleFileReader.Companion> byKey = new LinkedHashMap<>();
    Set<String> defined = new HashSet<>();
    rules.forEach(r -> defined.add(r.key()));
    for (RuleFileReader.Companion c : companions) {
      String id = c.rule().substring(0, c.rule().indexOf('@'));
      if (!defined.contains(c.rule())) {
        problems.add(new PolicyProblem(id, c.ruleAt(), "rule_file_error",
            "examples for rule " + c.rule() + ", which is not defined (name an existing rule, KC-001 or KC-001@2)", null));
      } else if (byKey.putIfAbsent(c.rule(), c) != null) {
        problems.add(new PolicyProblem(id, c.ruleAt(), "rule_file_error",
            "rule " + c.rule() + " has a second companion example file (also at " + byKey.get(c.rule()).ruleAt() + ")", null));
      }
    }
    for (int i = 0; i < rules.size(); i++) {
      RuleFileReader.Companion c = byKey.remove(rules.get(i).key());
      if (c != null) {
        rules.set(i, rules.get(i).withCompanion(c.fail(), c.pass(), c.notExpressible()));
      }
    }
  }

  private static String name(Path dir, Path f) {
    Path parent = dir.toAbsolutePath().normalize().getFileName();
    String rel = dir.relativize(f).toString().replace('\\', '/');
    return (parent == null ? "" : parent + "/") + rel;
  }

  private static List<Path> yamlFiles(Path dir, List<PolicyProblem> problems) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    // A Kubernetes ConfigMap mounted as a directory is made of symbolic links into a hidden
    // '..data' folder: follow links, and skip the hidden folders so that nothing is read twice.
    try (Stream<Path> s = Files.walk(dir, 4, java.nio.file.FileVisitOption.FOLLOW_LINKS)) {
      return s.filter(p -> !hidden(dir.relativize(p)))
          .filter(Files::isRegularFile)
          .filter(p -> {
            String n = p.getFileName().toString();
            return n.endsWith(".yaml") || n.endsWith(".yml") || n.endsWith(".json");
          })
          .sorted(Comparator.comparing(Path::toString))
          .toList();
    } catch (IOException e) {
      problems.add(problem(dir.toString(), "cannot list " + dir + ": " + e.getMessage()));
      return List.of();
    }
  }

  private static boolean hidden(Path relative) {
    for (Path part : relative) {
      if (part.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }

  private static java.util.Optional<String> read(Path f, List<PolicyProblem> problems) {
    try {
      if (Files.size(f) > MAX_FILE) {
        problems.add(problem(f.toString(), "file larger than 1 MiB"));
        return java.util.Optional.empty();
      }
      return java.util.Optional.of(Files.readString(f, StandardCharsets.UTF_8));
    } catch (IOException e) {
      problems.add(problem(f.toString(), "cannot read: " + e.getMessage()));
      return java.util.Optional.empty();
    }
  }

  static PolicyProblem problem(String file, String message) {
    return new PolicyProblem(null, new SourceRef(file, 1, 1), "rule_file_error", message, null);
  }

  /** Resolves rule-set definitions to rule sets: references, includes, overrides, digests. */
  static final class RuleSetResolver {
    private final Map<String, RuleDefinition> rulesByKey = new LinkedHashMap<>();
    private final Map<String, RuleSetDefinition> defs = new LinkedHashMap<>();
    private final Map<String, String> released;
    private final List<PolicyProblem> problems;
    private final Map<String, List<RuleDefinition>> memo = new LinkedHashMap<>();

    RuleSetResolver(
        List<RuleDefinition> rules, List<RuleSetDefinition> sets, Map<String, String> released,
        List<PolicyProblem> problems) {
      this.released = released;
      this.problems = problems;
      for (RuleDefinition r : rules) {
        if (rulesByKey.putIfAbsent(r.key(), r) != null) {
          problems.add(new PolicyProblem(r.id(), r.at(), "rule_file_error",
              "rule " + r.key() + " is defined twice (also at " + rulesByKey.get(r.key()).at() + ")", null));
        }
      }
      for (RuleSetDefinition s : sets) {
        if (defs.putIfAbsent(s.key(), s) != null) {
          problems.add(new PolicyProblem(null, s.at(), "rule_file_error",
              "rule set " + s.key() + " is defined twice (also at " + defs.get(s.key()).at() + ")", null));
        }
      }
    }

    List<RuleSet> resolveAll() {
      List<RuleSet> out = new ArrayList<>();
      for (RuleSetDefinition d : defs.values()) {
        List<RuleDefinition> rules = rules(d, new HashSet<>());
        if (rules == null) {
          continue;
        }
        String digest = digest(d, rules);
        String pinned = released.get(d.key());
        if (pinned != null && !pinned.equals(digest)) {
          problems.add(new PolicyProblem(null, d.at(), "released_ruleset_changed",
              "rule set " + d.key() + " is released with digest " + pinned + " but its content now"
                  + " digests to " + digest + ". A released version is immutable: put the change in a"
                  + " new rule revision and a new rule-set version.", null));
        }
        out.add(new RuleSet(d.name(), d.version(), d.description(), rules, digest, pinned != null));
      }
      for (String key : released.keySet()) {
        if (!defs.containsKey(key)) {
          problems.add(PolicyLoader.problem("released.yaml", "released rule set " + key + " has no definition"));
        }
      }
      return out;
    }

    /** The rules of a version with includes expanded and overrides applied; null on problems. */
    private List<RuleDefinition> rules(RuleSetDefinition d, Set<String> visiting) {
      if (memo.containsKey(d.key())) {
        return memo.get(d.key());
      }
      if (!visiting.add(d.key())) {
        problems.add(new PolicyProblem(null, d.at(), "rule_file_error", "rule set " + d.key() + " includes itself", null));
        return null;
      }
      Map<String, RuleDefinition> byId = new LinkedHashMap<>();
      boolean ok = true;
      for (String inc : d.includes()) {
        RuleSetDefinition incDef = defs.get(inc);
        if (incDef == null) {
          problems.add(new PolicyProblem(null, d.at(), "rule_file_error",
              d.key() + " includes " + inc + ", which is not defined (include an exact name@MAJOR.MINOR.PATCH)", null));
          ok = false;
          continue;
        }
        List<RuleDefinition> incRules = rules(incDef, visiting);
        if (incRules == null) {
          ok = false;
          continue;
        }
        incRules.forEach(r -> byId.put(r.id(), r));
      }
      for (String ref : d.rules()) {
        String key = ref.contains("@") ? ref : ref + "@1";
        RuleDefinition r = rulesByKey.get(key);
        if (r == null) {
          problems.add(new PolicyProblem(null, d.at(), "rule_file_error", d.key() + " references rule " + key + ", which is not defined", null));
          ok = false;
          continue;
        }
        byId.put(r.id(), r);
      }
      for (var o : d.overrides().entrySet()) {
        RuleDefinition r = byId.get(o.getKey());
        if (r == null) {
          problems.add(new PolicyProblem(null, d.at(), "rule_file_error", d.key() + " overrides " + o.getKey() + ", which it does not contain", null));
          ok = false;
        } else {
          byId.put(r.id(), r.withSeverity(o.getValue()));
        }
      }
      visiting.remove(d.key());
      List<RuleDefinition> result = ok ? byId.values().stream().sorted(Comparator.comparing(RuleDefinition::id)).toList() : null;
      memo.put(d.key(), result);
      return result;
    }

    private static String digest(RuleSetDefinition d, List<RuleDefinition> rules) {
      Map<String, Object> c = new LinkedHashMap<>();
      c.put("name", d.name());
      c.put("version", d.version().toString());
      c.put("description", d.description());
      List<Map<String, Object>> rs = new ArrayList<>();
      for (RuleDefinition r : rules) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("revision", r.revision());
        m.put("severity", r.severity().apiName());
        m.put("digest", r.digest());
        rs.add(m);
      }
      c.put("rules", rs);
      return Digests.of(c);
    }
  }
}
