/**
 * Stage 5: views of one evaluation for each caller: the native JSON response here; SARIF, JUnit,
 * Markdown and LSP views build on the same {@link dev.keycard.pipeline.Evaluation}.
 */
package dev.keycard.report;
