/**
 * Composes the stages (input → model → policy/engine → remediation → report) into the operations
 * the API offers. The only package that knows every stage.
 */
package dev.keycard.pipeline;
