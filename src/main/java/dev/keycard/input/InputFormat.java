package dev.keycard.input;

import java.util.Set;

/**
 * One input format Keycard reads, as the input stage and the views see it: its name, how to tell
 * it from the others, its parser, and how the views name and fence it. Every format is one package
 * under {@code dev.keycard.format} that implements this (through {@code dev.keycard.format.Format},
 * which adds its fix renderer), and the registry {@code dev.keycard.format.Formats} lists them;
 * nothing else names a format. Instances are singletons, compared by identity.
 */
public interface InputFormat {
  /** How the format is named and fenced. */
  Names names();

  /** The API name: the {@code format} request field and {@code /v1/parse} value ({@code compose}). */
  default String apiName() {
    return names().apiName();
  }

  /** The format's name for people ({@code Docker Compose}), as headings in the docs say it. */
  default String title() {
    return names().title();
  }

  /** The Markdown fence language of a snippet in this format ({@code yaml}, {@code sh}). */
  default String language() {
    return names().language();
  }

  /** The file extension of an input in this format, without the dot ({@code yaml}). */
  default String extension() {
    return names().extension();
  }

  /** The file name a unified diff of a fixed input names ({@code docker-compose.yml}). */
  default String fixFileName() {
    return names().fixFileName();
  }

  /**
   * The Markdown fence languages that name this format ({@code yaml}, {@code compose}); a language
   * several formats claim is decided by the text ({@link #detect}).
   */
  default Set<String> fenceLanguages() {
    return names().fenceLanguages();
  }

  /** How sure this format is that {@code text} (one document, no fence) is in it, and why. */
  Guess detect(String text);

  /** The format's parser. */
  InputParser parser();

  /**
   * The documents of {@code input} when it holds several (a stream), in order; empty for an input
   * of one document, which is every format's but a stream format's. The SARIF view lists each as an
   * artifact of its own inside the input's file.
   */
  default java.util.List<StreamDocument> documents(ParsedInput input) {
    return java.util.List.of();
  }

  /**
   * Whether this format reads shell command lines ({@code docker run ...}): the chat reader hands it
   * the command lines it finds in prose, and a fix also answers with the fixed command.
   */
  default boolean readsCommands() {
    return false;
  }

  /**
   * Whether a block of a chat message without a language tag holds a document in this format by
   * the format's own markers ({@code services:}, {@code image:}), not by its shape alone: most
   * YAML in a chat message is no container spec.
   */
  default boolean claimsBlock(String text) {
    return false;
  }

  /**
   * Who starts this format's containers and refuses a sysctl it cannot set in them, for the
   * warning that says so ({@code Docker}; {@code the kubelet} for Kubernetes, which rejects the pod).
   */
  default String runtime() {
    return "Docker";
  }

  /** The names of a format: see the methods of the same names. */
  record Names(
      String apiName,
      String title,
      String language,
      String extension,
      String fixFileName,
      Set<String> fenceLanguages) {
    public Names {
      fenceLanguages = Set.copyOf(fenceLanguages);
    }
  }

  /**
   * A format's confidence that a text is in it, from 0 (it is not) to 100, and the reason in a few
   * words: high when the text carries the format's own markers (a top-level {@code services} key, a
   * {@code docker run} command), low when only its shape fits (a YAML mapping, a JSON object).
   */
  record Guess(int confidence, String reason) {
    public static final Guess NONE = new Guess(0, "");

    /** From here on a format is sure: the text carries markers no other format's text has. */
    public static final int SURE = 90;

    public Guess {
      if (confidence < 0 || confidence > 100) {
        throw new IllegalArgumentException("confidence out of 0..100: " + confidence);
      }
    }

    public boolean matches() {
      return confidence > 0;
    }
  }
}
