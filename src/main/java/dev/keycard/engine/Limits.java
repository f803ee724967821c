package dev.keycard.engine;

/**
 * Size caps of the rule gate (layer 0): checked before MVEL sees anything, so a rule is a small
 * finite tree whose evaluation cost is bounded by these numbers times the input size.
 *
 * @param maxLength characters per expression (default 1,000 for ad-hoc rules)
 * @param maxDepth parser nesting depth (parentheses, unary operators, sub-expressions)
 * @param maxTokens lexer tokens per expression
 * @param maxStringLiteral characters per string literal after unescaping
 * @param maxRegex characters per regular expression literal
 * @param maxCollectionElements elements per list or map literal
 * @param maxProjections projections per expression
 * @param maxProjectionNesting projections inside projections (1 = no nesting)
 * @param maxTemplateLength characters per message template
 * @param maxTemplateExpressions {@code @{...}} expressions per message template
 */
public record Limits(
    int maxLength,
    int maxDepth,
    int maxTokens,
    int maxStringLiteral,
    int maxRegex,
    int maxCollectionElements,
    int maxProjections,
    int maxProjectionNesting,
    int maxTemplateLength,
    int maxTemplateExpressions) {

  /** Defaults for caller-sent (ad-hoc) rules: the numbers of mvel-sandbox.md section 3.1. */
  public static final Limits DEFAULT = new Limits(1_000, 24, 150, 256, 200, 64, 4, 1, 2_000, 16);

  /**
   * Defaults for shipped catalogue rules: the same grammar and checks, with room for the longer
   * rules (KC-031's path list) — 2,000 characters and 300 tokens; every other cap is unchanged.
   */
  public static final Limits SHIPPED = new Limits(2_000, 24, 300, 256, 200, 64, 4, 1, 4_000, 16);

  public Limits {
    if (maxLength < 1
        || maxDepth < 1
        || maxTokens < 1
        || maxStringLiteral < 0
        || maxRegex < 1
        || maxCollectionElements < 0
        || maxProjections < 0
        || maxProjectionNesting < 0
        || maxTemplateLength < 1
        || maxTemplateExpressions < 0) {
      throw new IllegalArgumentException("limits must be positive: " + this);
    }
  }
}
