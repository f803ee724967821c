package dev.keycard.remediation;

import dev.keycard.engine.Finding;
import dev.keycard.input.ParsedInput;
import dev.keycard.model.Container;
import dev.keycard.policy.FixOperation;
import dev.keycard.remediation.ImpactData.Entry;
import dev.keycard.remediation.ImpactData.KnownImage;
import dev.keycard.remediation.ImpactData.Template;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a finding's fix costs the program ({@link FixImpact}), from data: the impact of each
 * canonical fix operation ({@code keycard/fix-impact.yaml}) and what well-known images legitimately
 * need ({@code keycard/well-known-images.yaml}). A fix is as costly as its costliest operation; an
 * image that needs what an operation takes away makes it {@code review} (never {@code safe}), names
 * itself in the sentence and puts its own alternatives first. An operation the table does not know
 * is {@code review}. Immutable and thread-safe.
 */
public final class Impacts {
  private static final class Holder {
    static final Impacts STANDARD = new Impacts(ImpactData.table(), ImpactData.images());
  }

  /** A condition under which a {@code review} operation is {@code safe} after all. */
  public enum Condition {
    /**
     * The container runs as a user other than root (its own {@code user}, else its image's from a
     * companion Dockerfile): such a process holds no capability to lose when the defaults are
     * dropped, except through setuid or file-capability programs.
     */
    RUNS_AS_NON_ROOT,
    /** The restart policy is already {@code on-failure}: only the retry count changes. */
    RESTARTS_ON_FAILURE;

    private final String key = name().toLowerCase(Locale.ROOT);

    /** The name the data file uses: the constant's name in lower case. */
    public String key() {
      return key;
    }

    /** The condition in words, for the docs. */
    public String described() {
      return switch (this) {
        case RUNS_AS_NON_ROOT -> "the container runs as a user other than root";
        case RESTARTS_ON_FAILURE -> "the restart policy is already on-failure";
      };
    }

    static Condition byName(String name) {
      for (Condition c : values()) {
        if (c.key.equals(name)) {
          return c;
        }
      }
      return null;
    }

    boolean holds(Container c) {
      return switch (this) {
        case RUNS_AS_NON_ROOT -> nonRoot(c);
        case RESTARTS_ON_FAILURE -> "on-failure".equals(c.restartPolicy());
      };
    }

    private static boolean nonRoot(Container c) {
      if (c.user() != null) {
        if (c.uid() != null) {
          return c.uid() != 0;
        }
        String name =
            c.user().contains(":") ? c.user().substring(0, c.user().indexOf(':')) : c.user();
        return !name.isBlank() && !name.equals("root") && !name.contains("$");
      }
      String image = c.imageUser();
      if (image == null || image.isBlank()) {
        return false;
      }
      String name = image.contains(":") ? image.substring(0, image.indexOf(':')) : image;
      return !name.equals("root") && !name.equals("0") && !name.contains("$");
    }
  }

  private final List<Entry> table;
  private final Map<String, String> capabilities;
  private final List<KnownImage> images;
  private final Map<String, KnownImage> byRepository = new HashMap<>();

  Impacts(ImpactData.Table table, List<KnownImage> images) {
    this.table = table.entries();
    this.capabilities = table.capabilities();
    this.images = images;
    for (KnownImage k : images) {
      for (String repo : k.images()) {
        if (byRepository.put(repo, k) != null) {
          throw new IllegalStateException(ImpactData.IMAGES + ": " + repo + " is listed twice");
        }
      }
    }
  }

  /** The impacts of Keycard's own data files. */
  public static Impacts standard() {
    return Holder.STANDARD;
  }

  /** What the fix of {@code f} (a finding on {@code input}) costs; null when it has no fix. */
  public FixImpact of(ParsedInput input, Finding f) {
    if (f.fix().isEmpty()) {
      return null;
    }
    Container c =
        f.containerIndex() >= 0 && f.containerIndex() < input.containers().size()
            ? input.containers().get(f.containerIndex())
            : null;
    KnownImage image = c == null ? null : byRepository.get(ImageRef.repository(c.image()));
    Impact impact = Impact.SAFE;
    Set<String> breaks = new LinkedHashSet<>();
    List<Alternative> alternatives = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    Set<String> sources = new LinkedHashSet<>();
    for (FixOperation op : f.fix()) {
      Placeholders p = new Placeholders(input.format(), c, f, op, capabilities);
      Entry e = entry(op, p.item());
      Entry need = image == null ? null : need(image, op, p.item());
      boolean review =
          need != null
              || e == null
              || (e.impact() == Impact.REVIEW
                  && (e.safeWhen() == null || c == null || !e.safeWhen().holds(c)));
      if (!review) {
        continue;
      }
      impact = Impact.REVIEW;
      if (need != null) {
        breaks.add(cited(p.fill(need.breaks()), image.docs()));
        sources.add(image.docs());
        add(alternatives, seen, need.alternatives(), p);
      } else if (e == null) {
        breaks.add(
            "Keycard does not know what '"
                + op.op().key()
                + " "
                + op.field()
                + "' costs the program; check that it still runs without it.");
      } else {
        breaks.add(p.fill(e.breaks()));
      }
      if (e != null && (need == null || need.alternatives().isEmpty())) {
        add(
            alternatives,
            seen,
            e.alternatives(),
            p); // the image's own come instead, when it has some
      }
    }
    return impact == Impact.SAFE
        ? FixImpact.SAFE
        : new FixImpact(impact, String.join(" ", breaks), alternatives, List.copyOf(sources));
  }

