package dev.keycard.engine;

import java.util.Locale;

/** Stable snake_case codes of everything the rule gate refuses, as carried in problem+json. */
public enum ErrorCode {
  /** A character outside the language: non-ASCII, control, or one of {@code ; = { } @ # ...}. */
  ILLEGAL_CHARACTER,
  /** {@code //} or {@code /*}: comments could hide text from a reviewer. */
  COMMENT_NOT_ALLOWED,
  /** A string escape other than {@code \\ \' \"}, or an unterminated string. */
  INVALID_STRING,
  /** Text that is not a sentence of the grammar. */
  RULE_SYNTAX_ERROR,
  /** A size cap of {@link Limits} was exceeded. */
  RULE_LIMIT_EXCEEDED,
  /** A name that is neither {@code c}, {@code item}, {@code $} nor a registered helper. */
  UNKNOWN_IDENTIFIER,
  /** {@code $} outside a projection, or {@code $name}. */
  DOLLAR_OUTSIDE_PROJECTION,
  /** {@code x in list} used as membership; use {@code list contains x}. */
  IN_IS_NOT_MEMBERSHIP,
  /** A method not on the allow-list (name and arity). */
  METHOD_NOT_ALLOWED,
  /** A field the catalogue does not know ({@code c.privilgd}): a typo would never fire. */
  UNKNOWN_FIELD,
  /** Operands or arguments whose types cannot go together ({@code c.user == 0}). */
  TYPE_MISMATCH,
  /** A helper called with the wrong number of arguments. */
  WRONG_ARITY,
  /** The right side of {@code ~=} is not a string literal. */
  REGEX_NOT_LITERAL,
  /** A regular expression RE2 cannot compile. */
  INVALID_REGEX,
  /** A template directive other than {@code @{...}} and {@code @@}. */
  TEMPLATE_DIRECTIVE_NOT_ALLOWED,
  /** MVEL refused the emitted form (never seen: kept so that a refusal is reported, not thrown). */
  RULE_COMPILE_ERROR,
  /** MVEL's compiled tree differs from the checked tree, or holds a node outside the allow-list. */
  SANDBOX_VIOLATION;

  /** The wire form, e.g. {@code method_not_allowed}. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
