package dev.keycard.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fenced blocks of a Markdown document, each with the HTML comment that marks it ({@code <!--
 * example -->}, {@code <!-- recipe: gitlab report=keycard-junit.xml -->}, {@code <!-- file:
 * docker-compose.yml -->}, {@code <!-- not-run: why -->}) when one stands right before it (blank
 * lines between are allowed), so that tests can run what the README shows.
 */
final class Readme {
  static final Path README = Path.of("README.md");

  private static final Pattern MARKER = Pattern.compile("^<!--\\s*([a-z-]+)(?::\\s*(.*?))?\\s*-->$");

  private Readme() {}

  /** A fenced block: its marker kind and argument (null when unmarked), language and text. */
  record Block(String kind, String argument, String lang, String text, int line) {
    boolean marked(String k) {
      return k.equals(kind);
    }

    /** {@code key=value} words of the marker's argument after its first word. */
    Map<String, String> attributes() {
      Map<String, String> out = new LinkedHashMap<>();
      if (argument == null) {
        return out;
      }
      for (String word : argument.trim().split("\\s+")) {
        int eq = word.indexOf('=');
        if (eq > 0) {
          out.put(word.substring(0, eq), word.substring(eq + 1));
        }
      }
      return out;
    }

    /** The marker argument's first word (a recipe's name, a file's name). */
    String name() {
      return argument == null ? "" : argument.trim().split("\\s+")[0];
    }

    @Override
    public String toString() {
      return "README.md:" + line + " (" + (kind == null ? "unmarked" : kind) + " " + lang + ")";
    }
  }

  static List<Block> blocks(Path markdown) throws IOException {
    List<String> lines = Files.readAllLines(markdown, StandardCharsets.UTF_8);
    List<Block> out = new ArrayList<>();
    String kind = null;
    String argument = null;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      Matcher m = MARKER.matcher(line.trim());
      if (m.matches()) {
        kind = m.group(1);
        argument = m.group(2);
        continue;
      }
      if (line.startsWith("```")) {
        String lang = line.substring(3).trim();
        StringBuilder text = new StringBuilder();
        int start = i + 1;
        for (i++; i < lines.size() && !lines.get(i).startsWith("```"); i++) {
          text.append(lines.get(i)).append('\n');
        }
        if (i == lines.size()) {
          throw new IllegalStateException("README.md:" + start + ": unclosed fenced block");
        }
        out.add(new Block(kind, argument, lang, text.toString(), start));
        kind = null;
        argument = null;
        continue;
      }
      if (!line.isBlank()) {
        kind = null; // a marker applies only to the block right after it
        argument = null;
      }
    }
    return out;
  }

  /** What one shell run printed and returned. */
  record Run(int exit, String stdout, String stderr) {}

  /**
   * Runs {@code script} with {@code bash -euo pipefail} in {@code dir}, with {@code KEYCARD_URL}
   * set, for at most a minute.
   */
  static Run bash(String script, Path dir, String keycardUrl) throws IOException, InterruptedException {
    Path file = Files.createTempFile(dir.getParent(), "recipe", ".sh");
    Files.writeString(file, script, StandardCharsets.UTF_8);
    Path out = Files.createTempFile(dir.getParent(), "out", ".txt");
    Path err = Files.createTempFile(dir.getParent(), "err", ".txt");
    ProcessBuilder pb = new ProcessBuilder("bash", "-euo", "pipefail", file.toString());
    pb.directory(dir.toFile());
    pb.environment().put("KEYCARD_URL", keycardUrl);
    // A cold test service on a busy machine may answer 503 evaluation_timeout with Retry-After:
    // curl tries again then, as a reader would; nothing else about the commands changes.
    Path curlHome = Files.createTempDirectory(dir.getParent(), "curl");
    Files.writeString(curlHome.resolve(".curlrc"), "retry = 3\n", StandardCharsets.UTF_8);
    pb.environment().put("CURL_HOME", curlHome.toString());
    pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    pb.redirectOutput(out.toFile());
    pb.redirectError(err.toFile());
    Process p = pb.start();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("the script did not finish within 60 s:\n" + script);
    }
    return new Run(
        p.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  /**
   * Sends a request again while it answers 503 with {@code Retry-After} (a cold test service on a
   * busy machine runs out of its deadline), as that answer advises; at most four tries.
   */
  static io.restassured.response.Response retrying(
      java.util.function.Supplier<io.restassured.response.Response> request)
      throws InterruptedException {
    io.restassured.response.Response r = request.get();
    for (int attempt = 1; attempt < 4 && r.statusCode() == 503 && r.header("Retry-After") != null; attempt++) {
      Thread.sleep(1000);
      r = request.get();
    }
    return r;
  }

  /** Fails with a clear message when a tool the README's shell needs is not installed. */
  static void requireTools(String... tools) throws IOException, InterruptedException {
    for (String tool : tools) {
      Process p = new ProcessBuilder("bash", "-c", "command -v " + tool).start();
      if (p.waitFor() != 0) {
        throw new AssertionError(
            tool + " is not installed: the README's recipes and examples need it (.ci/run installs it)");
      }
    }
  }
}
