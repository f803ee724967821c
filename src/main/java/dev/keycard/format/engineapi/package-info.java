/**
 * The {@code engine-api} input format: Docker Engine API create bodies and {@code docker inspect}
 * output, read with positions into the canonical container model.
 *
 * <p>Settings are located under model paths in snake case ({@code privileged}, {@code cap_add[1]},
 * {@code mounts[0].source}, {@code security_opt[0]}, {@code ports[0]}, {@code environment.NAME});
 * each origin is the RFC 6901 pointer into the document as sent plus the span of {@code "Key":
 * value} for a whole field or of the element alone for a list element.
 */
package dev.keycard.format.engineapi;
