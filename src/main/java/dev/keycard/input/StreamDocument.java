package dev.keycard.input;

import dev.keycard.model.Span;

/**
 * One document of an input that holds several (a Kubernetes {@code ---} stream): its index, counted
 * from 0 in written order as the input's JSON Pointers count it, and where it stands in the text.
 */
public record StreamDocument(int index, Span span) {}
