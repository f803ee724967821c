package dev.keycard.format.kubernetes;

import dev.keycard.format.BaseFormat;
import dev.keycard.input.FormatDetector;
import dev.keycard.input.ParsedInput;
import dev.keycard.input.StreamDocument;
import java.util.List;
import java.util.Set;

/**
 * Kubernetes manifests: Pods and every controller with a pod template, one object or a stream of
 * them (YAML or JSON, {@code kind: List}, rendered Helm or kustomize output).
 */
public final class KubernetesFormat extends BaseFormat {
  private static final Guess MANIFEST =
      new Guess(95, "top-level apiVersion and kind keys (a Kubernetes manifest)");

  private static final Names NAMES =
      new Names(
          "kubernetes", "Kubernetes", "yaml", "yaml", "manifest.yaml",
          Set.of("kubernetes", "k8s", "yaml", "yml"));

  public static final KubernetesFormat INSTANCE = new KubernetesFormat();

  private KubernetesFormat() {
    super(NAMES, new KubernetesParser(), new KubernetesRenderer(), KubernetesFields.sources());
  }

  @Override
  public List<StreamDocument> documents(ParsedInput input) {
    KubernetesSyntax syntax = KubernetesSyntax.of(input);
    return syntax == null ? List.of() : syntax.documents();
  }

  @Override
  public Guess detect(String text) {
    return isKubernetes(text) ? MANIFEST : Guess.NONE;
  }

  /** The kubelet rejects a pod with a sysctl it cannot set (not namespaced, or shared with the host). */
  @Override
  public String runtime() {
    return "the kubelet";
  }

  /** A manifest pasted into a chat message is told by its apiVersion and kind keys alone. */
  @Override
  public boolean claimsBlock(String text) {
    return isKubernetes(text);
  }

  /**
   * Whether the text is a Kubernetes manifest or a stream of them: JSON whose top-level object has
   * {@code apiVersion} and {@code kind} members, or YAML with {@code apiVersion:} and {@code kind:}
   * keys at the left margin (no compose file has either). One pass over the text.
   */
  static boolean isKubernetes(String text) {
    String t = FormatDetector.withoutBom(text);
    if (t.startsWith("[")) {
      return false;
    }
    if (t.startsWith("{") && !t.startsWith("{{")) {
      return jsonObject(t, 0) < 0; // a Helm template may start with {{- if ... }}: YAML below
    }
    boolean apiVersion = false;
    boolean kind = false;
    int i = 0;
    int n = t.length();
    int scanned = 0; // JSON documents are scanned once each, never again from a line inside them
    while (i < n && !(apiVersion && kind)) {
      int end = t.indexOf('\n', i);
      end = end < 0 ? n : end;
      apiVersion |= isMarginKey(t, i, end, "apiVersion");
      kind |= isMarginKey(t, i, end, "kind");
      if (i >= scanned && i < end && t.charAt(i) == '{' && !t.startsWith("{{", i)) {
        // a document of the stream written as JSON ("---" then {"apiVersion": ...})
        int after = jsonObject(t, i);
        if (after < 0) {
          return true;
        }
        scanned = after;
      }
      i = end + 1;
    }
    return apiVersion && kind;
  }

  /** {@code key:} (or {@code "key":}, {@code 'key':}) at the start of the line {@code [from, to)}. */
  private static boolean isMarginKey(String t, int from, int to, String key) {
    int i = from;
    char q = i < to ? t.charAt(i) : 0;
    if (q == '"' || q == '\'') {
      i++;
    } else {
      q = 0;
    }
    if (!t.startsWith(key, i)) {
      return false;
    }
    i += key.length();
    if (q != 0) {
      if (i >= to || t.charAt(i) != q) {
        return false;
      }
      i++;
    }
    if (i >= to || t.charAt(i) != ':') {
      return false;
    }
    return i + 1 >= to || t.charAt(i + 1) == ' ' || t.charAt(i + 1) == '\t' || t.charAt(i + 1) == '\r';
  }

  /**
   * Reads the JSON object starting at {@code from}: -1 when its own members (not nested ones)
   * include "apiVersion" and "kind", else where the scan stopped (after the object's end, or the
   * text's end).
   */
  private static int jsonObject(String t, int from) {
    boolean apiVersion = false;
    boolean kind = false;
    int depth = 0;
    boolean expectKey = false;
    int n = t.length();
    for (int i = from; i < n; i++) {
      char c = t.charAt(i);
      if (c == '"') {
        int start = i + 1;
        i++;
        while (i < n && t.charAt(i) != '"') {
          i += t.charAt(i) == '\\' ? 2 : 1;
        }
        if (depth == 1 && expectKey) {
          int end = Math.min(i, n);
          apiVersion |= t.regionMatches(start, "apiVersion", 0, 10) && end - start == 10;
          kind |= t.regionMatches(start, "kind", 0, 4) && end - start == 4;
          if (apiVersion && kind) {
            return -1;
          }
        }
        expectKey = false;
      } else if (c == '{' || c == '[') {
        depth++;
        expectKey = c == '{';
      } else if (c == '}' || c == ']') {
        depth--;
        if (depth <= 0) {
          return i + 1;
        }
      } else if (c == ',') {
        expectKey = depth == 1 || expectKey;
      }
    }
    return n;
  }
}
