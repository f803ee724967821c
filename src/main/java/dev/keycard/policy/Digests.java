package dev.keycard.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** {@code sha256:} digests over canonical JSON (keys sorted, no white space). */
public final class Digests {
  private static final ObjectMapper CANONICAL =
      new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

  private Digests() {}

  public static String of(Object plain) {
    try {
      return sha256(CANONICAL.writeValueAsString(plain));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("rule content is not serialisable", e);
    }
  }

  /**
   * {@link #of} of a list of strings (a finding's fingerprint, once per finding), written without
   * Jackson: the same canonical JSON, character for character (DigestsTest holds the two equal).
   */
  public static String ofStrings(String... parts) {
    StringBuilder b = new StringBuilder(64).append('[');
    for (int i = 0; i < parts.length; i++) {
      if (i > 0) {
        b.append(',');
      }
      string(parts[i], b);
    }
    return sha256(b.append(']').toString());
  }

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  /** A JSON string as Jackson writes it by default: short escapes where JSON has them. */
  private static void string(String s, StringBuilder b) {
    b.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\b' -> b.append("\\b");
        case '\t' -> b.append("\\t");
        case '\n' -> b.append("\\n");
        case '\f' -> b.append("\\f");
        case '\r' -> b.append("\\r");
        default -> {
          if (c < 0x20) {
            b.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
          } else {
            b.append(c);
          }
        }
      }
    }
    b.append('"');
  }

  private static final MessageDigest SHA_256;

  static {
    try {
      SHA_256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  static String sha256(String text) {
    MessageDigest md;
    try {
      md = (MessageDigest) SHA_256.clone(); // cheaper than a provider lookup per digest
    } catch (CloneNotSupportedException e) {
      try {
        md = MessageDigest.getInstance("SHA-256");
      } catch (NoSuchAlgorithmException impossible) {
        throw new IllegalStateException("SHA-256 is missing from this JVM", impossible);
      }
    }
    return "sha256:" + HexFormat.of().formatHex(md.digest(text.getBytes(StandardCharsets.UTF_8)));
  }
}
