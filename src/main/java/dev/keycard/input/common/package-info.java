/**
 * Value syntaxes shared by every input format (capability names, security options, users, sizes,
 * port / volume / device specs), so that {@code -p 80:80} and {@code ports: ["80:80"]} are read by
 * the same code and mean the same thing.
 */
package dev.keycard.input.common;
