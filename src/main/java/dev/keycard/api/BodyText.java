package dev.keycard.api;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A request body as text: strict UTF-8, and no C0 control character other than tab, line feed and
 * carriage return. A body that is neither is refused with the byte offset (and line and column) of
 * the first offending byte, instead of being read with replacement characters or passed on with a
 * NUL that every view would have to carry.
 */
final class BodyText {
  private BodyText() {}

  /**
   * The body decoded.
   *
   * @throws ProblemException 400 {@code invalid_text} for bytes that are not UTF-8 or a control
   *     character
   */
  static String decode(byte[] body) {
    if (body == null || body.length == 0) {
      return "";
    }
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(body);
    CharBuffer out = CharBuffer.allocate(body.length); // UTF-8 never decodes to more chars than bytes
    CoderResult r = decoder.decode(in, out, true);
    if (!r.isError()) {
      r = decoder.flush(out);
    }
    if (r.isError()) {
      int offset = in.position();
      out.flip();
      String before = out.toString();
      int b = body[offset] & 0xff;
      String message =
          String.format(
              "byte 0x%02X at offset %d is not UTF-8%s", b, offset,
              b == 0xed && offset + 1 < body.length && (body[offset + 1] & 0xff) >= 0xa0
                  ? " (an encoded UTF-16 surrogate)" : "");
      throw refuse("The body is not UTF-8 text: " + message + ". Send the document as UTF-8.",
          message, before, offset, null);
    }
    out.flip();
    String text = out.toString();
    requireNoControl(text, null);
    return text;
  }

  /**
   * Refuses a C0 control character other than tab, line feed and carriage return in {@code text}:
   * the body itself ({@code field} null) or a JSON field that arrived with {@code \\u0000}-style
   * escapes ({@code field} is its JSON Pointer, e.g. {@code /input}).
   */
  static void requireNoControl(String text, String field) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
        String before = text.substring(0, i);
        int offset = before.getBytes(StandardCharsets.UTF_8).length;
        String what = String.format("control character U+%04X at offset %d", (int) c, offset);
        String where = field == null ? "The body" : "'" + field.substring(1) + "'";
        throw refuse(
            where + " holds the " + what + " (only tab, line feed and carriage return are"
                + " allowed below U+0020).",
            what, before, offset, field);
      }
    }
  }

  private static ProblemException refuse(
      String detail, String message, String before, int offset, String field) {
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < before.length(); i++) {
      if (before.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    int column = before.length() - lineStart + 1;
    return new ProblemException(
        ErrorCode.INVALID_TEXT,
        detail,
        List.of(new Problem.ErrorItem(message, line, column, null, null, field, (long) offset)));
  }
}
