package dev.keycard.format.compose;

import com.google.re2j.Pattern;
import dev.keycard.format.BaseFormat;
import dev.keycard.input.FormatDetector;
import dev.keycard.model.Container;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Docker Compose documents (YAML or JSON), the Compose Specification's {@code services}. */
public final class ComposeFormat extends BaseFormat {
  // RE2J (linear time), with java.util.regex's \s spelt out ([ \t\n\x0B\f\r]: RE2's lacks \x0B),
  // and its $ too (it also matches before a line break that ends the text)
  static final Pattern YAML_KEY =
      Pattern.compile(
          "^[\"']?[A-Za-z0-9_.<-][^:# \\t\\n\\x0B\\f\\r]*[\"']?:([ \\t\\n\\x0B\\f\\r]|"
              + "(?:\\r\\n|[\\n\\r\\x{85}\\x{2028}\\x{2029}])?$)");
  private static final Pattern JSON_SERVICES =
      Pattern.compile("^[ \\t\\n\\x0B\\f\\r]*\\{[ \\t\\n\\x0B\\f\\r]*\"services\"[ \\t\\n\\x0B\\f\\r]*:");
  private static final Pattern COMPOSE_KEY =
      Pattern.compile("(?m)^(?:services:[ \\t]*(?:#.*)?$|[ \\t]*(?:- )?(?:image|build):)");
  private static final Guess JSON = new Guess(90, "a JSON object with a top-level services key");
  private static final Guess YAML = new Guess(40, "a YAML mapping");

  private static final Names NAMES =
      new Names(
          "compose", "Docker Compose", "yaml", "yaml", "docker-compose.yml",
          Set.of("yaml", "yml", "compose", "docker-compose"));

  public static final ComposeFormat INSTANCE = new ComposeFormat();

  private ComposeFormat() {
    super(NAMES, new ComposeParser(), new ComposeRenderer(), ComposeKeys.sources());
  }

  @Override
  public Guess detect(String text) {
    String t = FormatDetector.withoutBom(text);
    if (FormatDetector.isJson(t)) {
      return JSON_SERVICES.matcher(t).find() ? JSON : Guess.NONE;
    }
    String first = FormatDetector.firstMeaningfulLine(t);
    if (first != null && (yamlKeyLine(first.strip()) || first.strip().startsWith("---"))) {
      return YAML;
    }
    return Guess.NONE;
  }

  /**
   * Whether a stripped line starts with a YAML mapping key ({@code key:}, {@code "key":}): {@link
   * #YAML_KEY}, read in one pass without a regex engine, as every text is detected by every format
   * (ComposeFormatTest holds the two equal on generated lines).
   */
  static boolean yamlKeyLine(String s) {
    int n = s.length();
    int i = 0;
    if (i < n && (s.charAt(i) == '"' || s.charAt(i) == '\'')) {
      i++;
    }
    if (i >= n || !keyStart(s.charAt(i))) {
      return false;
    }
    i++;
    while (i < n && ":# \t\n\u000B\f\r".indexOf(s.charAt(i)) < 0) {
      i++;
    }
    if (i >= n || s.charAt(i) != ':') {
      return false;
    }
    i++;
    if (i == n || " \t\n\u000B\f\r".indexOf(s.charAt(i)) >= 0) {
      return true;
    }
    char c = s.charAt(i);
    return (c == '\u0085' || c == '\u2028' || c == '\u2029') && i + 1 == n;
  }

  private static boolean keyStart(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
        || c == '_' || c == '.' || c == '<' || c == '-';
  }

  /** A {@code services:} line at the margin, or an {@code image:} or {@code build:} key. */
  @Override
  public boolean claimsBlock(String text) {
    return COMPOSE_KEY.matcher(text).find();
  }


  @Override
  public Optional<String> export(List<Container> containers) {
    return Optional.of(ComposeExport.of(containers));
  }
}
