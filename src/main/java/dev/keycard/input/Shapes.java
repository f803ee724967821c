package dev.keycard.input;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import dev.keycard.input.Lines.Line;
import dev.keycard.model.Diagnostic;
import dev.keycard.model.Span;

/**
 * Says what a text that holds no container spec looks like, so that the caller is told "this is a
 * GitHub Actions workflow" rather than "no services found": a {@code kubectl} or other {@code
 * docker} command, a Dockerfile, a Kubernetes manifest, a GitHub Actions workflow, a GitLab CI
 * file, an Ansible playbook, another YAML document, or prose. Read from the text's lines only
 * (linear; nothing is parsed).
 */
public final class Shapes {
  /** The diagnostic code of an input that is no container spec at all. */
  public static final String NOT_A_SPEC = "input_not_a_container_spec";

  private static final String READS =
      "Keycard reads docker run commands, Docker Compose files and Docker Engine API bodies, as"
          + " they are or in a Markdown code block";

  private static final Pattern KUBECTL = Pattern.compile("^(?:sudo[ \\t]+)?(?:\\S*/)?kubectl\\b");
  private static final Pattern COMPOSE_COMMAND =
      Pattern.compile("^(?:sudo[ \\t]+)?(?:\\S*/)?(?:docker|podman)(?:[ \\t]+compose|-compose)\\b");
  private static final Pattern OTHER_DOCKER =
      Pattern.compile("^(?:sudo[ \\t]+)?(?:\\S*/)?(docker|podman)[ \\t]+(?:container[ \\t]+)?([a-z][a-z-]*)");
  private static final Pattern DOCKERFILE = Pattern.compile("^FROM[ \\t]+\\S");
  private static final Pattern PROMPT = Pattern.compile("^[ \\t]*(?:[$>#][ \\t]+)?");
  private static final Pattern KEY = Pattern.compile("^([A-Za-z0-9_.\"'-]+)[ \\t]*:(?:[ \\t]|$)");
  private static final Pattern KIND = Pattern.compile("(?m)^kind:[ \\t]*([A-Za-z]+)");

  private Shapes() {}

  /** What the text looks like, as a noun phrase: {@code a GitHub Actions workflow}. */
  public static String describe(String text) {
    boolean apiVersion = false;
    boolean kind = false;
    boolean jobs = false;
    boolean on = false;
    boolean stages = false;
    boolean script = false;
    boolean hosts = false;
    int keys = 0;
    boolean nested = false;
    String first = null;
    for (Line l : Lines.of(text)) {
      dev.keycard.budget.Budget.current().tick();
      String t = l.text(text);
      String s = t.strip();
      if (s.isEmpty() || s.startsWith("#")) {
        continue;
      }
      if (first == null) {
        first = t;
      }
      Matcher k = KEY.matcher(t);
      nested |= (t.startsWith(" ") || t.startsWith("\t")) && (KEY.matcher(s).find() || s.startsWith("- "));
      if (k.find()) {
        keys++;
        switch (k.group(1).replace("\"", "").replace("'", "")) {
          case "apiVersion" -> apiVersion = true;
          case "kind" -> kind = true;
          case "jobs" -> jobs = true;
          case "on", "true" -> on = true;
          case "stages" -> stages = true;
          default -> {}
        }
      }
      script |= s.startsWith("script:") || s.startsWith("- script:");
      hosts |= s.startsWith("- hosts:") || s.startsWith("hosts:");
    }
    if (first == null) {
      return "empty: there is nothing in it to check";
    }
    String command = first.substring(prompt(first));
    if (KUBECTL.matcher(command).find()) {
      return "a kubectl command (Kubernetes), not a docker run command";
    }
    if (COMPOSE_COMMAND.matcher(command).find()) {
      return "a docker compose command: send the compose file itself";
    }
    Matcher docker = OTHER_DOCKER.matcher(command);
    if (docker.find()) {
      return "a '" + docker.group(1) + " " + docker.group(2) + "' command, which creates no container";
    }
    if (DOCKERFILE.matcher(command).find()) {
      return "a Dockerfile: send it as files.Dockerfile, with the compose file or docker run command"
          + " that runs its image";
    }
    if (apiVersion && kind) {
      Matcher m = KIND.matcher(text);
      return "a Kubernetes manifest" + (m.find() ? " (kind: " + m.group(1) + ")" : "");
    }
    if (jobs && on) {
      return "a GitHub Actions workflow";
    }
    if (stages || (script && !hosts)) {
      return "a GitLab CI configuration";
    }
    if (hosts) {
      return "an Ansible playbook";
    }
    if (first.startsWith("- ")) {
      return "a YAML list, not a compose file";
    }
    if (keys >= 2 || (keys == 1 && nested)) {
      return "a YAML document without compose services (no services: and no service with an"
          + " image or a build)";
    }
    return "prose: it holds no docker run command, compose file or engine-api body";
  }

  /** The error for a text that holds no container spec, at its first line. */
  public static Diagnostic notASpec(String what, Span at) {
    return Diagnostic.error(NOT_A_SPEC, "not a container spec: this looks like " + what + ". " + READS + ".", at);
  }

  /** The error for a text that holds no container spec, described from the text itself. */
  public static Diagnostic notASpec(Source source) {
    String text = source.text();
    int start = 0;
    while (start < text.length() && Character.isWhitespace(text.charAt(start))) {
      start++;
    }
    int end = text.indexOf('\n', start);
    end = end < 0 ? text.length() : end;
    return notASpec(describe(text), source.span(start, Math.max(start, end)));
  }

  private static int prompt(String line) {
    Matcher m = PROMPT.matcher(line);
    return m.find() ? m.end() : 0;
  }
}
