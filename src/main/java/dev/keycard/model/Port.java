package dev.keycard.model;

/**
 * A published port. {@code hostIp} null means every interface; {@code hostPort} null means an
 * ephemeral host port. Ranges keep their ends ({@code 8000-8010:8000-8010}); a single port has
 * equal start and end.
 */
public record Port(
    String hostIp,
    Integer hostPort,
    Integer hostPortEnd,
    Integer containerPort,
    Integer containerPortEnd,
    String protocol) {}
