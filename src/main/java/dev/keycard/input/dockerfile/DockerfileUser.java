package dev.keycard.input.dockerfile;

import dev.keycard.budget.Budget;
import dev.keycard.input.Source;
import dev.keycard.model.Span;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The user a Dockerfile's image runs as: the last {@code USER} of the final stage, or, when that
 * stage has none and is built {@code FROM} an earlier stage, that stage's user. Unknown (empty)
 * when the user comes from a base image, or from a variable only the build knows.
 *
 * <p>{@code ARG} and {@code ENV} values written in the Dockerfile are substituted ({@code ENV} wins
 * over {@code ARG}, as in BuildKit); {@code ARG} defaults are taken as written, although a {@code
 * --build-arg} could override them. Nothing is read from the server's environment. What
 * substitution produces, with what a stage copies from the stage it is built from, is bounded by
 * {@code max-expanded-value} for the whole Dockerfile (413 past it).
 *
 * @param user the user as the image config would hold it ({@code app}, {@code 1000:1000})
 * @param span where its value is written in the Dockerfile (null for a source without spans)
 */
public record DockerfileUser(String user, Span span) {

  /** Whether {@code user} is root: {@code root} or uid 0, with any group. */
  public boolean isRoot() {
    return isRoot(user);
  }

  /** Whether a {@code user[:group]} string names root. */
  public static boolean isRoot(String user) {
    if (user == null) {
      return false;
    }
    String u = user.strip();
    int colon = u.indexOf(':');
    u = colon < 0 ? u : u.substring(0, colon);
    return u.equals("root")
        || (!u.isEmpty() && u.length() <= 10 && u.chars().allMatch(c -> c == '0'));
  }

  /** The final stage's effective user of the Dockerfile {@code source}, if it can be known. */
  public static Optional<DockerfileUser> of(Source source) {
    return reader().read(source);
  }

  /**
   * A reader for the Dockerfiles of one request: what substitution produces in all of them counts
   * against one {@code max-expanded-value}, so that a thousand companion files do not each get
   * the whole allowance.
   */
  public static Reader reader() {
    return new Reader(Words.Expansion.ofRequest());
  }

  /** Reads Dockerfiles under one shared expansion allowance. */
  public static final class Reader {
    private final Words.Expansion expansion;

    private Reader(Words.Expansion expansion) {
      this.expansion = expansion;
    }

    /** The final stage's effective user of the Dockerfile {@code source}, if it can be known. */
    public Optional<DockerfileUser> read(Source source) {
      DockerfileLexer.Lexed lexed = DockerfileLexer.lex(source.text());
      return new Walker(source, lexed.escape(), expansion).walk(lexed.instructions());
    }
  }

  /** The final stage's effective user of a Dockerfile given as text. */
  public static Optional<DockerfileUser> of(String dockerfile) {
    return of(Source.of(dockerfile));
  }

  /** Runs through the instructions, keeping each stage's variables and effective user. */
  private static final class Walker {
    private final Source source;
    private final char escape;
    private final Map<String, String> globalArgs = new HashMap<>();
    private final Map<String, Stage> byName = new HashMap<>();
    private final List<Stage> stages = new ArrayList<>();
    private final Words.Expansion expansion;

    Walker(Source source, char escape, Words.Expansion expansion) {
      this.source = source;
      this.escape = escape;
      this.expansion = expansion;
    }

    Optional<DockerfileUser> walk(List<Instruction> instructions) {
      Stage stage = null;
      for (Instruction ins : instructions) {
        Budget.current().tick();
        switch (ins.keyword()) {
          case "FROM" -> stage = from(ins);
          case "ARG" -> arg(ins, stage);
          case "ENV" -> {
            if (stage != null) {
              env(ins, stage);
            }
          }
          case "USER" -> {
            if (stage != null) {
              user(ins, stage);
            }
          }
          default -> {
            // no other instruction changes the user
          }
        }
      }
      return stage == null ? Optional.empty() : Optional.ofNullable(stage.user);
    }

