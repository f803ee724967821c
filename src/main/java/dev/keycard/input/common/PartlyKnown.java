package dev.keycard.input.common;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * A value read from a spec some of whose characters only the client knows (an unresolved variable,
 * a placeholder), with the parts of it (model field names: {@code host_port}, {@code target}) that
 * hold such characters. An unknown part stays within its field: a separator inside an expression
 * ({@code ${A:-b}}) does not split, as the shell's or compose's output would not.
 *
 * @param value the value, its unknown parts holding the text as written (strings) or null
 *     (numbers); null when no part of the spec is known, so that not even its shape is
 * @param unknownParts the unknown parts, in the order of the value's fields
 */
public record PartlyKnown<T>(T value, List<String> unknownParts) {
  public PartlyKnown {
    unknownParts = List.copyOf(unknownParts);
  }

  /** A value that is wholly known. */
  public static <T> PartlyKnown<T> known(T value) {
    return new PartlyKnown<>(value, List.of());
  }

  /** The ranges {@code [from, to)} of {@code text} between the {@code sep} at known positions. */
  static List<int[]> split(String text, BitSet unknown, char sep) {
    List<int[]> out = new ArrayList<>();
    int from = 0;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == sep && !unknown.get(i)) {
        out.add(new int[] {from, i});
        from = i + 1;
      }
    }
    out.add(new int[] {from, text.length()});
    return out;
  }

  /** Whether any character of {@code [from, to)} is unknown. */
  static boolean unknownIn(BitSet unknown, int from, int to) {
    int next = unknown.nextSetBit(from);
    return next >= 0 && next < to;
  }

  /** Whether every character of {@code text} is unknown (and there is one). */
  static boolean allUnknown(String text, BitSet unknown) {
    return !text.isEmpty() && unknown.nextClearBit(0) >= text.length();
  }
}
