/**
 * Stage 4: a rule's canonical fix operations rendered back into the input's own format, as RFC 6902
 * JSON Patch operations on the input document and as text edits on the submitted text that keep
 * everything else byte for byte (and, for {@code docker run}, the rewritten command line). One
 * renderer per input format; adding a format means adding its parser and its renderer.
 */
package dev.keycard.remediation;
