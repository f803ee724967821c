package dev.keycard.engine;

import java.util.List;
import java.util.Map;

/** A message template that passed the gate: literal text and {@code @{...}} expressions. */
public final class Template {
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
    StringBuilder sb = new StringBuilder();
    for (Object part : parts) {
      if (part instanceof Program p) {
        sb.append(Program.render(p.eval(container, item)));
      } else {
        sb.append((String) part);
      }
    }
    return sb.toString();
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
