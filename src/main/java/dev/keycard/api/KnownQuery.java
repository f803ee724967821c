package dev.keycard.api;

import java.util.List;

/**
 * The query parameters each endpoint reads. Anything else is a 400 that names these, as an unknown
 * JSON body field is: a typo ({@code ?rulset=}, {@code ?failon=}) must not silently fall back to a
 * default and let a denied input pass.
 */
public enum KnownQuery {
  /** No query parameters at all (listings, single rules, rule checks). */
  NONE(List.of()),
  /** {@code /v1/parse}: the request's options, which it reads as {@code /v1/evaluate} does. */
  PARSE(Names.REQUEST),
  /** {@code /v1/evaluate}: the request's options and the view. */
  EVALUATE(plus(Names.REQUEST, "output")),
  /** {@code /v1/fix}: the request's options, {@code to=compose} and {@code apply=safe|all}. */
  FIX(plus(Names.REQUEST, "to", "apply")),
  /**
   * The OPA Data API: OPA's own query parameters, accepted and ignored so that an OPA client works
   * unchanged ({@code pretty}, {@code provenance}, {@code explain}, {@code metrics}, {@code
   * instrument}, {@code strict-builtin-errors}).
   */
  OPA(
      List.of(
          "pretty", "provenance", "explain", "metrics", "instrument", "strict-builtin-errors"));

  private final List<String> names;

  KnownQuery(List<String> names) {
    this.names = names;
  }

  /** The parameter names, in the order the documentation lists them. */
  public List<String> names() {
    return names;
  }

  private static List<String> plus(List<String> base, String... more) {
    List<String> out = new java.util.ArrayList<>(base);
    out.addAll(List.of(more));
    return List.copyOf(out);
  }

  /** Names shared by several endpoints. */
  static final class Names {
    /** The options of an evaluation request sent as a raw body (API.md). */
    static final List<String> REQUEST =
        List.of("format", "ruleset", "exclude", "fail_on", "on_unknown", "filename", "uri");

    private Names() {}
  }
}
