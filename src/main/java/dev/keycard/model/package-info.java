/**
 * The canonical container model every input format is normalised into: immutable records, each
 * setting remembering where it came from in the submitted text. Imports nothing of ours and no
 * framework.
 */
package dev.keycard.model;
