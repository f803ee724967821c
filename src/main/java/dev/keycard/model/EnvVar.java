package dev.keycard.model;

/**
 * An environment variable. {@code value} is null when only the client knows it ({@code -e NAME},
 * compose {@code environment: [NAME]}); such variables are also listed in {@link Container#unknown()}.
 */
public record EnvVar(String name, String value) {}
