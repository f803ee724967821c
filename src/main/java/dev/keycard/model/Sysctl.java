package dev.keycard.model;

/** A namespaced kernel parameter set for the container. */
public record Sysctl(String name, String value) {}
