package dev.keycard.remediation;

/**
 * Something to do instead of a {@code review} fix: a sentence, and a snippet in the input's format
 * where one helps (null otherwise).
 */
public record Alternative(String description, String snippet) {}
