package dev.keycard.input;

/** The format Keycard decided an input is in, and the snippet of the message it will parse. */
public record Detection(InputFormat format, Snippet snippet) {}
