package dev.keycard.format.dockerrun;

import dev.keycard.engine.Finding;
import dev.keycard.format.FormatRenderer;
import dev.keycard.input.ParsedInput;
import dev.keycard.model.Container;
import dev.keycard.model.Origin;
import dev.keycard.model.Span;
import dev.keycard.policy.FixOperation.Op;
import dev.keycard.policy.FixOperation;
import dev.keycard.remediation.Edit;
import dev.keycard.remediation.RenderValues;
import dev.keycard.remediation.Rendered;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Renders fixes into a {@code docker run} command line: flags are removed together with their value
 * words and the whitespace or continuation line around them, changed in place (keeping the flag as
 * written and the value's quotes), or added before the image (before the {@code --} that ends the
 * options, if any), one per continuation line when the user writes one flag per line. A flag given
 * more than once is removed everywhere. There is no document, so no JSON Patch.
 */
final class DockerRunRenderer extends FormatRenderer {
  DockerRunRenderer() {
    super(() -> DockerRunFormat.INSTANCE);
  }

  @Override
  protected Optional<Rendered> render(ParsedInput input, Finding f, Container c) {
    Span image = c.origin().span();
    if (!input.source().hasSpans() || image == null) {
      return Optional.empty();
    }
    CommandText text = CommandText.of(input.source().original());
    List<Edit> edits = new ArrayList<>();
    List<String> added = new ArrayList<>();
    Map<Integer, Span> removed = new LinkedHashMap<>();
    for (FixOperation op : f.fix()) {
      if (!apply(op, f, c, text, edits, added, removed)) {
        return Optional.empty();
      }
    }
    edits.addAll(removals(text, removed.values()));
    if (!added.isEmpty()) {
      // before the image, or before the `--` that ends the options (after it a flag is the image)
      Span end = span(c, Container.OPTIONS_END);
      edits.add(text.insertBefore((end != null ? end : image).start().offset(), added));
    }
    return Optional.of(new Rendered(List.of(), Edit.toTextEdits(edits, input.source()), null));
  }

  /**
   * Removes the flags at {@code spans}; two removals that each take the blanks between them ({@code
   * --net=host --net=host}) become one.
   */
  private static List<Edit> removals(CommandText text, Collection<Span> spans) {
    List<Edit> all = new ArrayList<>();
    for (Span s : spans) {
      all.add(text.removal(s.start().offset(), s.end().offset()));
    }
    all.sort(Comparator.comparingInt(Edit::start));
    List<Edit> out = new ArrayList<>();
    for (Edit e : all) {
      Edit last = out.isEmpty() ? null : out.get(out.size() - 1);
      if (last != null && e.start() < last.end()) {
        out.set(out.size() - 1, new Edit(last.start(), Math.max(last.end(), e.end()), ""));
      } else {
        out.add(e);
      }
    }
    return out;
  }

  /** Renders one operation; false when it cannot be expressed safely. */
  private static boolean apply(
      FixOperation op,
      Finding f,
      Container c,
      CommandText text,
      List<Edit> edits,
      List<String> added,
      Map<Integer, Span> removed) {
    String field = op.field();
    switch (op.op()) {
      case REMOVE -> {
        if (f.itemIndex() >= 0 && field.equals("propagation")) {
          return removePropagation(f, c, text, edits);
        }
        for (Span s : spans(c, field)) {
          removed.putIfAbsent(s.start().offset(), s);
        }
        return true;
      }
      case REMOVE_ITEM -> {
        Span s = span(c, field + "[" + f.itemIndex() + "]");
        if (s == null || sharedSpan(c, field, f.itemIndex(), s)) {
          return false;
        }
        removed.putIfAbsent(s.start().offset(), s);
        return true;
      }
      case ADD -> {
        if (RenderValues.holds(c, field, op.value())) {
          return true;
        }
        Flags.Flag flag = Flags.of(field);
        if (flag == null) {
          return false;
        }
        String value = String.valueOf(op.value());
        if (field.equals("security_opt")) {
          for (int i = 0; i < c.securityOpt().size(); i++) {
            if (RenderValues.optionKey(c.securityOpt().get(i)).equals(RenderValues.optionKey(value))) {
              Span s = span(c, "security_opt[" + i + "]");
              if (s == null) {
                return false;
              }
              edits.add(text.replaceValue(s, value));
              return true;
            }
          }
        }
        added.add(flag.name() + " " + CommandText.quote(value));
        return true;
      }
      case SET -> {
        return set(op, f, c, text, edits, added);
      }
      default -> {
        return false;
      }
    }
  }

