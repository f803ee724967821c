/**
 * Composes the stages (input → model → policy/engine → remediation → report) into the operations
 * the API offers, behind one facade ({@link dev.keycard.pipeline.Keycard}). The only package that
 * knows every stage.
 */
package dev.keycard.pipeline;
