package dev.keycard.report;

import dev.keycard.input.InputFormat;

/**
 * What a view needs besides the evaluation: the artifact name (SARIF and JUnit), the document URI
 * (LSP), the base URL of the rule help pages, and the tool version.
 *
 * @param filename the artifact name the caller gave, or null for {@code input.<ext>}
 * @param uri the document URI the caller gave, or null for {@code untitled:<artifact>}
 * @param docsBaseUrl the base URL the rule pages ({@code KC-001.md}) are resolved against
 * @param toolVersion Keycard's own version
 */
public record ReportContext(String filename, String uri, String docsBaseUrl, String toolVersion) {
  /** The default base URL of the rule help pages. */
  public static final String DEFAULT_DOCS =
      "https://github.com/keycard-dev/keycard/blob/main/docs/rules/";

  public ReportContext {
    filename = blankToNull(filename);
    uri = blankToNull(uri);
    docsBaseUrl = docsBaseUrl == null || docsBaseUrl.isBlank() ? DEFAULT_DOCS : docsBaseUrl;
    if (!docsBaseUrl.endsWith("/")) {
      docsBaseUrl = docsBaseUrl + "/";
    }
  }

  /** The artifact name: the caller's, else {@code input} with the format's usual extension. */
  public String artifact(InputFormat format) {
    if (filename != null) {
      return filename;
    }
    return switch (format) {
      case COMPOSE -> "input.yaml";
      case ENGINE_API -> "input.json";
      case DOCKER_RUN -> "input.sh";
    };
  }

  /** The document URI: the caller's, else an {@code untitled:} URI named after the artifact. */
  public String documentUri(InputFormat format) {
    return uri != null ? uri : "untitled:" + artifact(format);
  }

  /** The help page of a rule. */
  public String helpUri(String ruleId) {
    return docsBaseUrl + ruleId + ".md";
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
