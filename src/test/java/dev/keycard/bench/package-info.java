/** JMH benchmarks; run with the {@code bench} profile, never by {@code verify}. */
package dev.keycard.bench;