  /** {@code sentence} with its source before the final period: {@code ... to (https://...).} */
  private static String cited(String sentence, String url) {
    String s = sentence.strip();
    if (s.endsWith(".")) {
      s = s.substring(0, s.length() - 1);
    }
    return s + " (" + url + ").";
  }

  private static void add(
      List<Alternative> out, Set<String> seen, List<Template> templates, Placeholders p) {
    for (Template t : templates) {
      String description = p.fill(t.description());
      if (seen.add(description)) {
        String snippet = t.snippets().get(p.format().apiName());
        out.add(new Alternative(description, snippet == null ? null : p.fill(snippet)));
      }
    }
  }

  /** The first table entry for this operation on this element, or null. */
  Entry entry(FixOperation op, String item) {
    for (Entry e : table) {
      if (e.matches(op, item)) {
        return e;
      }
    }
    return null;
  }

  private static Entry need(KnownImage image, FixOperation op, String item) {
    for (Entry e : image.needs()) {
      if (e.matches(op, item)) {
        return e;
      }
    }
    return null;
  }

  /**
   * Whether the table has an entry for this operation whatever element it removes (an entry without
   * {@code item} globs), which every fix operation of a shipped rule must have.
   */
  public boolean covers(FixOperation op) {
    return table.stream().anyMatch(e -> e.items().isEmpty() && e.keyedBy(op));
  }

  /**
   * How the rule pages describe an operation's impact: {@code safe}, {@code review} with its
   * sentence, or {@code review} unless a condition holds; empty when the table does not know it.
   */
  public Optional<String> describe(FixOperation op) {
    Entry fallback = null;
    List<Entry> variants = new ArrayList<>();
    for (Entry e : table) {
      if (e.keyedBy(op)) {
        if (e.items().isEmpty()) {
          fallback = e;
          break;
        }
        variants.add(e);
      }
    }
    if (fallback == null) {
      return Optional.empty();
    }
    if (fallback.impact() == Impact.SAFE && variants.isEmpty()) {
      return Optional.of("`safe`");
    }
    StringBuilder sb = new StringBuilder("`review`");
    if (fallback.safeWhen() != null) {
      sb.append(" (`safe` when ").append(fallback.safeWhen().described()).append(')');
    }
    if (variants.isEmpty()) {
      return Optional.of(
          sb.append(": ").append(Placeholders.generic(fallback.breaks())).toString());
    }
    sb.append(", and what it breaks depends on the element:");
    for (Entry v : variants) {
      sb.append("\n  - ")
          .append(String.join(", ", v.items().stream().map(i -> "`" + i + "`").toList()))
          .append(": ")
          .append(Placeholders.generic(v.breaks()));
    }
    sb.append("\n  - any other: ").append(Placeholders.generic(fallback.breaks()));
    return Optional.of(sb.toString());
  }

  /** The documentation address of every well-known image (what a {@code breaks} may cite). */
  public List<String> documentation() {
    return images.stream().map(KnownImage::docs).distinct().toList();
  }

  /** Every well-known image: name, repositories, documentation and whether it was checked. */
  public List<String> imagesTable() {
    List<String> rows = new ArrayList<>();
    for (KnownImage k : images) {
      rows.add(
          "| "
              + k.name()
              + " | "
              + String.join(", ", k.images().stream().map(i -> "`" + i + "`").toList())
              + " | "
              + String.join(
                  ", ",
                  k.needs().stream()
                      .map(n -> "`" + n.op().key() + " " + n.field() + "`")
                      .distinct()
                      .toList())
              + " | "
              + k.docs()
              + (k.verified() ? "" : " (not verified)")
              + " |");
    }
    return rows;
  }
}
