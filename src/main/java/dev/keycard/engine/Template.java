package dev.keycard.engine;

import dev.keycard.budget.Budget;
import java.util.List;
import java.util.Map;

/**
 * A message template that passed the gate: literal text and {@code @{...}} expressions, joined by
 * Keycard (MVEL's template engine is never used). A rendered message is at most {@code
 * max-message-length} characters; a long value is cut with an ellipsis.
 */
public final class Template {
  /** Characters of one interpolated value before it is cut (at least; a quarter of the cap). */
  private static final int VALUE_CHARS = 256;

  private final String source;
  private final List<Object> parts;

  /** {@code parts} holds literal Strings and Programs, in order. */
  Template(String source, List<Object> parts) {
    this.source = source;
    this.parts = List.copyOf(parts);
  }

  /** The message for one frozen container; an expression failing is an evaluation error. */
  public String render(Map<String, Object> container) {
    return render(container, null);
  }

  /** The message with {@code item} bound (for_each rules). */
  public String render(Map<String, Object> container, Object item) {
    int max = Budget.current().caps().maxMessageLength();
    int perValue = Math.max(VALUE_CHARS, max / 4);
    StringBuilder sb = new StringBuilder();
    for (Object part : parts) {
      if (part instanceof Program p) {
        sb.append(Program.render(p.eval(container, item), perValue));
      } else {
        sb.append((String) part);
      }
      if (sb.length() > max) {
        sb.setLength(max - 1);
        sb.append('…');
        break;
      }
    }
    return sb.toString();
  }

  /** An upper bound of the work rendering does on one container (see {@link Program#cost}). */
  public long cost(Map<String, Object> container) {
    long total = 0;
    for (Object part : parts) {
      if (part instanceof Program p) {
        total += p.cost(container);
      }
    }
    return total;
  }

  /** Literal Strings and Programs, in order. */
  List<Object> parts() {
    return parts;
  }

  /** The template text as written. */
  public String source() {
    return source;
  }

  /** Top-level container fields any expression of the template reads. */
  public java.util.Set<String> referencedFields() {
    java.util.Set<String> out = new java.util.TreeSet<>();
    for (Object part : parts) {
      if (part instanceof Program p) {
        out.addAll(p.referencedFields());
      }
    }
    return java.util.Set.copyOf(out);
  }
}
