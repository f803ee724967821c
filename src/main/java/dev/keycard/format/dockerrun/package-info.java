/**
 * The {@code docker run} input format: pasted command lines are split into words as POSIX {@code
 * sh} would ({@link dev.keycard.format.dockerrun.ShellLexer}), the command prefix ({@code sudo},
 * {@code docker container run}, {@code podman run}) is recognised, options are read as spf13/pflag
 * reads them for docker/cli (flag table generated from the shared reference), and the flags are
 * mapped onto the canonical {@link dev.keycard.model.Container}, each setting with the span of the
 * flag and value that set it.
 */
package dev.keycard.format.dockerrun;
