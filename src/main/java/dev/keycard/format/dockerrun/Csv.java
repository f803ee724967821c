package dev.keycard.format.dockerrun;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * One record of Go's {@code encoding/csv} (default settings), as docker/cli reads the values of
 * {@code --mount}, {@code --gpus} and the advanced {@code --network} syntax: fields split on
 * commas, a field starting with {@code "} is quoted and {@code ""} inside it is a quote. Fields
 * keep their positions.
 */
final class Csv {
  private Csv() {}

  /** The fields of {@code value}, or null when Go would reject the quoting. */
  static List<Piece> read(Piece value) {
    String s = value.text();
    List<Piece> fields = new ArrayList<>();
    int i = 0;
    int n = s.length();
    while (true) {
      if (i < n && s.charAt(i) == '"') {
        StringBuilder text = new StringBuilder();
        List<Integer> at = new ArrayList<>();
        int j = i + 1;
        while (true) {
          if (j >= n) {
            return null;
          }
          char c = s.charAt(j);
          if (c == '"') {
            if (j + 1 < n && s.charAt(j + 1) == '"') {
              text.append('"');
              at.add(j);
              j += 2;
              continue;
            }
            break;
          }
          text.append(c);
          at.add(j);
          j++;
        }
        fields.add(piece(value, text.toString(), at));
        i = j + 1;
        if (i < n && s.charAt(i) != ',') {
          return null;
        }
      } else {
        int comma = s.indexOf(',', i);
        int end = comma < 0 ? n : comma;
        if (s.substring(i, end).indexOf('"') >= 0) {
          return null;
        }
        fields.add(value.sub(i, end));
        i = end;
      }
      if (i >= n) {
        return fields;
      }
      i++; // the comma
      if (i >= n) {
        fields.add(value.sub(n, n));
        return fields;
      }
    }
  }

  private static Piece piece(Piece whole, String text, List<Integer> at) {
    int[] offsets = new int[at.size()];
    BitSet unknown = new BitSet();
    BitSet placeholders = new BitSet();
    for (int k = 0; k < offsets.length; k++) {
      Piece ch = whole.sub(at.get(k), at.get(k) + 1);
      offsets[k] = ch.start();
      if (ch.isUnknown()) {
        unknown.set(k);
      }
      if (ch.isPlaceholder(0)) {
        placeholders.set(k);
      }
    }
    int start = offsets.length == 0 ? whole.start() : offsets[0];
    int end = offsets.length == 0 ? start : offsets[offsets.length - 1] + 1;
    return new Piece(text, offsets, unknown, placeholders, start, end);
  }
}
