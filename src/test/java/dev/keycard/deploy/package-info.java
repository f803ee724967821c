/** Keycard checks its own deploy/ files: the service practises what it preaches. */
package dev.keycard.deploy;
