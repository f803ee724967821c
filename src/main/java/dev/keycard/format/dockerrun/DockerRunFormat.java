package dev.keycard.format.dockerrun;

import com.google.re2j.Pattern;
import dev.keycard.format.BaseFormat;
import dev.keycard.input.FormatDetector;
import dev.keycard.input.SnippetExtractor;
import java.util.Set;

/** {@code docker run}, {@code docker create} and {@code podman run} command lines. */
public final class DockerRunFormat extends BaseFormat {
  private static final Pattern COMMAND_WORD =
      Pattern.compile(
          "[ \\t\\n\\x0B\\f\\r]*(?:[$#>][ \\t\\n\\x0B\\f\\r]+)?(?:sudo[ \\t\\n\\x0B\\f\\r]+)?[^ \\t\\n\\x0B\\f\\r]*(?:docker|podman)\\b");
  private static final Guess COMMAND = new Guess(80, "a first line that runs docker or podman");

  private static final Names NAMES =
      new Names(
          "docker-run", "docker run", "sh", "sh", "command.sh",
          Set.of("bash", "sh", "shell", "console", "shell-session", "zsh"));

  public static final DockerRunFormat INSTANCE = new DockerRunFormat();

  private DockerRunFormat() {
    super(NAMES, new DockerRunParser(), new DockerRunRenderer(), Flags.sources());
  }

  @Override
  public Guess detect(String text) {
    String t = FormatDetector.withoutBom(text);
    if (FormatDetector.isJson(t)) {
      return Guess.NONE;
    }
    String first = FormatDetector.firstMeaningfulLine(t);
    if (first != null
        && (SnippetExtractor.startsCommand(first) || COMMAND_WORD.matcher(first).lookingAt())) {
      return COMMAND;
    }
    return Guess.NONE;
  }

  @Override
  public boolean readsCommands() {
    return true;
  }
}
