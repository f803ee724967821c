package dev.keycard.input;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import dev.keycard.input.Lines.Line;
import dev.keycard.model.Diagnostic;
import dev.keycard.model.DiagnosticCode;
import dev.keycard.model.Span;

/**
 * Says what a text that holds no container spec looks like, so that the caller is told "this is a
 * GitHub Actions workflow" rather than "no services found": a {@code kubectl} or other {@code
 * docker} command, a Dockerfile, a Kubernetes manifest, a GitHub Actions workflow, a GitLab CI
 * file, an Ansible playbook, another YAML document, or prose. Read from the text's lines only
 * (linear; nothing is parsed).
 */
public final class Shapes {
  private static final String READS =
      "Keycard reads docker run commands, Docker Compose files, Docker Engine API bodies and"
          + " Kubernetes manifests, as they are or in a Markdown code block";

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

  private static final Pattern JSON_API_VERSION = Pattern.compile("\"apiVersion\"\\s*:");
  private static final Pattern JSON_KIND = Pattern.compile("\"kind\"\\s*:\\s*\"([A-Za-z]+)\"");

  /** What the text looks like, as a noun phrase: {@code a GitHub Actions workflow}. */
  public static String describe(String text) {
    String known = recognised(text);
    return known != null ? known : generic(text);
  }

  /**
   * What the text is, when it is one of the kinds of document that are surely no container spec
   * (a {@code kubectl} or other command, a Dockerfile, a Kubernetes manifest, a GitHub Actions
   * workflow, a GitLab CI file, an Ansible playbook); null for anything else. For a text whose YAML
   * is broken too (a Kubernetes stream of several documents): the kind says more than the syntax
   * error.
   */
  public static String recognised(String text) {
    String t = text.stripLeading();
    if (t.startsWith("{")) {
      Matcher kind = JSON_KIND.matcher(t);
      if (JSON_API_VERSION.matcher(t).find() && kind.find()) {
        return kubernetes(kind.group(1));
      }
    }
    return lines(text, true);
  }

  /**
   * The Kubernetes description of a manifest of kind {@code kind} (null when unknown), reached when
   * the caller asked for another format: it says to send it as a manifest.
   */
  public static String kubernetes(String kind) {
    return "a Kubernetes manifest"
        + (kind == null ? "" : " (kind: " + kind + ")")
        + ", not this format: send it with format=kubernetes, or without format";
  }

  private static String generic(String text) {
    String t = text.stripLeading();
    if (t.startsWith("{") || t.startsWith("[")) {
      return "JSON without compose services (no \"services\" object): an engine-api body is read"
          + " as one without format=compose";
    }
    return lines(text, false);
  }

  private static String lines(String text, boolean recognisedOnly) {
    boolean apiVersion = false;
    boolean kind = false;
    boolean jobs = false;
    boolean on = false;
    boolean stages = false;
    boolean script = false;
    boolean hosts = false;
    boolean runsOn = false;
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
      runsOn |= s.startsWith("runs-on:");
    }
    if (first == null) {
      return recognisedOnly ? null : "empty: there is nothing in it to check";
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
      String verb = docker.group(2);
      if (verb.equals("run") || verb.equals("create")) {
        // reached only when the caller asked for another format (format=compose)
        return "a " + docker.group(1) + " " + verb + " command, not a compose file: send it with"
            + " format=docker-run, or without format";
      }
      return "a '" + docker.group(1) + " " + verb + "' command, which creates no container";
    }
    if (DOCKERFILE.matcher(command).find()) {
      return "a Dockerfile: send it as files.Dockerfile, with the compose file or docker run command"
          + " that runs its image";
    }
    if (apiVersion && kind) {
      Matcher m = KIND.matcher(text);
      return kubernetes(m.find() ? m.group(1) : null);
    }
    if (jobs && (on || runsOn)) {
      return "a GitHub Actions workflow";
    }
    if (stages || (script && !hosts)) {
      return "a GitLab CI configuration";
    }
    if (hosts) {
      return "an Ansible playbook";
    }
    if (recognisedOnly) {
      return null;
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
    return Diagnostic.of(
        DiagnosticCode.INPUT_NOT_A_CONTAINER_SPEC,
        "not a container spec: this looks like " + what + ". " + READS + ".",
        at);
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
