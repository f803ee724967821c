package dev.keycard.remediation;

import java.util.List;

/**
 * Edits of a JSON text that touch one member: removal takes its comma, additions copy the separator
 * and key/value spacing of the members around them (compact or pretty-printed).
 */
public final class JsonEditor {
  private final JsonDoc doc;
  private final String t;

  private final boolean spaced;

  public JsonEditor(JsonDoc doc) {
    this.doc = doc;
    this.t = doc.text;
    JsonDoc.Node first = firstMember(doc.root);
    this.spaced = first == null || colonBefore(first).contains(" ");
  }

  /** Removes member or element {@code k} of {@code parent}. */
  public Edit remove(JsonDoc.Node parent, int k) {
    List<JsonDoc.Node> cs = parent.children;
    if (cs.size() == 1) {
      return new Edit(parent.start + 1, parent.end - 1, "");
    }
    if (k > 0) {
      return new Edit(cs.get(k - 1).end, cs.get(k).end, "");
    }
    return new Edit(cs.get(0).memberStart, cs.get(1).memberStart, "");
  }

  /** Replaces a value. */
  public Edit replace(JsonDoc.Node n, Object value) {
    return new Edit(n.start, n.end, JsonPatch.write(value, spaced));
  }

  /** Adds {@code "key": value} at the end of an object. */
  public Edit addMember(JsonDoc.Node obj, String key, Object value) {
    StringBuilder kv = new StringBuilder();
    JsonPatch.string(key, kv);
    kv.append(colon(obj)).append(JsonPatch.write(value, spaced));
    return append(obj, kv.toString());
  }

  /** Adds several members at the end of an object in one edit. */
  public Edit addMembers(JsonDoc.Node obj, java.util.Map<String, ?> members) {
    String between = ",";
    List<JsonDoc.Node> cs = obj.children;
    if (cs.size() >= 2) {
      String gap = t.substring(cs.get(cs.size() - 2).end, cs.get(cs.size() - 1).memberStart);
      between = "," + gap.substring(gap.indexOf(',') + 1);
    } else if (cs.size() == 1) {
      String sep = t.substring(obj.start + 1, cs.get(0).memberStart);
      between = "," + (sep.isEmpty() && spaced ? " " : sep);
    } else if (spaced) {
      between = ", ";
    }
    StringBuilder kv = new StringBuilder();
    for (java.util.Map.Entry<String, ?> e : members.entrySet()) {
      if (kv.length() > 0) {
        kv.append(between);
      }
      JsonPatch.string(e.getKey(), kv);
      kv.append(colon(obj)).append(JsonPatch.write(e.getValue(), spaced));
    }
    return append(obj, kv.toString());
  }

  /** Adds an element at the end of an array. */
  public Edit addElement(JsonDoc.Node arr, Object value) {
    return append(arr, JsonPatch.write(value, spaced));
  }

  private Edit append(JsonDoc.Node c, String text) {
    List<JsonDoc.Node> cs = c.children;
    if (cs.isEmpty()) {
      return Edit.insert(c.start + 1, text);
    }
    String sep;
    if (cs.size() >= 2) {
      JsonDoc.Node a = cs.get(cs.size() - 2);
      String between = t.substring(a.end, cs.get(cs.size() - 1).memberStart);
      sep = between.substring(between.indexOf(',') + 1);
    } else {
      sep = t.substring(c.start + 1, cs.get(0).memberStart);
      if (sep.isEmpty() && spaced) {
        sep = " ";
      }
    }
    return Edit.insert(cs.get(cs.size() - 1).end, "," + sep + text);
  }

  /** The key/value separator the object's members use ({@code ": "} or {@code ":"}). */
  private String colon(JsonDoc.Node obj) {
    JsonDoc.Node first = obj.children.isEmpty() ? firstMember(doc.root) : obj.children.get(0);
    return first == null ? ": " : colonBefore(first);
  }

  /** The text between a member's key and its value. */
  private String colonBefore(JsonDoc.Node member) {
    int close = t.lastIndexOf('"', member.start - 1);
    return close < member.memberStart ? ": " : t.substring(close + 1, member.start);
  }

  private static JsonDoc.Node firstMember(JsonDoc.Node n) {
    if (n.isObject() && !n.children.isEmpty()) {
      return n.children.get(0);
    }
    for (JsonDoc.Node c : n.children) {
      JsonDoc.Node x = firstMember(c);
      if (x != null) {
        return x;
      }
    }
    return null;
  }
}
