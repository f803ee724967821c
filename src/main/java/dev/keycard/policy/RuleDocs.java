package dev.keycard.policy;

import dev.keycard.input.Detection;
import dev.keycard.input.FormatDetector;
import dev.keycard.input.InputFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Renders a rule's help page (docs/rules/KC-xxx.md, the target of SARIF {@code helpUri} and the
 * IDE's link) from its rule file, and the index of all pages: pure functions of the rules and the
 * rule sets that contain them, so a test can prove the committed pages are current.
 */
public final class RuleDocs {
  /** The formats, in the order their examples are shown, and how an example's format is told. */
  private final FormatDetector formats;

  public RuleDocs(FormatDetector formats) {
    this.formats = formats;
  }

  /** Every page by file name ({@code KC-001.md}, ..., {@code README.md}) for a whole catalogue. */
  public Map<String, String> render(PolicyCatalog catalog) {
    return render(catalog, op -> Optional.empty());
  }

  /**
   * Every page, each fix operation followed by what it costs the program: {@code impact} gives the
   * Markdown to show for an operation (from the remediation stage's impact table), or empty.
   */
  public Map<String, String> render(
      PolicyCatalog catalog, Function<FixOperation, Optional<String>> impact) {
    Map<String, String> pages = new TreeMap<>();
    List<RuleDefinition> newest = new ArrayList<>();
    Map<String, List<String>> sets = new LinkedHashMap<>();
    Map<String, List<String>> everySet = new LinkedHashMap<>();
    for (String id : catalog.ruleIds()) {
      RuleDefinition d = catalog.rule(id).orElseThrow();
      newest.add(d);
      sets.put(id, setsContaining(catalog, d));
      List<Revision> older = new ArrayList<>();
      List<String> all = new ArrayList<>(sets.get(id));
      for (RuleDefinition r : catalog.rules()) {
        if (r.id().equals(id) && r.revision() != d.revision()) {
          List<String> in = setsContaining(catalog, r);
          older.add(new Revision(r, in));
          all.addAll(in);
        }
      }
      everySet.put(id, all.stream().sorted().toList());
      pages.put(id + ".md", page(d, sets.get(id), older, impact));
    }
    pages.put("README.md", index(newest, everySet));
    return pages;
  }

  /** An earlier revision of a rule and the rule-set versions that still use it. */
  public record Revision(RuleDefinition rule, List<String> sets) {}

  /** The rule-set versions ({@code baseline@1.0.0}) that contain this revision of the rule. */
  public static List<String> setsContaining(PolicyCatalog catalog, RuleDefinition d) {
    return catalog.all().stream()
        .filter(s -> s.rules().stream().anyMatch(r -> r.key().equals(d.key())))
        .map(RuleSet::key)
        .sorted()
        .toList();
  }

  /** The help page of one rule; {@code sets} are the rule-set versions that contain it. */
  public String page(RuleDefinition d, List<String> sets) {
    return page(d, sets, List.of(), op -> Optional.empty());
  }

