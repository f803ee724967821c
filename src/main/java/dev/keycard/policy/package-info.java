/**
 * Rule files and rule sets as data: reading them (with {@code file:line:col} for every problem),
 * versions and selection ({@code name@1}), content digests and the release lock that keeps a
 * released version immutable. Compiling the expressions is the engine's job.
 */
package dev.keycard.policy;
