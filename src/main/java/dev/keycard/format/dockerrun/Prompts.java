package dev.keycard.format.dockerrun;

import java.util.List;

/**
 * Chat-style prompts pasted in front of a command: {@code $ docker run ...}, or {@code # docker run
 * ...} (a root prompt, told apart from a comment by the command that follows it).
 */
final class Prompts {
  private static final List<String> COMMAND_STARTS = List.of("docker", "sudo", "podman", "/");

  private Prompts() {}

  /** The offset after the prompt that starts the line at {@code pos}, or {@code pos} if none. */
  static int skip(String s, int pos) {
    int i = pos;
    while (i < s.length() && isBlank(s.charAt(i))) {
      i++;
    }
    if (i + 1 >= s.length() || (s.charAt(i) != '$' && s.charAt(i) != '#')) {
      return pos;
    }
    boolean hash = s.charAt(i) == '#';
    int j = i + 1;
    if (!isBlank(s.charAt(j))) {
      return pos;
    }
    while (j < s.length() && isBlank(s.charAt(j))) {
      j++;
    }
    int command = j;
    if (hash && COMMAND_STARTS.stream().noneMatch(w -> s.startsWith(w, command))) {
      return pos; // an ordinary comment line
    }
    return command;
  }

  private static boolean isBlank(char c) {
    return c == ' ' || c == '\t';
  }
}
