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
 * @param sarifRules the SARIF descriptors of the answer's rule set built at load, or null
 */
public record ReportContext(
    String filename, String uri, String docsBaseUrl, String toolVersion, SarifRules sarifRules) {
  /** The default base URL of the rule help pages. */
  public static final String DEFAULT_DOCS =
      "https://github.com/keycard-dev/keycard/blob/main/docs/rules/";

  /** A context without prebuilt SARIF descriptors (each answer describes its rules). */
  public ReportContext(String filename, String uri, String docsBaseUrl, String toolVersion) {
    this(filename, uri, docsBaseUrl, toolVersion, null);
  }

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
      case KUBERNETES -> "input.yaml";
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
