/**
 * The REST layer: thin resources that translate HTTP (content types, limits, problem+json errors)
 * into one call of the pipeline's facade ({@link dev.keycard.pipeline.Keycard}) and back. No policy
 * logic lives here.
 */
package dev.keycard.api;
