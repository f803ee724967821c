package dev.keycard.api;

import jakarta.enterprise.context.RequestScoped;

/**
 * What the caller of this request may do beyond evaluating: set by {@link ApiKeyFilter} from the
 * key it presented (with no keys configured, every caller has the same rights).
 */
@RequestScoped
public class CallerRights {
  private boolean ruleKey;

  /** Whether the request came with one of {@code keycard.auth.rule-keys}. */
  boolean ruleKey() {
    return ruleKey;
  }

  void ruleKey(boolean value) {
    this.ruleKey = value;
  }
}
