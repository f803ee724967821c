package dev.keycard.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** The JSON request body of parse / evaluate / fix, field names as in API.md. */
public record RequestBody(
    JsonNode input,
    String format,
    String ruleset,
    Map<String, String> files,
    Map<String, String> variables,
    JsonNode rules,
    JsonNode exclude,
    String failOn,
    String onUnknown,
    String filename,
    String uri) {}
