package dev.keycard.remediation;

import dev.keycard.policy.FixOperation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Reads the two data files of fix impacts, {@code keycard/fix-impact.yaml} and {@code
 * keycard/well-known-images.yaml}, from the classpath. They ship with Keycard, so a mistake in one
 * is a programmer error: the first is reported with its file and entry, and stops the load.
 */
final class ImpactData {
  static final String TABLE = "keycard/fix-impact.yaml";
  static final String IMAGES = "keycard/well-known-images.yaml";

  private ImpactData() {}

  /**
   * One entry: the fix operation it is keyed by ({@code op}, {@code field}, optional {@code
   * value}), the element globs it is narrowed to (empty: any), its impact (null in an image's
   * needs, which are always review), the condition that makes it safe after all, and its texts.
   */
  record Entry(
      FixOperation.Op op,
      String field,
      String value,
      List<String> items,
      Impact impact,
      Impacts.Condition safeWhen,
      String breaks,
      List<Template> alternatives,
      String where) {

    /** Whether the entry is keyed by this operation (any element). */
    boolean keyedBy(FixOperation o) {
      return o.op() == op
          && o.field().equals(field)
          && (value == null || value.equals(String.valueOf(o.value())));
    }

    /** Whether the entry applies to this operation on this element's text. */
    boolean matches(FixOperation o, String item) {
      if (!keyedBy(o)) {
        return false;
      }
      if (items.isEmpty()) {
        return true;
      }
      for (String glob : items) {
        if (item != null && Globs.matches(glob, item)) {
          return true;
        }
      }
      return false;
    }
  }

  /** An alternative as the data writes it: a sentence and snippets by format. */
  /** An alternative's text and its snippet per format, keyed by API name ({@code docker-run}). */
  record Template(String description, Map<String, String> snippets) {}

  /** An image of the well-known catalogue. */
  record KnownImage(
      String name, List<String> images, String docs, boolean verified, List<Entry> needs) {}

  /** The table: its entries in order, and what each capability is for. */
  record Table(List<Entry> entries, Map<String, String> capabilities) {}

  static Table table() {
    Map<String, Object> root = load(TABLE);
    known(root, TABLE, "capabilities", "fixes");
    Map<String, String> caps = new LinkedHashMap<>();
    map(root.get("capabilities"), TABLE + ": capabilities")
        .forEach((k, v) -> caps.put(k.toUpperCase(Locale.ROOT), String.valueOf(v)));
    List<Entry> entries = new ArrayList<>();
    List<Object> fixes = list(root.get("fixes"), TABLE + ": fixes");
    for (int i = 0; i < fixes.size(); i++) {
      entries.add(entry(fixes.get(i), TABLE + ": fixes[" + i + "]", true));
    }
    return new Table(List.copyOf(entries), Map.copyOf(caps));
  }

  static List<KnownImage> images() {
    Map<String, Object> root = load(IMAGES);
    known(root, IMAGES, "images");
    List<KnownImage> out = new ArrayList<>();
    List<Object> images = list(root.get("images"), IMAGES + ": images");
    for (int i = 0; i < images.size(); i++) {
      String where = IMAGES + ": images[" + i + "]";
      Map<String, Object> m = map(images.get(i), where);
      known(m, where, "name", "images", "docs", "verified", "needs");
      String docs = text(m, "docs", where);
      if (!docs.startsWith("https://") || !urlCharacters(docs)) {
        // the views link it as it is (Markdown), so nothing in it may end or break a link
        throw new IllegalStateException(
            where + ": docs must be an https:// address of URL characters only (no space, ( or ))");
      }
      List<Entry> needs = new ArrayList<>();
      List<Object> ns = list(m.get("needs"), where + ": needs");
      for (int j = 0; j < ns.size(); j++) {
        needs.add(entry(ns.get(j), where + ".needs[" + j + "]", false));
      }
      out.add(
          new KnownImage(
              text(m, "name", where),
              strings(m.get("images"), where + ": images").stream()
                  .map(ImageRef::repository)
                  .toList(),
              docs,
              Boolean.TRUE.equals(m.get("verified")),
              List.copyOf(needs)));
    }
    return List.copyOf(out);
  }

