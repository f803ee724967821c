package dev.keycard.pipeline;

import dev.keycard.input.ParsedInput;
import dev.keycard.input.Source;
import dev.keycard.input.dockerfile.DockerfileUser;
import dev.keycard.model.Container;
import dev.keycard.model.Origin;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Applies companion files to parsed containers: a Dockerfile (the one a compose service's {@code
 * build.dockerfile} names, else {@code Dockerfile}) tells the image's default user. Files are only
 * ever the caller's; nothing is read from disk. Each file is read once per call, and what their
 * {@code ARG}/{@code ENV} substitution produces counts against one {@code max-expanded-value}.
 */
public final class Companions {
  private Companions() {}

  /** The parsed input with each container's image user taken from its Dockerfile, if sent. */
  public static ParsedInput apply(ParsedInput parsed, Map<String, String> files) {
    if (files.isEmpty()) {
      return parsed;
    }
    List<Container> out = new ArrayList<>();
    // a thousand services built from one Dockerfile read it once
    Map<String, Optional<DockerfileUser>> read = new HashMap<>();
    DockerfileUser.Reader reader = DockerfileUser.reader();
    for (Container c : parsed.containers()) {
      String name = c.dockerfile() != null ? c.dockerfile() : "Dockerfile";
      String text = files.get(name);
      if (text == null && c.dockerfile() != null) {
        text = files.get(baseName(c.dockerfile()));
      }
      if (text == null) {
        out.add(c);
        continue;
      }
      String file = text;
      Optional<DockerfileUser> user =
          read.computeIfAbsent(file, t -> reader.read(Source.of(t)));
      out.add(
          user.isEmpty()
              ? c
              : c.withImageUser(user.get().user(), new Origin("/files/" + name, null)));
    }
    return parsed.withContainers(out);
  }

  private static String baseName(String path) {
    int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
    return slash < 0 ? path : path.substring(slash + 1);
  }
}
