package dev.keycard.remediation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.keycard.engine.Finding;
import dev.keycard.input.ParsedInput;
import dev.keycard.model.Container;
import dev.keycard.model.Mount;
import dev.keycard.pipeline.InputRequest;
import dev.keycard.pipeline.ShippedCatalogue;
import dev.keycard.policy.FixOperation;
import dev.keycard.report.Evaluation;
import dev.keycard.report.FixResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Over the real-world corpus (compose files and docker run lines of real projects) under every
 * shipped rule set: no finding's fix is {@code safe} while it removes a mount, an added capability,
 * a device, a host namespace or privileged mode. Judged twice, independently of the impact table:
 * by the fix's canonical operations, and by applying the fix alone and comparing the container the
 * fixed text parses to with the one the input did.
 */
class ImpactCorpusTest {
  /** Operations that take away something a program may need (issue 17's review list). */
  private static final Set<String> TAKES_AWAY =
      Set.of(
          "remove privileged",
          "remove_item mounts",
          "remove_item cap_add",
          "remove_item devices",
          "remove network_mode",
          "remove pid",
          "remove ipc",
          "remove uts",
          "remove userns",
          "remove cgroupns");

  private static final Map<String, AtomicInteger> SEEN = new HashMap<>();

  static Stream<Arguments> inputs() throws IOException {
    Stream.Builder<Arguments> out = Stream.builder();
    for (String kind : new String[] {"compose", "docker-run"}) {
      try (Stream<Path> files = Files.list(CorpusFixTest.CORPUS.resolve(kind))) {
        for (Path p : files.sorted().toList()) {
          for (String set : ShippedCatalogue.RULE_SETS) {
            out.add(Arguments.of(kind + "/" + p.getFileName(), set));
          }
        }
      }
    }
    return out.build();
  }

  @ParameterizedTest(name = "{0} under {1}")
  @MethodSource("inputs")
  void noSafeFix_removesAMountCapabilityDeviceNamespaceOrPrivilegedMode(String file, String set)
      throws IOException {
    String text = Files.readString(CorpusFixTest.CORPUS.resolve(file), StandardCharsets.UTF_8);
    Harness h = Harness.of("policies");
    InputRequest request = Harness.request(text);
    ParsedInput before = h.parser().parse(request);
    assumeFalse(before.hasErrors(), "the input itself does not parse");
    Evaluation e = h.evaluations().evaluate(before, request, Harness.options(set));
    Remedies remedies = h.remediation().remedies(e, request, Harness.options(set));
    for (Finding f : e.findings()) {
      Remedy r = remedies.of(f);
      if (r == null) {
        continue;
      }
      String what = file + " " + f.ruleId() + " " + f.path() + " on " + f.container();
      assertThat(r.impact()).as(what + ": every rendered fix carries an impact").isNotNull();
      if (r.review()) {
        count("review");
        assertThat(r.impact().breaks()).as(what).isNotBlank().doesNotContain("{item", "{source");
        r.impact()
            .alternatives()
            .forEach(a -> assertThat(a.description()).as(what).doesNotContain("{container"));
        continue;
      }
      count("safe");
      for (FixOperation op : f.fix()) {
        assertThat(TAKES_AWAY).as(what + ": a safe fix's operations").doesNotContain(key(op));
      }
      Container after = applyAlone(h, request, before, r).containers().get(f.containerIndex());
      Container was = before.containers().get(f.containerIndex());
      assertThat(takenAway(was, after)).as(what + ": what the safe fix takes away").isEmpty();
    }
  }

