package dev.keycard.policy;

import com.google.re2j.Pattern;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The release lock ({@code released.yaml}): {@code name@MAJOR.MINOR.PATCH: sha256:...} per line,
 * the digests that released rule-set versions must keep.
 */
final class ReleaseLock {
  private static final Pattern DIGEST = Pattern.compile("sha256:[0-9a-f]{64}");

  private ReleaseLock() {}

  static Map<String, String> read(String text, String file, List<PolicyProblem> problems) {
    Map<String, String> out = new LinkedHashMap<>();
    try {
      YamlTree.YNode root = YamlTree.read(text, file);
      if (root == null) {
        return out;
      }
      if (!(root instanceof YamlTree.YMap m)) {
        problems.add(new PolicyProblem(null, root.at(), "rule_file_error", "released.yaml must map name@version to a digest", null));
        return out;
      }
      m.entries().forEach((k, v) -> {
        if (v instanceof YamlTree.YScalar s && DIGEST.matcher(s.value()).matches()
            && RuleSetSelector.parse(k).map(x -> x.patch() != null).orElse(false)) {
          out.put(k, s.value());
        } else {
          problems.add(new PolicyProblem(null, v.at(), "rule_file_error", "expected name@MAJOR.MINOR.PATCH: sha256:<64 hex>", null));
        }
      });
    } catch (YamlTree.YamlError e) {
      problems.add(new PolicyProblem(null, e.at(), "rule_file_error", "not valid YAML: " + e.getMessage(), null));
    }
    return out;
  }
}
