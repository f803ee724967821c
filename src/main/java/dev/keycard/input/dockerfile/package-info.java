/**
 * Dockerfiles as companion files: not an input format, but the source of the image's default user
 * when the container itself does not set one.
 */
package dev.keycard.input.dockerfile;
