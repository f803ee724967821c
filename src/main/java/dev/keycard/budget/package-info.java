/**
 * One budget per request: a deadline that every stage checks ({@link dev.keycard.budget.Budget}),
 * so that a deadline stops work instead of abandoning a thread, and the caps on what a request may
 * cause ({@link dev.keycard.budget.Caps}), each refused with a {@link
 * dev.keycard.budget.LimitExceeded} that names it. Imports nothing of ours and no framework, so
 * that every stage may use it.
 */
package dev.keycard.budget;
