package dev.keycard.format.compose;

import dev.keycard.input.Diagnostics;
import dev.keycard.model.DiagnosticCode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Applies YAML {@code <<} merge keys: a mapping or a list of mappings whose entries the enclosing
 * mapping takes unless it sets them itself; with a list, earlier mappings win. Merged values keep
 * their own pointers (through the {@code <<} key) and spans (where their anchor was written).
 */
final class Merges {
  static final String MERGE_KEY = "<<";

  private final Diagnostics diags;

  Merges(Diagnostics diags) {
    this.diags = diags;
  }

  YNode resolve(YNode n) {
    if (n instanceof YNode.Seq q) {
      return sequence(q);
    }
    if (!(n instanceof YNode.Map m)) {
      return n;
    }
    if (m.entry(MERGE_KEY) == null) {
      return withoutMergeKey(m);
    }
    Set<String> explicit = new HashSet<>();
    for (YNode.Entry e : m.entries()) {
      if (!e.name().equals(MERGE_KEY)) {
        explicit.add(e.name());
      }
    }
    Set<String> added = new HashSet<>();
    List<YNode.Entry> out = new ArrayList<>();
    for (YNode.Entry e : m.entries()) {
      if (!e.name().equals(MERGE_KEY)) {
        out.add(new YNode.Entry(e.key(), resolve(e.value())));
        continue;
      }
      for (YNode src : sources(e.value())) {
        for (YNode.Entry me : ((YNode.Map) resolve(src)).entries()) {
          if (!explicit.contains(me.name()) && added.add(me.name())) {
            out.add(me);
          }
        }
      }
    }
    return new YNode.Map(m.pointer(), m.start(), m.end(), out);
  }

  /** The sequence itself when no item changes: most documents have no merge key at all. */
  private YNode.Seq sequence(YNode.Seq q) {
    List<YNode> items = null;
    for (int i = 0; i < q.items().size(); i++) {
      YNode item = q.items().get(i);
      YNode r = resolve(item);
      if (r != item && items == null) {
        items = new ArrayList<>(q.items().subList(0, i));
      }
      if (items != null) {
        items.add(r);
      }
    }
    return items == null ? q : new YNode.Seq(q.pointer(), q.start(), q.end(), items);
  }

  /** A mapping without {@code <<} of its own: itself when no value changes. */
  private YNode.Map withoutMergeKey(YNode.Map m) {
    List<YNode.Entry> out = null;
    for (int i = 0; i < m.entries().size(); i++) {
      YNode.Entry e = m.entries().get(i);
      YNode r = resolve(e.value());
      if (r != e.value() && out == null) {
        out = new ArrayList<>(m.entries().subList(0, i));
      }
      if (out != null) {
        out.add(r == e.value() ? e : new YNode.Entry(e.key(), r));
      }
    }
    return out == null ? m : new YNode.Map(m.pointer(), m.start(), m.end(), out);
  }

  private List<YNode> sources(YNode v) {
    List<YNode> out = new ArrayList<>();
    if (v instanceof YNode.Map) {
      out.add(v);
    } else if (v instanceof YNode.Seq q) {
      for (YNode i : q.items()) {
        if (i instanceof YNode.Map) {
          out.add(i);
        } else {
          diags.add(
              DiagnosticCode.INPUT_INVALID_VALUE,
              "merge key << expects mappings",
              i.start(),
              i.end(),
              i.pointer());
        }
      }
    } else {
      diags.add(
          DiagnosticCode.INPUT_INVALID_VALUE,
          "merge key << expects a mapping",
          v.start(),
          v.end(),
          v.pointer());
    }
    return out;
  }
}
