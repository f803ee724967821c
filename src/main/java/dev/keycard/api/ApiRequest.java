package dev.keycard.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keycard.pipeline.InputRequest;

/** A request as read from HTTP: the input plus the evaluation options, whichever way they came. */
public record ApiRequest(
    InputRequest input,
    String ruleset,
    JsonNode rules,
    JsonNode exclude,
    String failOn,
    String onUnknown,
    String filename,
    String uri) {}
