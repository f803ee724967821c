/**
 * The Docker Compose input format: YAML with positions, anchors, merges, same-file {@code extends}
 * and caller-supplied interpolation, read into the canonical container model.
 */
package dev.keycard.format.compose;