    private Stage from(Instruction ins) {
      Words words = new Words(escape, name -> lookup(globalArgs, name), expansion);
      List<String> parts = new ArrayList<>();
      for (String w : words.split(ins.args())) {
        if (!w.startsWith("--")) {
          parts.add(w);
        }
      }
      String image = parts.isEmpty() ? null : words.expand(parts.get(0));
      Stage parent = image == null ? null : byName.get(image.toLowerCase(Locale.ROOT));
      Stage stage = new Stage(parent, expansion);
      if (parent == null && "scratch".equals(image)) {
        // an image built from nothing has no configured user, and an empty user is root
        stage.user =
            new DockerfileUser("root", source.span(ins.start(), ins.offset(ins.args().length())));
      }
      if (parts.size() >= 3 && parts.get(1).equalsIgnoreCase("AS")) {
        byName.put(parts.get(2).toLowerCase(Locale.ROOT), stage);
      }
      stages.add(stage);
      return stage;
    }

    private void arg(Instruction ins, Stage stage) {
      Map<String, String> into = stage == null ? globalArgs : stage.args;
      Words words =
          new Words(
              escape,
              name -> stage == null ? lookup(globalArgs, name) : stage.lookup(name),
              expansion);
      for (String w : words.split(ins.args())) {
        int eq = w.indexOf('=');
        String name = eq < 0 ? w : w.substring(0, eq);
        String value;
        if (eq >= 0) {
          value = words.expand(w.substring(eq + 1));
        } else {
          // a bare ARG in a stage takes the global default, else whatever --build-arg says
          value = stage == null ? null : globalArgs.get(name);
        }
        into.put(name, value);
      }
    }

    private void env(Instruction ins, Stage stage) {
      Words words = new Words(escape, stage::lookup, expansion);
      List<String> parts = words.split(ins.args());
      if (parts.isEmpty()) {
        return;
      }
      if (parts.get(0).indexOf('=') < 0) {
        // legacy "ENV NAME value with spaces": everything after the name is the value
        String rest =
            ins.args().substring(ins.args().indexOf(parts.get(0)) + parts.get(0).length());
        stage.env.put(parts.get(0), words.expand(rest.strip()));
        return;
      }
      for (String w : parts) {
        int eq = w.indexOf('=');
        if (eq > 0) {
          stage.env.put(w.substring(0, eq), words.expand(w.substring(eq + 1)));
        }
      }
    }

    private void user(Instruction ins, Stage stage) {
      String value = new Words(escape, stage::lookup, expansion).expand(ins.args());
      stage.user =
          value == null || value.isEmpty()
              ? null
              : new DockerfileUser(
                  value, source.span(ins.offset(0), ins.offset(ins.args().length())));
    }

    private static Words.Lookup lookup(Map<String, String> vars, String name) {
      if (!vars.containsKey(name)) {
        return Words.Lookup.UNDECLARED;
      }
      String v = vars.get(name);
      return v == null ? Words.Lookup.UNKNOWN : Words.Lookup.of(v);
    }
  }

  /** One build stage: its ARGs, its ENV (inherited from a parent stage) and its user so far. */
  private static final class Stage {
    final Map<String, String> args = new LinkedHashMap<>();
    final Map<String, String> env = new LinkedHashMap<>();
    DockerfileUser user;

    /**
     * A stage built {@code FROM} {@code parent} starts with a copy of its environment, counted as
     * substitution is: a chain of stages each copying a large environment would otherwise cost the
     * product of the two.
     */
    Stage(Stage parent, Words.Expansion expansion) {
      if (parent != null) {
        for (Map.Entry<String, String> e : parent.env.entrySet()) {
          String v = e.getValue();
          expansion.add(e.getKey().length() + (v == null ? 0 : v.length()));
          env.put(e.getKey(), v);
        }
        user = parent.user;
      }
    }

    Words.Lookup lookup(String name) {
      Words.Lookup e = Walker.lookup(env, name);
      return e.declared() ? e : Walker.lookup(args, name);
    }
  }
}
