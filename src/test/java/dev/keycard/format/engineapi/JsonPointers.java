package dev.keycard.format.engineapi;

import java.util.List;
import java.util.Map;

/** Resolves RFC 6901 pointers in a plain JSON-shaped tree, for tests. */
final class JsonPointers {
  private JsonPointers() {}

  /** The value at {@code pointer}; throws when the path does not exist. */
  static Object resolve(Object doc, String pointer) {
    if (pointer.isEmpty()) {
      return doc;
    }
    Object cur = doc;
    for (String raw : pointer.substring(1).split("/", -1)) {
      String token = raw.replace("~1", "/").replace("~0", "~");
      if (cur instanceof Map<?, ?> m) {
        if (!m.containsKey(token)) {
          throw new IllegalArgumentException("no member " + token + " in " + pointer);
        }
        cur = m.get(token);
      } else if (cur instanceof List<?> l) {
        cur = l.get(Integer.parseInt(token));
      } else {
        throw new IllegalArgumentException("cannot descend into a scalar at " + pointer);
      }
    }
    return cur;
  }
}
