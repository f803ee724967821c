package dev.keycard.model;

/** A tmpfs mount by path, with its raw mount options (null when none were given). */
public record Tmpfs(String target, String options) {}
