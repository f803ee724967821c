package dev.keycard.api;

import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Locale;

/**
 * The view a caller asked for: {@code ?output=} wins, else the first {@code Accept} type we serve
 * (in the caller's order of preference), else the native JSON.
 */
enum OutputView {
  JSON("json", MediaType.APPLICATION_JSON, List.of(MediaType.APPLICATION_JSON)),
  SARIF("sarif", "application/sarif+json", List.of("application/sarif+json")),
  JUNIT(
      "junit",
      "application/xml;charset=UTF-8",
      List.of("application/junit+xml", "application/xml", "text/xml")),
  MARKDOWN("markdown", "text/markdown;charset=UTF-8", List.of("text/markdown")),
  LSP("lsp", MediaType.APPLICATION_JSON, List.of("application/vnd.keycard.lsp+json"));

  private final String name;
  private final String contentType;
  private final List<String> accepted;

  OutputView(String name, String contentType, List<String> accepted) {
    this.name = name;
    this.contentType = contentType;
    this.accepted = accepted;
  }

  /** The {@code Content-Type} of the response. */
  String contentType() {
    return contentType;
  }

  /**
   * The view for an {@code output} parameter and the caller's acceptable types (most preferred
   * first).
   *
   * @throws ProblemException 400 for an unknown {@code output}
   */
  static OutputView select(String output, List<MediaType> acceptable) {
    if (output != null && !output.isBlank()) {
      String o = output.trim().toLowerCase(Locale.ROOT);
      for (OutputView v : values()) {
        if (v.name.equals(o) || v.accepted.contains(o)) {
          return v;
        }
      }
      throw new ProblemException(
          ErrorCode.BAD_REQUEST,
          "unknown output '" + output + "'; use json, sarif, junit, markdown or lsp");
    }
    for (MediaType m : acceptable) {
      if (m.isWildcardType() || m.isWildcardSubtype()) {
        return JSON;
      }
      String type = (m.getType() + "/" + m.getSubtype()).toLowerCase(Locale.ROOT);
      for (OutputView v : values()) {
        if (v.accepted.contains(type)) {
          return v;
        }
      }
    }
    return JSON;
  }
}
