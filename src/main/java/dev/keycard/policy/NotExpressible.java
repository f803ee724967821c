package dev.keycard.policy;

/**
 * An input format in which a rule's concept cannot be written ({@code kubernetes} has no
 * per-container PID limit): the rule has no failing example in that format, must not fire on its
 * containers, and its help page says why ({@code reason}). Declared in the rule's companion
 * example file ({@code policies/examples/}), at {@code at}.
 */
public record NotExpressible(String format, String reason, SourceRef at) {}
