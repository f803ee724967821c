package dev.keycard.input;

/**
 * The part of a caller's message that holds the input: the message itself, or the body of a fenced
 * Markdown block, with the fence's language tag when it had one.
 */
public record Snippet(Source source, String language) {}