  /**
   * The help page of the newest revision {@code d} of a rule, with the {@code older} revisions that
   * released rule sets still use and what each later one changed, and each fix operation's impact
   * where {@code impact} knows it.
   */
  public String page(
      RuleDefinition d,
      List<String> sets,
      List<Revision> older,
      Function<FixOperation, Optional<String>> impact) {
    StringBuilder md = new StringBuilder();
    md.append("# ").append(d.id()).append(": ").append(d.title()).append("\n\n");
    md.append("<!-- generated from ").append(sourceFiles(d, older))
        .append(" by RuleDocs; regenerate with -Ddocs.update=true -->\n\n");
    md.append("| | |\n| --- | --- |\n");
    md.append("| Severity | ").append(severity(d)).append(" |\n");
    md.append("| Revision | ").append(d.revision()).append(" |\n");
    md.append("| Rule sets | ").append(sets.isEmpty() ? "none" : code(sets)).append(" |\n");
    md.append("| References | ")
        .append(d.references().isEmpty() ? "none" : String.join(", ", d.references()))
        .append(" |\n\n");
    md.append("## Why it matters\n\n").append(text(d.rationale())).append("\n\n");
    if (!d.escalations().isEmpty()) {
      md.append("## Severity by case\n\n")
          .append("A finding is ")
          .append(d.severity().apiName())
          .append(" unless the first of these conditions that holds for it says otherwise:\n\n");
      for (Escalation e : d.escalations()) {
        md.append("- **").append(e.severity().apiName()).append("** when `")
            .append(e.when().text().strip().replace("`", "'")).append("`\n");
      }
      md.append("\n");
    }
    md.append("## What makes it fire\n\n");
    if (d.forEach() != null) {
      md.append("For each element `item` of `")
          .append(d.forEach())
          .append("`, the rule fires when this expression over the container `c` is true:\n\n");
    } else {
      md.append("The rule fires when this expression over the container `c` is true:\n\n");
    }
    fence(md, "", d.when().text());
    md.append("The message it reports:\n\n");
    fence(md, "", d.message().text());
    md.append("## How to fix it\n\n").append(text(d.remediation())).append("\n\n");
    if (d.fix().isEmpty()) {
      md.append("Keycard proposes no automatic fix for this rule; the finding is advice.\n\n");
    } else {
      md.append("The fix Keycard proposes, rendered in the input's own format:\n\n");
      boolean impacts = false;
      for (FixOperation op : d.fix()) {
        md.append("- ").append(describe(op));
        Optional<String> i = impact.apply(op);
        if (i.isPresent()) {
          md.append(" — impact ").append(i.get());
          impacts = true;
        }
        md.append("\n");
      }
      md.append("\n");
      if (impacts) {
        md.append("A `review` fix is applied by `/v1/fix` only with `apply=all`; a well-known image")
            .append(" that needs what it takes away makes it `review` too, with its own reason")
            .append(" ([fixes and their impact](../fixes.md)).\n\n");
      }
    }
    revisions(md, d, sets, older);
    md.append("## Examples\n\n");
    for (InputFormat f : formats.formats()) {
      List<RuleExample> fail = ofFormat(d.failExamples(), f);
      List<RuleExample> pass = ofFormat(d.passExamples(), f);
      Optional<NotExpressible> not = d.notExpressibleIn(f.apiName());
      if (fail.isEmpty() && pass.isEmpty() && not.isEmpty()) {
        continue;
      }
      md.append("### ").append(f.title()).append("\n\n");
      not.ifPresent(
          n -> md.append("Not expressible in ").append(f.title()).append(": ")
              .append(n.reason().strip()).append("\n\n"));
      examples(md, "Fires on:", fail, f.language());
      examples(md, "Does not fire on:", pass, f.language());
    }
    return md.toString().stripTrailing() + "\n";
  }

  /** The revision history: what each revision changed, and which rule sets use which. */
  private static void revisions(
      StringBuilder md, RuleDefinition d, List<String> sets, List<Revision> older) {
    if (older.isEmpty() && d.changes() == null) {
      return;
    }
    md.append("## Revisions\n\n");
    md.append("This page describes revision ").append(d.revision()).append(", used by ")
        .append(sets.isEmpty() ? "no rule set" : code(sets)).append(".");
    if (d.changes() != null) {
      md.append(" What it changes from revision ").append(d.revision() - 1).append(":\n\n")
          .append(d.changes().strip()).append("\n\n");
    } else {
      md.append("\n\n");
    }
    for (Revision r : older.stream()
        .sorted(java.util.Comparator.comparingInt((Revision x) -> x.rule().revision()).reversed())
        .toList()) {
      RuleDefinition o = r.rule();
      md.append("Revision ").append(o.revision()).append(" (")
          .append(r.sets().isEmpty() ? "no rule set" : code(r.sets()))
          .append(", unchanged) is ").append(severity(o)).append(" and fires ")
          .append(o.forEach() == null ? "" : "for each element `item` of `" + o.forEach() + "` ")
          .append("when:\n\n");
      fence(md, "", o.when().text());
      md.append("with the message:\n\n");
      fence(md, "", o.message().text());
      if (o.changes() != null) {
        md.append("What revision ").append(o.revision()).append(" changed: ")
            .append(o.changes().strip()).append("\n\n");
      }
    }
  }

  /** {@code high}, or {@code medium (high, critical by case)} for a rule with escalations. */
  private static String severity(RuleDefinition d) {
    if (d.escalations().isEmpty()) {
      return d.severity().apiName();
    }
    List<String> raised =
        d.escalations().stream()
            .map(Escalation::severity)
            .filter(x -> x != d.severity())
            .distinct()
            .sorted(java.util.Comparator.reverseOrder()) // least severe first
            .map(Severity::apiName)
            .toList();
    return raised.isEmpty()
        ? d.severity().apiName()
        : d.severity().apiName() + " (" + String.join(" or ", raised) + " by case)";
  }