  private static Entry entry(Object o, String where, boolean table) {
    Map<String, Object> m = map(o, where);
    if (table) {
      known(m, where, "fix", "item", "impact", "safe_when", "breaks", "alternatives");
    } else {
      known(m, where, "fix", "item", "breaks", "alternatives");
    }
    Map<String, Object> fix = map(m.get("fix"), where + ": fix");
    FixOperation.Op op = null;
    String field = null;
    for (FixOperation.Op candidate : FixOperation.Op.values()) {
      if (fix.containsKey(candidate.key())) {
        if (op != null) {
          throw new IllegalStateException(where + ": fix names two operations");
        }
        op = candidate;
        field = String.valueOf(fix.get(candidate.key()));
      }
    }
    if (op == null) {
      throw new IllegalStateException(where + ": fix names no operation (set, remove, add, ...)");
    }
    Object value = fix.get("value");
    Impact impact = Impact.REVIEW;
    if (table) {
      String i = text(m, "impact", where);
      impact =
          switch (i) {
            case "safe" -> Impact.SAFE;
            case "review" -> Impact.REVIEW;
            default -> throw new IllegalStateException(where + ": impact must be safe or review");
          };
    }
    Impacts.Condition when = null;
    if (m.get("safe_when") != null) {
      when = Impacts.Condition.byName(String.valueOf(m.get("safe_when")));
      if (when == null) {
        throw new IllegalStateException(where + ": unknown safe_when " + m.get("safe_when"));
      }
    }
    String breaks = m.get("breaks") == null ? null : String.valueOf(m.get("breaks")).strip();
    if (impact == Impact.REVIEW && (breaks == null || breaks.isBlank())) {
      throw new IllegalStateException(where + ": a review entry needs a breaks sentence");
    }
    List<Template> alternatives = new ArrayList<>();
    if (m.get("alternatives") != null) {
      List<Object> as = list(m.get("alternatives"), where + ": alternatives");
      for (int i = 0; i < as.size(); i++) {
        alternatives.add(template(as.get(i), where + ": alternatives[" + i + "]"));
      }
    }
    return new Entry(
        op,
        field,
        value == null ? null : String.valueOf(value),
        m.get("item") == null ? List.of() : strings(m.get("item"), where + ": item"),
        impact,
        when,
        breaks,
        List.copyOf(alternatives),
        where);
  }

  private static Template template(Object o, String where) {
    Map<String, Object> m = map(o, where);
    Map<String, String> snippets = new HashMap<>();
    for (Map.Entry<String, Object> e : m.entrySet()) {
      if (!e.getKey().equals("description") && e.getValue() != null) {
        // a format's snippet, under its API name with '_' for '-' (docker_run); FixImpactDataTest
        // holds every key to a registered format
        snippets.put(e.getKey().replace('_', '-'), String.valueOf(e.getValue()).stripTrailing());
      }
    }
    return new Template(text(m, "description", where).strip(), Map.copyOf(snippets));
  }

  private static Map<String, Object> load(String resource) {
    ClassLoader cl = ImpactData.class.getClassLoader();
    try (InputStream in = cl.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is not on the classpath");
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return map(new Load(LoadSettings.builder().build()).loadFromString(text), resource);
    } catch (IOException e) {
      throw new IllegalStateException(resource + ": " + e.getMessage(), e);
    }
  }

  private static void known(Map<String, Object> m, String where, String... keys) {
    Set<String> allowed = Set.of(keys);
    for (String k : m.keySet()) {
      if (!allowed.contains(k)) {
        throw new IllegalStateException(where + ": unknown key '" + k + "'");
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object o, String where) {
    if (!(o instanceof Map<?, ?> m)) {
      throw new IllegalStateException(where + ": expected a mapping");
    }
    Map<String, Object> out = new LinkedHashMap<>();
    ((Map<Object, Object>) m).forEach((k, v) -> out.put(String.valueOf(k), v));
    return out;
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(Object o, String where) {
    if (!(o instanceof List<?> l)) {
      throw new IllegalStateException(where + ": expected a list");
    }
    return (List<Object>) l;
  }

  private static List<String> strings(Object o, String where) {
    return list(o, where).stream().map(String::valueOf).toList();
  }

  private static String text(Map<String, Object> m, String key, String where) {
    Object v = m.get(key);
    if (v == null || String.valueOf(v).isBlank()) {
      throw new IllegalStateException(where + ": " + key + " is required");
    }
    return String.valueOf(v);
  }

  /** {@code *} globs, matched whole; no other special character. */
  static final class Globs {
    private Globs() {}

    static boolean matches(String glob, String s) {
      return matches(glob, 0, s, 0);
    }

    private static boolean matches(String g, int gi, String s, int si) {
      // iterative star matching: linear in |g| * |s| at worst, no recursion on caller text
      int star = -1;
      int mark = 0;
      while (si < s.length()) {
        if (gi < g.length() && g.charAt(gi) != '*' && g.charAt(gi) == s.charAt(si)) {
          gi++;
          si++;
        } else if (gi < g.length() && g.charAt(gi) == '*') {
          star = gi++;
          mark = si;
        } else if (star >= 0) {
          gi = star + 1;
          si = ++mark;
        } else {
          return false;
        }
      }
      while (gi < g.length() && g.charAt(gi) == '*') {
        gi++;
      }
      return gi == g.length();
    }
  }

  /** Whether {@code s} holds only characters a URL needs here (none that ends or breaks a link). */
  private static boolean urlCharacters(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean ok =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || "._~/#?=&%:+-".indexOf(c) >= 0;
      if (!ok) {
        return false;
      }
    }
    return true;
  }
}
