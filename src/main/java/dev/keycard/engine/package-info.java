/**
 * The rule gate: every rule expression and message template, shipped or caller-sent, is lexed and
 * parsed by Keycard's own strict grammar, re-emitted as canonical MVEL, compiled under a locked
 * MVEL context, checked node by node and evaluated read-only over a frozen container.
 *
 * <p>Entry points: {@link dev.keycard.engine.RuleCompiler} (compile), {@link
 * dev.keycard.engine.Program} and {@link dev.keycard.engine.Template} (evaluate), {@link
 * dev.keycard.engine.FrozenModel} (input), {@link dev.keycard.engine.Evaluator} (deadline), {@link
 * dev.keycard.engine.Helpers} (function registry). The language is documented in {@code
 * docs/rule-language.md}; the design in {@code mvel-sandbox.md} section 3.
 */
package dev.keycard.engine;
