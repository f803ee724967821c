package dev.keycard.remediation;

/**
 * One RFC 6902 JSON Patch operation ({@code add}, {@code remove}, {@code replace}) against the
 * input document; {@code value} is a JSON-shaped value (maps, lists, strings, numbers, booleans,
 * null) and is ignored for {@code remove}.
 */
public record PatchOp(String op, String path, Object value) {
  public static PatchOp add(String path, Object value) {
    return new PatchOp("add", path, value);
  }

  public static PatchOp replace(String path, Object value) {
    return new PatchOp("replace", path, value);
  }

  public static PatchOp remove(String path) {
    return new PatchOp("remove", path, null);
  }
}
