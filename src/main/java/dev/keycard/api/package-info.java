/**
 * The REST layer: thin resources that translate HTTP (content types, limits, problem+json errors)
 * into calls of the {@link dev.keycard.pipeline} and back. No policy logic lives here.
 */
package dev.keycard.api;
