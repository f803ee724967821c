/**
 * Stage 1 of the pipeline: detect the input format and parse it, with source positions, into the
 * canonical {@link dev.keycard.model.Container} model. One sub-package per format; parsers never
 * throw on bad input, they return positioned {@link dev.keycard.model.Diagnostic}s.
 */
package dev.keycard.input;