  /**
   * {@code /v1/fix}'s default over the same inputs: the fixed input keeps every mount, capability,
   * device, host namespace and privileged mode, and what it did not apply is listed, each a review
   * fix still open.
   */
  @ParameterizedTest(name = "{0} under {1}")
  @MethodSource("inputs")
  void applySafe_takesNothingAway_andListsWhatItLeft(String file, String set) throws IOException {
    String text = Files.readString(CorpusFixTest.CORPUS.resolve(file), StandardCharsets.UTF_8);
    Harness h = Harness.of("policies");
    InputRequest request = Harness.request(text);
    ParsedInput before = h.parser().parse(request);
    assumeFalse(before.hasErrors(), "the input itself does not parse");
    Evaluation e = h.evaluations().evaluate(before, request, Harness.options(set));
    FixResult r = h.remediation().fixAll(e, request, Harness.options(set), Apply.SAFE);
    assertThat(r.apply()).isEqualTo(Apply.SAFE);
    for (int i = 0; i < before.containers().size(); i++) {
      assertThat(takenAway(before.containers().get(i), r.fixedInput().containers().get(i)))
          .as(file + " " + before.containers().get(i).name())
          .isEmpty();
    }
    for (Finding f : r.notApplied()) {
      assertThat(r.remedies().of(f).review()).as(file + " " + f.ruleId()).isTrue();
      assertThat(r.after().findings().stream().map(Finding::fingerprint))
          .as("a fix not applied leaves its finding open")
          .contains(f.fingerprint());
    }
    for (Finding f : e.findings()) {
      Remedy remedy = r.remedies().of(f);
      boolean stillOpen =
          r.after().findings().stream().anyMatch(x -> x.fingerprint().equals(f.fingerprint()));
      if (remedy != null && remedy.review() && stillOpen) {
        assertThat(r.notApplied()).as("listed as not applied: " + f.ruleId()).contains(f);
      }
    }
  }

  @AfterAll
  static void bothImpactsWereSeen() {
    assertThat(SEEN.get("safe")).as("safe fixes judged").isNotNull();
    assertThat(SEEN.get("review")).as("review fixes judged").isNotNull();
  }

  private static synchronized void count(String impact) {
    SEEN.computeIfAbsent(impact, k -> new AtomicInteger()).incrementAndGet();
  }

  private static String key(FixOperation op) {
    return op.op().key() + " " + op.field();
  }

  /** The input with this one fix applied, parsed again. */
  private static ParsedInput applyAlone(
      Harness h, InputRequest request, ParsedInput before, Remedy r) {
    String fixed =
        before.source().hasSpans()
            ? TextEdit.apply(before.source().original(), r.edits())
            : JsonPatch.write(JsonPatch.apply(before.document(), r.patch()));
    ParsedInput after = h.parser().parse(request.withText(fixed));
    assertThat(after.errors()).as("the fixed text parses").isEmpty();
    return after;
  }

  /** What a program had before the fix and no longer has after it. */
  static List<String> takenAway(Container was, Container now) {
    List<String> out = new ArrayList<>();
    if (was.privileged() && !now.privileged()) {
      out.add("privileged mode");
    }
    for (Mount m : was.mounts()) {
      boolean kept =
          now.mounts().stream()
              .anyMatch(
                  x ->
                      Objects.equals(x.source(), m.source())
                          && Objects.equals(x.target(), m.target()));
      if (!kept) {
        out.add("mount " + m.source() + ":" + m.target());
      }
    }
    if (!now.capAdd().containsAll(was.capAdd())) {
      out.add("capabilities " + was.capAdd() + " -> " + now.capAdd());
    }
    if (!now.devices().containsAll(was.devices())) {
      out.add("devices " + was.devices() + " -> " + now.devices());
    }
    namespace(out, "network", was.networkMode(), now.networkMode());
    namespace(out, "pid", was.pid(), now.pid());
    namespace(out, "ipc", was.ipc(), now.ipc());
    namespace(out, "uts", was.uts(), now.uts());
    namespace(out, "userns", was.userns(), now.userns());
    namespace(out, "cgroupns", was.cgroupns(), now.cgroupns());
    return out;
  }

  private static void namespace(List<String> out, String name, String was, String now) {
    if ("host".equals(was) && !"host".equals(now)) {
      out.add("the host " + name + " namespace");
    }
  }
}
