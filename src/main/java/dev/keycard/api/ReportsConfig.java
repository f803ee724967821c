package dev.keycard.api;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where the rule help pages live ({@code keycard.docs.*}, env {@code KEYCARD_DOCS_*}). */
@ConfigMapping(prefix = "keycard.docs")
public interface ReportsConfig {
  /**
   * The base URL the rule pages ({@code KC-001.md}) are resolved against: SARIF {@code helpUri},
   * LSP {@code codeDescription.href}, the JUnit failure text.
   */
  @WithDefault("https://github.com/keycard-dev/keycard/blob/main/docs/rules/")
  String baseUrl();
}
