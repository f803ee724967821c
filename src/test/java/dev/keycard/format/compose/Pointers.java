package dev.keycard.format.compose;

import java.util.List;
import java.util.Map;

/** RFC 6901 pointer resolution over the JSON-shaped document, for tests. */
final class Pointers {
  private static final Object MISSING = new Object();

  private Pointers() {}

  static boolean resolves(Object doc, String pointer) {
    return get0(doc, pointer) != MISSING;
  }

  static Object get(Object doc, String pointer) {
    Object o = get0(doc, pointer);
    return o == MISSING ? null : o;
  }

  static String lastToken(String pointer) {
    return unescape(pointer.substring(pointer.lastIndexOf('/') + 1));
  }

  private static Object get0(Object doc, String pointer) {
    if (pointer == null) {
      return MISSING;
    }
    if (pointer.isEmpty()) {
      return doc;
    }
    Object cur = doc;
    for (String raw : pointer.substring(1).split("/", -1)) {
      String t = unescape(raw);
      if (cur instanceof Map<?, ?> m) {
        if (!m.containsKey(t)) {
          return MISSING;
        }
        cur = m.get(t);
      } else if (cur instanceof List<?> l) {
        if (!t.matches("\\d+") || Integer.parseInt(t) >= l.size()) {
          return MISSING;
        }
        cur = l.get(Integer.parseInt(t));
      } else {
        return MISSING;
      }
    }
    return cur;
  }

  private static String unescape(String t) {
    return t.replace("~1", "/").replace("~0", "~");
  }
}
