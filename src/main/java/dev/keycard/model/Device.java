package dev.keycard.model;

/**
 * A host device mapped into the container ({@code /dev/fuse:/dev/fuse:rwm}), or a CDI device name
 * in {@code source} with a null target.
 */
public record Device(String source, String target, String permissions) {}
