package dev.keycard.format.compose;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a compose {@code command} string into words as a POSIX shell would, roughly: whitespace
 * separates, single quotes keep everything, double quotes keep all but {@code \"} and {@code \\}, a
 * backslash outside quotes escapes the next character. An unclosed quote runs to the end.
 */
final class ShellWords {
  private ShellWords() {}

  static List<String> split(String s) {
    List<String> out = new ArrayList<>();
    StringBuilder w = new StringBuilder();
    boolean inWord = false;
    char quote = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (quote == '\'') {
        if (c == '\'') {
          quote = 0;
        } else {
          w.append(c);
        }
      } else if (quote == '"') {
        if (c == '"') {
          quote = 0;
        } else if (c == '\\' && i + 1 < s.length() && "\"\\$`".indexOf(s.charAt(i + 1)) >= 0) {
          w.append(s.charAt(++i));
        } else {
          w.append(c);
        }
      } else if (Character.isWhitespace(c)) {
        if (inWord) {
          out.add(w.toString());
          w.setLength(0);
          inWord = false;
        }
      } else {
        inWord = true;
        if (c == '\'' || c == '"') {
          quote = c;
        } else if (c == '\\' && i + 1 < s.length()) {
          w.append(s.charAt(++i));
        } else {
          w.append(c);
        }
      }
    }
    if (inWord) {
      out.add(w.toString());
    }
    return out;
  }
}