  private static boolean set(
      FixOperation op,
      Finding f,
      Container c,
      CommandText text,
      List<Edit> edits,
      List<String> added) {
    String field = op.field();
    if (f.itemIndex() >= 0 && Flags.of(field) == null) {
      // for_each convention: "set: host_ip" sets that field of the offending item
      return setItemField(op, f, c, text, edits);
    }
    if (field.equals("restart_max_retries") && hasOp(f, "restart_policy")) {
      return true;
    }
    Flags.Flag flag = Flags.of(field);
    if (flag == null || c.unknown().contains(field)) {
      return false;
    }
    String value = value(op, f, c);
    Span existing = span(c, flag.locatedAs());
    if (existing != null && flag.names().contains(text.flagName(existing))) {
      edits.add(
          flag.bool()
              ? new Edit(
                  existing.start().offset(),
                  existing.end().offset(),
                  Boolean.parseBoolean(value)
                      ? text.flagName(existing)
                      : text.flagName(existing) + "=false")
              : text.replaceValue(existing, value));
      return true;
    }
    if (existing != null) {
      return false;
    }
    if (flag.bool()) {
      if (Boolean.parseBoolean(value)) {
        added.add(flag.name());
      }
      return true;
    }
    added.add(flag.name() + " " + CommandText.quote(value));
    return true;
  }

  /** Rewrites the offending {@code -v}/{@code --mount} value without its propagation option. */
  private static boolean removePropagation(
      Finding f, Container c, CommandText text, List<Edit> edits) {
    Span s = span(c, f.path());
    if (s == null || sharedSpan(c, "mounts", f.itemIndex(), s)) {
      return false;
    }
    String fixed = RenderValues.withoutPropagation(text.unquotedValue(s));
    if (fixed == null) {
      return false;
    }
    edits.add(text.replaceValue(s, fixed));
    return true;
  }

  private static boolean setItemField(
      FixOperation op, Finding f, Container c, CommandText text, List<Edit> edits) {
    if (!op.field().equals("host_ip") || !f.path().startsWith("ports[")) {
      return false;
    }
    Span s = span(c, f.path());
    if (s == null || sharedSpan(c, "ports", f.itemIndex(), s)) {
      return false;
    }
    String spec = text.unquotedValue(s);
    edits.add(text.replaceValue(s, RenderValues.withHostIp(spec, String.valueOf(op.value()))));
    return true;
  }

  /** The value to write; a restart policy takes its retry count from a sibling operation. */
  private static String value(FixOperation op, Finding f, Container c) {
    String v = RenderValues.text(op.field(), op.value());
    if (op.field().equals("restart_policy")) {
      for (FixOperation o : f.fix()) {
        if (o.field().equals("restart_max_retries") && o.value() != null && !v.contains(":")) {
          return v + ":" + RenderValues.text("restart_max_retries", o.value());
        }
      }
    } else if (op.field().equals("restart_max_retries")) {
      return (c.restartPolicy() == null ? "on-failure" : c.restartPolicy()) + ":" + v;
    }
    return v;
  }

  private static boolean hasOp(Finding f, String field) {
    return f.fix().stream().anyMatch(o -> o.op() == Op.SET && o.field().equals(field));
  }

  private static Span span(Container c, String path) {
    Origin o = c.locations().get(path);
    return o == null ? null : o.span();
  }

  /** The spans of a field, or of every element of a list field. */
  private static List<Span> spans(Container c, String field) {
    List<Span> out = new ArrayList<>();
    for (int i = 0; c.locations().containsKey(field + "[" + i + "]"); i++) {
      Span s = span(c, field + "[" + i + "]");
      if (s != null) {
        out.add(s);
      }
    }
    if (out.isEmpty() && span(c, field) != null) {
      out.add(span(c, field));
      // the same flag given again (overridden or refused): removed with it
      for (int n = 1; span(c, field + Container.REPEAT + n) != null; n++) {
        out.add(span(c, field + Container.REPEAT + n));
      }
    }
    return out;
  }

  /** Whether another element of the list shares the flag ({@code --cap-add A,B}). */
  private static boolean sharedSpan(Container c, String field, int index, Span s) {
    Integer n = SharedSpans.of(c, field).get(s);
    return n != null && n > 1;
  }

  /**
   * How many elements of a list field each flag span holds, counted once per container and field:
   * asked for every one of 4,096 {@code --cap-add} findings, a scan of the list each time would
   * cost 4,096 squared.
   */
  private static final class SharedSpans {
    private static final ThreadLocal<SharedSpans> LAST = new ThreadLocal<>();
    private final Container container;
    private final Map<String, Map<Span, Integer>> byField = new HashMap<>();

    private SharedSpans(Container container) {
      this.container = container;
    }

    static Map<Span, Integer> of(Container c, String field) {
      SharedSpans last = LAST.get();
      if (last == null || last.container != c) {
        last = new SharedSpans(c);
        LAST.set(last);
      }
      return last.byField.computeIfAbsent(field, f -> count(c, f));
    }

    private static Map<Span, Integer> count(Container c, String field) {
      Map<Span, Integer> out = new HashMap<>();
      for (int i = 0; ; i++) {
        Origin o = c.locations().get(field + "[" + i + "]");
        if (o == null) {
          return out;
        }
        if (o.span() != null) {
          out.merge(o.span(), 1, Integer::sum);
        }
      }
    }
  }
}
