package dev.keycard.report;

/**
 * Writes caller text (container names, values, options, waiver reasons, snippets) into Markdown so
 * that it renders as the text it is: never a link, an image, emphasis, a code span of its own or
 * HTML, in CommonMark and in GitHub Flavored Markdown, and never with a control character.
 *
 * <ul>
 *   <li>Control characters (C0 but line breaks in a code block, DEL, C1), the characters that
 *       reorder text (bidirectional embeddings, overrides and isolates) and unpaired surrogates
 *       become U+FFFD.
 *   <li>In running text, the characters that open CommonMark markup are backslash-escaped: {@code
 *       \ ` * [ ] < > ~ & | !}, and {@code _} where it could open emphasis (not inside a word, as
 *       in {@code cap_drop}). So {@code ![pic](https://x/)} is no image, {@code <img>} no HTML,
 *       {@code &lt;} no entity.
 *   <li>GFM also links bare {@code http://}, {@code https://}, {@code www.} and e-mail addresses,
 *       after escapes are read; an invisible WORD JOINER (U+2060) goes between {@code :} and
 *       {@code //}, between {@code www} and {@code .}, and before {@code @}, so that none is
 *       recognised.
 *   <li>An inline code span is fenced by more backticks than any run inside it; a code block by a
 *       fence longer than any backtick run in the block.
 * </ul>
 */
final class MarkdownText {
  static final char REPLACEMENT = '\uFFFD';
  private static final char WORD_JOINER = '\u2060';
  private static final String ESCAPED = "\\`*[]<>~&|!";

  private MarkdownText() {}

  /** Caller text for running Markdown text, on one line. */
  static String text(String s) {
    if (s == null) {
      return "";
    }
    String t = unlinked(SarifReport.oneLine(withoutControls(s, false)));
    StringBuilder out = new StringBuilder(t.length() + 16);
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (ESCAPED.indexOf(c) >= 0 || (c == '_' && !intraword(t, i))) {
        out.append('\\');
      }
      out.append(c);
    }
    return out.toString();
  }

  /** Caller text as an inline code span, on one line. */
  static String code(String s) {
    String t = SarifReport.oneLine(withoutControls(s == null ? "" : s, false));
    String ticks = "`".repeat(longestRun(t) + 1);
    boolean pad = t.startsWith("`") || t.endsWith("`") || t.isEmpty();
    return ticks + (pad ? " " : "") + t + (pad ? " " : "") + ticks;
  }

  /** A fenced code block holding {@code body} in {@code language}. */
  static String block(String language, String body) {
    String t = withoutControls(body, true).stripTrailing();
    String fence = "`".repeat(Math.max(3, longestRun(t) + 1));
    return fence + language + "\n" + t + "\n" + fence + "\n";
  }

  /**
   * The text with every control and reordering character replaced; {@code lines} keeps line
   * breaks and tabs (a code block), else they become blanks.
   */
  static String withoutControls(String s, boolean lines) {
    StringBuilder out = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      char r = c;
      if (c == '\r') {
        r = lines && i + 1 < s.length() && s.charAt(i + 1) == '\n' ? 0 : lines ? '\n' : ' ';
      } else if (c == '\n' || c == '\t') {
        r = lines ? c : ' ';
      } else if (isControl(c) || unpaired(s, i)) {
        r = REPLACEMENT;
      }
      if (r != c && out == null) {
        out = new StringBuilder(s.length()).append(s, 0, i);
      }
      if (out != null && r != 0) {
        out.append(r);
      }
    }
    return out == null ? s : out.toString();
  }

  /** A surrogate without its other half, which no UTF-8 can carry. */
  private static boolean unpaired(String s, int i) {
    char c = s.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 == s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
    }
    return Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(s.charAt(i - 1)));
  }

  /**
   * The bidirectional formatting characters: the Arabic letter mark, the left-to-right and
   * right-to-left marks, the embeddings and overrides (U+202A..U+202E) and the isolates
   * (U+2066..U+2069).
   */
  private static final String BIDI =
      "\u061C\u200E\u200F\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069";

  private static boolean isControl(char c) {
    return Character.isISOControl(c) || (c >= '\u061C' && BIDI.indexOf(c) >= 0);
  }

  /** The text with a WORD JOINER where GFM would start an autolink. */
  private static String unlinked(String t) {
    if (t.indexOf("://") < 0
        && t.indexOf('@') < 0
        && t.toLowerCase(java.util.Locale.ROOT).indexOf("www.") < 0) {
      return t;
    }
    StringBuilder out = new StringBuilder(t.length() + 8);
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (c == '@') {
        out.append(WORD_JOINER);
      }
      out.append(c);
      if (c == ':' && t.startsWith("//", i + 1)) {
        out.append(WORD_JOINER);
      } else if ((c == 'w' || c == 'W') && i >= 2 && t.regionMatches(true, i - 2, "www.", 0, 4)) {
        out.append(WORD_JOINER);
      }
    }
    return out.toString();
  }

  /** Whether {@code t[i]} stands between two letters or digits, where it opens no emphasis. */
  private static boolean intraword(String t, int i) {
    return i > 0
        && i + 1 < t.length()
        && Character.isLetterOrDigit(t.charAt(i - 1))
        && Character.isLetterOrDigit(t.charAt(i + 1));
  }

  private static int longestRun(String t) {
    int longest = 0;
    int run = 0;
    for (int i = 0; i < t.length(); i++) {
      run = t.charAt(i) == '`' ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    return longest;
  }
}