  /** The rule files a page is generated from. */
  private static String sourceFiles(RuleDefinition d, List<Revision> older) {
    List<String> files = new ArrayList<>();
    files.add(file(d));
    older.stream().map(r -> file(r.rule())).sorted().forEach(files::add);
    // the companion example file, whose examples and not-expressible formats the page shows
    java.util.stream.Stream.concat(
            java.util.stream.Stream.concat(d.failExamples().stream(), d.passExamples().stream())
                .map(RuleExample::at),
            d.notExpressible().stream().map(NotExpressible::at))
        .filter(java.util.Objects::nonNull)
        .map(SourceRef::file)
        .filter(f -> f != null && !f.isBlank() && !files.contains(f))
        .distinct()
        .sorted()
        .forEach(files::add);
    return String.join(", ", files);
  }

  private static String file(RuleDefinition d) {
    String f = d.at() == null ? null : d.at().file();
    return f == null || f.isBlank() ? "policies/rules/" + d.id() + ".yaml" : f;
  }

  /** The index page: one row per rule, linking to its page. */
  public static String index(List<RuleDefinition> rules, Map<String, List<String>> sets) {
    StringBuilder md = new StringBuilder();
    md.append("# Keycard rules\n\n");
    md.append(
        "<!-- generated from policies/ by RuleDocs; regenerate with -Ddocs.update=true -->\n\n");
    md.append("One page per rule of the shipped catalogue: why it matters, what makes it fire, the")
        .append(" fix, and inputs that fire and do not fire in every format.\n\n");
    md.append("| rule | title | severity | rule sets |\n| --- | --- | --- | --- |\n");
    for (RuleDefinition d : rules) {
      List<String> in = sets.getOrDefault(d.id(), List.of());
      md.append("| [")
          .append(d.id())
          .append("](")
          .append(d.id())
          .append(".md) | ")
          .append(d.title().replace("|", "\\|"))
          .append(" | ")
          .append(severity(d))
          .append(" | ")
          .append(in.isEmpty() ? "none" : code(in))
          .append(" |\n");
    }
    return md.toString();
  }

  private static void examples(StringBuilder md, String label, List<RuleExample> es, String lang) {
    if (es.isEmpty()) {
      return;
    }
    md.append(label).append("\n\n");
    for (RuleExample e : es) {
      fence(md, lang, e.input());
      for (var file : new TreeMap<>(e.files()).entrySet()) {
        md.append("with the companion file `").append(file.getKey()).append("`:\n\n");
        fence(md, "dockerfile", file.getValue());
      }
      if (!e.variables().isEmpty()) {
        md.append("with the variables ")
            .append(
                new TreeMap<>(e.variables())
                    .entrySet().stream()
                        .map(v -> "`" + v.getKey() + "=" + v.getValue() + "`")
                        .collect(Collectors.joining(", ")))
            .append("\n\n");
      }
    }
  }

  private List<RuleExample> ofFormat(List<RuleExample> es, InputFormat format) {
    return es.stream().filter(e -> formatOf(e) == format).toList();
  }

  /** The example's format as the service would detect it (the fallback format when undecided). */
  InputFormat formatOf(RuleExample e) {
    InputFormat requested = formats.byName(e.format());
    if (requested != null) {
      return requested;
    }
    Detection d = formats.detect(e.input(), null);
    return d == null || d.format() == null ? formats.fallback() : d.format();
  }

  private static String describe(FixOperation op) {
    return switch (op.op()) {
      case SET -> "set `" + op.field() + "` to `" + op.value() + "`";
      case REMOVE -> "remove `" + op.field() + "`";
      case ADD -> "add `" + op.value() + "` to `" + op.field() + "` (unless it is there)";
      case REMOVE_ITEM -> "remove the offending element from `" + op.field() + "`";
    };
  }

  private static void fence(StringBuilder md, String lang, String body) {
    String text = body.endsWith("\n") ? body : body + "\n";
    String fence = text.contains("```") ? "~~~~" : "```";
    md.append(fence).append(lang).append("\n").append(text).append(fence).append("\n\n");
  }

  private static String code(List<String> items) {
    return items.stream().map(s -> "`" + s + "`").collect(Collectors.joining(", "));
  }

  private static String text(String s) {
    return s == null || s.isBlank() ? "(not given)" : s.strip();
  }
}
