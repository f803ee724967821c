package dev.keycard.api;

import dev.keycard.pipeline.InputRequest;
import dev.keycard.pipeline.Keycard;

/**
 * A request as read from HTTP: the input, the evaluation options as sent (whichever way they came)
 * and the file name and URI the views name the input by.
 */
public record ApiRequest(InputRequest input, Keycard.Sent sent, String filename, String uri) {}
