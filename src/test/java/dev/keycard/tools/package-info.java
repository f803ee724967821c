/** Developer tools that run from the test classpath: the real-world corpus report. */
package dev.keycard.tools;
