/**
 * Stage 5: views of one evaluation for each caller: the native JSON response ({@link
 * dev.keycard.report.JsonReport}), SARIF 2.1.0 for code scanning ({@link
 * dev.keycard.report.SarifReport}), JUnit XML for CI test reports ({@link
 * dev.keycard.report.JunitReport}), Markdown for chat ({@link dev.keycard.report.MarkdownReport}) and
 * LSP diagnostics with code actions for IDEs ({@link dev.keycard.report.LspReport}); each a pure
 * function of the same {@link dev.keycard.pipeline.Evaluation} and its verified fixes.
 */
package dev.keycard.report;
