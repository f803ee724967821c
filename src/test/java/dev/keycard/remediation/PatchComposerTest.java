package dev.keycard.remediation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Fixes written against one document compose into one patch that applies in order, or are refused;
 * never a patch that applies to something else than each fix meant.
 */
class PatchComposerTest {
  private static Map<String, Object> doc() {
    Map<String, Object> host = new LinkedHashMap<>();
    host.put("CapAdd", new ArrayList<>(List.of("A", "B", "C", "D", "E")));
    host.put(
        "Binds",
        new ArrayList<>(
            List.of(new LinkedHashMap<>(Map.of("x", 1)), new LinkedHashMap<>(Map.of("x", 2)))));
    host.put("Privileged", true);
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("HostConfig", host);
    return d;
  }

  private static Object composed(Object doc, List<List<PatchOp>> fixes) {
    PatchComposer c = new PatchComposer(doc);
    for (List<PatchOp> f : fixes) {
      assertThat(c.add(f)).as("composes: " + f).isTrue();
    }
    return JsonPatch.apply(doc, c.patch());
  }

  @Test
  void removalsFromOneList_applyInAnyOrder() {
    Object d = doc();
    Object r =
        composed(
            d,
            List.of(
                List.of(PatchOp.remove("/HostConfig/CapAdd/3")),
                List.of(PatchOp.remove("/HostConfig/CapAdd/0")),
                List.of(PatchOp.remove("/HostConfig/CapAdd/4"))));
    assertThat(JsonPatch.at(r, "/HostConfig/CapAdd")).isEqualTo(List.of("B", "C"));
  }

  @Test
  void aReplacementInsideAMovedElement_followsIt() {
    Object r =
        composed(
            doc(),
            List.of(
                List.of(PatchOp.remove("/HostConfig/Binds/0")),
                List.of(PatchOp.replace("/HostConfig/Binds/1/x", 9))));
    assertThat(JsonPatch.at(r, "/HostConfig/Binds")).isEqualTo(List.of(Map.of("x", 9)));
  }

  @Test
  void appendsAndMembers_compose() {
    Object r =
        composed(
            doc(),
            List.of(
                List.of(PatchOp.add("/HostConfig/CapDrop", List.of("ALL"))),
                List.of(PatchOp.add("/HostConfig/CapAdd/-", "F")),
                List.of(PatchOp.remove("/HostConfig/CapAdd/1")),
                List.of(
                    PatchOp.add("/HostConfig/CapAdd/-", "G"),
                    PatchOp.remove("/HostConfig/Privileged"))));
    assertThat(JsonPatch.at(r, "/HostConfig/CapAdd"))
        .isEqualTo(List.of("A", "C", "D", "E", "F", "G"));
    assertThat(JsonPatch.at(r, "/HostConfig/CapDrop")).isEqualTo(List.of("ALL"));
    assertThat(JsonPatch.at(r, "/HostConfig/Privileged")).isNull();
  }

  @Test
  void fixesTouchingWhatAnEarlierFixTouched_areRefused() {
    record Case(String name, List<PatchOp> first, List<PatchOp> second) {}
    List<Case> cases =
        List.of(
            new Case(
                "the same element twice",
                List.of(PatchOp.remove("/HostConfig/CapAdd/1")),
                List.of(PatchOp.remove("/HostConfig/CapAdd/1"))),
            new Case(
                "inside a removed element",
                List.of(PatchOp.remove("/HostConfig/Binds/1")),
                List.of(PatchOp.replace("/HostConfig/Binds/1/x", 3))),
            new Case(
                "inside a replaced list",
                List.of(PatchOp.replace("/HostConfig/CapAdd", List.of())),
                List.of(PatchOp.remove("/HostConfig/CapAdd/2"))),
            new Case(
                "the parent of a changed value",
                List.of(PatchOp.remove("/HostConfig/CapAdd/2")),
                List.of(PatchOp.replace("/HostConfig/CapAdd", List.of()))),
            new Case(
                "a list appended to, replaced",
                List.of(PatchOp.add("/HostConfig/CapAdd/-", "X")),
                List.of(PatchOp.remove("/HostConfig/CapAdd"))),
            new Case(
                "one member added twice",
                List.of(PatchOp.add("/HostConfig/ReadonlyRootfs", true)),
                List.of(PatchOp.add("/HostConfig/ReadonlyRootfs", true))),
            new Case(
                "an insertion at an index",
                List.of(),
                List.of(PatchOp.add("/HostConfig/CapAdd/1", "X"))),
            new Case(
                "a path the document lacks",
                List.of(),
                List.of(PatchOp.remove("/HostConfig/CapAdd/9"))),
            new Case(
                "one fix removing from a list another of its operations goes through",
                List.of(),
                List.of(
                    PatchOp.remove("/HostConfig/Binds/0"),
                    PatchOp.replace("/HostConfig/Binds/0/x", 5))));
    for (Case k : cases) {
      PatchComposer c = new PatchComposer(doc());
      assertThat(c.add(k.first())).as(k.name() + ": first").isTrue();
      int before = c.patch().size();
      assertThat(c.add(k.second())).as(k.name()).isFalse();
      assertThat(c.patch()).as(k.name() + ": nothing added").hasSize(before);
    }
  }

  @Test
  void randomRemovalsAndReplacements_giveWhatEachFixMeant() {
    Random random = new Random(16);
    for (int round = 0; round < 200; round++) {
      int n = 1 + random.nextInt(40);
      List<Object> list = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        list.add(new LinkedHashMap<>(Map.of("v", i)));
      }
      Map<String, Object> d = new LinkedHashMap<>(Map.of("l", list));
      List<Integer> indices = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        indices.add(i);
      }
      Collections.shuffle(indices, random);
      List<List<PatchOp>> fixes = new ArrayList<>();
      List<Object> expected = new ArrayList<>();
      Map<Integer, Object> fate = new LinkedHashMap<>();
      for (int i : indices.subList(0, random.nextInt(n + 1))) {
        if (random.nextBoolean()) {
          fixes.add(List.of(PatchOp.remove("/l/" + i)));
          fate.put(i, null);
        } else {
          fixes.add(List.of(PatchOp.replace("/l/" + i + "/v", -i)));
          fate.put(i, Map.of("v", -i));
        }
      }
      for (int i = 0; i < n; i++) {
        if (!fate.containsKey(i)) {
          expected.add(Map.of("v", i));
        } else if (fate.get(i) != null) {
          expected.add(fate.get(i));
        }
      }
      Object r = composed(d, fixes);
      assertThat(JsonPatch.same(JsonPatch.at(r, "/l"), expected)).as("round " + round).isTrue();
      assertThat((List<?>) d.get("l")).as("the document is left as it was").hasSize(n);
    }
  }
}
