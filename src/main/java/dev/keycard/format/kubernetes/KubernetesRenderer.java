package dev.keycard.format.kubernetes;

import dev.keycard.engine.Finding;
import dev.keycard.format.FormatRenderer;
import dev.keycard.input.ParsedInput;
import dev.keycard.model.Container;
import dev.keycard.model.Origin;
import dev.keycard.policy.FixOperation;
import dev.keycard.remediation.JsonPatch;
import dev.keycard.remediation.PatchOp;
import dev.keycard.remediation.RenderValues;
import dev.keycard.remediation.Rendered;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Renders fixes into a Kubernetes manifest: a JSON Patch against {@link ParsedInput#document()}
 * (for a stream, the list of its documents: every path starts with the document's index) and text
 * edits of that one document that keep its comments and layout.
 *
 * <p>Where each canonical operation goes, as the kubelet reads it ({@link PodReader}):
 *
 * <ul>
 *   <li>container settings into the container's {@code securityContext}, created when absent:
 *       {@code remove privileged} removes {@code privileged}; {@code set read_only} is {@code
 *       readOnlyRootFilesystem: true}; {@code add cap_drop ALL} is {@code capabilities.drop};
 *       {@code remove_item cap_add} removes that element of {@code capabilities.add}; {@code add
 *       security_opt no-new-privileges:true} is {@code allowPrivilegeEscalation: false}; {@code set
 *       user uid:gid} is {@code runAsUser}/{@code runAsGroup}, changed where the model read them
 *       (the pod's {@code securityContext} when the container inherits them);
 *   <li>{@code set memory}/{@code set cpus}: {@code resources.limits.memory}/{@code cpu} as
 *       quantities ({@code 512Mi}, {@code "1"}), never below a request the container already has;
 *   <li>{@code add tmpfs /tmp}: an {@code emptyDir} volume with {@code medium: Memory} of the
 *       container's own, mounted at {@code /tmp} (nothing when something is mounted there already);
 *   <li>pod settings in the pod spec: {@code remove network_mode}/{@code pid}/{@code ipc} removes
 *       {@code hostNetwork}/{@code hostPID}/{@code hostIPC}; {@code remove_item sysctls} removes
 *       that element of the pod's {@code securityContext.sysctls};
 *   <li>{@code remove_item mounts} removes the {@code volumeMount}, and the pod's volume too when
 *       no other mount of the pod uses it; {@code remove propagation} removes {@code
 *       mountPropagation}; {@code set host_ip} sets the port's {@code hostIP} (only for a port with
 *       a {@code hostPort});
 * </ul>
 *
 * <p>Kubernetes has no field for {@code pids_limit} (a per-pod limit is the kubelet's), devices,
 * device cgroup rules, the cgroup namespace or parent, {@code oom_kill_disable}, a restart retry
 * count, the UTS namespace or a user-namespace mode other than {@code hostUsers}: those fixes are
 * not rendered. Nor is a Docker security option's removal: the model of a Kubernetes container has
 * no security options (its seccomp, AppArmor, SELinux and /proc settings are fields of their own),
 * so no rule ranging over them finds one. Neither is a setting of a Linux field in a pod whose {@code spec.os.name} is {@code
 * windows} (the API server refuses them there). A value another mapping supplies (an alias or
 * {@code <<} merge) is not edited where it was written; the container or pod gets its own key.
 */
final class KubernetesRenderer extends FormatRenderer {
  KubernetesRenderer() {
    super(() -> KubernetesFormat.INSTANCE);
  }

  @Override
  protected Optional<Rendered> render(ParsedInput input, Finding f, Container c) {
    if (input.document() == null || c.origin().path() == null) {
      return Optional.empty();
    }
    for (FixOperation op : f.fix()) {
      if (KubernetesFields.notRendered(op.field())) {
        return Optional.empty();
      }
    }
    boolean stream = input.document() instanceof List;
    List<String> tokens = JsonPatch.tokens(c.origin().path());
    int docIndex = stream ? JsonPatch.arrayIndex(tokens.get(0)) : 0;
    if (docIndex < 0 || tokens.size() < (stream ? 4 : 3)) {
      return Optional.empty();
    }
    ManifestText text = null;
    KubernetesSyntax syntax = KubernetesSyntax.of(input);
    if (input.source().hasSpans() && syntax != null) {
      text = ManifestText.of(syntax, stream, docIndex).orElse(null);
      if (text == null) {
        return Optional.empty();
      }
    }
    return new Edits(input, c, stream ? "/" + docIndex : "", text)
        .build(f, input.source(), text != null);
  }

  /** The edits of one fix, operation by operation. */
  private static final class Edits extends Draft {
    final String prefix;
    final ManifestText text;
    /** The container's pointer, its pod spec's, and the list it is in. */
    final String container;
    final String pod;
    final String listKey;
    /** Entries to add to existing mappings (by full pointer), nested values merged, at the end. */
    final Map<String, Map<String, Object>> pending = new LinkedHashMap<>();

    Edits(ParsedInput input, Container c, String prefix, ManifestText text) {
      super(input.document(), c);
      this.prefix = prefix;
      this.text = text;
      this.container = c.origin().path();
      String list = parent(container);
      this.pod = parent(list);
      List<String> t = JsonPatch.tokens(list);
      this.listKey = t.get(t.size() - 1);
    }

    @Override
    protected boolean apply(FixOperation op, Finding f) {
      String field = op.field();
      return switch (op.op()) {
        case REMOVE -> remove(field, f);
        case REMOVE_ITEM -> removeItem(field, f);
        case ADD -> add(field, op.value());
        case SET -> set(field, op.value(), f);
      };
    }

    // ----- the operations

    boolean remove(String field, Finding f) {
      return switch (field) {
        case "privileged" -> removeFlag("privileged", container, container + "/securityContext/privileged");
        case "network_mode" -> removeFlag("network_mode", pod, pod + "/hostNetwork");
        case "pid" -> removeFlag("pid", pod, pod + "/hostPID");
        case "ipc" -> removeFlag("ipc", pod, pod + "/hostIPC");
        case "propagation" -> removePropagation(f);
        default -> false;
      };
    }

    /**
     * Removes a boolean setting that is true: where the model read it when the container (or pod)
     * owns it, else by an own {@code false} that overrides the shared value.
     */
    boolean removeFlag(String field, String scope, String home) {
      String p = pointer(field);
      if (p == null) {
        return true; // not set: nothing to remove
      }
      if (owned(p, scope)) {
        removeCascading(p, scope);
        return true;
      }
      return put(home, false);
    }

    boolean removePropagation(Finding f) {
      if (f.itemIndex() < 0) {
        return false;
      }
      String p = pointer("mounts[" + f.itemIndex() + "].propagation");
      if (p == null || !owned(p, container)) {
        return false;
      }
      removeCascading(p, container);
      return true;
    }

    boolean removeItem(String field, Finding f) {
      return switch (field) {
        case "cap_add" -> removeListItem("cap_add[" + f.itemIndex() + "]", container);
        case "sysctls" -> removeListItem("sysctls[" + f.itemIndex() + "]", pod);
        case "mounts" -> removeMount(f.itemIndex());
        case "security_opt" -> securityOption(f.itemIndex());
        default -> false;
      };
    }

    /**
     * A security option the reader took from a Kubernetes field, fixed there: a seccomp or AppArmor
     * profile of type {@code Unconfined} becomes {@code RuntimeDefault} (its legacy annotation
     * {@code runtime/default}), {@code procMount: Unmasked} goes. Nothing else (an SELinux label,
     * a Localhost AppArmor profile) has a safe rewrite.
     */
    boolean securityOption(int index) {
      if (index < 0 || index >= c.securityOpt().size()) {
        return false;
      }
      String option = c.securityOpt().get(index);
      String p = pointer("security_opt[" + index + "]");
      if (p == null) {
        return false;
      }
      String scope = p.startsWith(container + "/") ? container : prefix;
      if (!owned(p, scope)) {
        return false;
      }
      boolean profile = option.startsWith("seccomp=") || option.startsWith("apparmor=");
      boolean unconfined = option.endsWith("=unconfined") || option.endsWith(":unconfined");
      if (option.startsWith("systempaths=") && unconfined && p.endsWith("/procMount")) {
        removeCascading(p, scope);
        return true;
      }
      if (profile && unconfined && p.endsWith("/type")) {
        return replace(p, "RuntimeDefault");
      }
      if (profile && unconfined && p.contains("/metadata/annotations/")) {
        return replace(p, "runtime/default");
      }
      return false;
    }

    boolean removeListItem(String path, String scope) {
      String p = pointer(path);
      if (p == null || !owned(p, scope)) {
        return false;
      }
      removeCascading(p, scope);
      return true;
    }

    /** Removes a volume mount, and its pod volume when nothing else in the pod mounts it. */
    boolean removeMount(int index) {
      String p = pointer("mounts[" + index + "]");
      if (p == null || !owned(p, container) || !(at(p) instanceof Map<?, ?> mount)) {
        return false;
      }
      Object name = mount.get("name");
      removeCascading(p, container);
      if (!(name instanceof String volume) || mountedElsewhere(volume, p)) {
        return true;
      }
      if (at(pod + "/volumes") instanceof List<?> volumes) {
        for (int i = 0; i < volumes.size(); i++) {
          if (volumes.get(i) instanceof Map<?, ?> v && volume.equals(v.get("name"))) {
            String vp = pod + "/volumes/" + i;
            if (!owned(vp, pod)) {
              return true; // the volume stays; the mount is gone
            }
            removeCascading(vp, pod);
            return true;
          }
        }
      }
      return true;
    }

    /** Whether a volume mount of the pod other than {@code except} mounts {@code volume}. */
    boolean mountedElsewhere(String volume, String except) {
      for (String key : new String[] {"containers", "initContainers", "ephemeralContainers"}) {
        if (!(at(pod + "/" + key) instanceof List<?> list)) {
          continue;
        }
        for (int i = 0; i < list.size(); i++) {
          String cp = pod + "/" + key + "/" + i;
          if (!(at(cp + "/volumeMounts") instanceof List<?> mounts)) {
            continue;
          }
          for (int k = 0; k < mounts.size(); k++) {
            String mp = cp + "/volumeMounts/" + k;
            if (!mp.equals(except)
                && mounts.get(k) instanceof Map<?, ?> m
                && volume.equals(m.get("name"))) {
              return true;
            }
          }
        }
      }
      return false;
    }

    boolean add(String field, Object value) {
      if (windows()) {
        return false;
      }
      String v = String.valueOf(value);
      return switch (field) {
        case "cap_drop" -> RenderValues.holds(c, field, v) ? spellCapDrop(v) : addCapDrop(v);
        case "security_opt" -> RenderValues.sameOption(v, "no-new-privileges:true") && noNewPrivileges();
        case "tmpfs" -> tmpfs(v);
        default -> false;
      };
    }

    /**
     * {@code cap} is dropped, but maybe not written so ({@code drop: [all]}): the runtime reads it,
     * Pod Security Admission compares names exactly, so the first spelling of it is written as
     * {@code cap}.
     */
    boolean spellCapDrop(String cap) {
      List<String> written = c.capDropAsWritten();
      if (written.isEmpty() || written.contains(cap)) {
        return true;
      }
      for (int i = 0; i < written.size(); i++) {
        if (i < c.capDrop().size() && c.capDrop().get(i).equals(cap)) {
          String p = pointer("cap_drop[" + i + "]");
          return p != null && owned(p, container) && replace(p, cap);
        }
      }
      return false;
    }

    boolean addCapDrop(String cap) {
      String drop = container + "/securityContext/capabilities/drop";
      if (at(drop) instanceof List<?> && owned(drop, container)) {
        return append(drop, cap);
      }
      if (present(drop)) {
        return false; // written, but not a list of the container's own
      }
      return put(drop, List.of(cap));
    }

    boolean noNewPrivileges() {
      if (c.privileged() || writtenCapability(container, "CAP_SYS_ADMIN")) {
        // the API server refuses allowPrivilegeEscalation: false together with either
        return false;
      }
      return setFlag("no_new_privileges", container + "/securityContext/allowPrivilegeEscalation", false);
    }

    /** Whether the container's capabilities.add holds {@code cap} written exactly so. */
    boolean writtenCapability(String scope, String cap) {
      return at(scope + "/securityContext/capabilities/add") instanceof List<?> l && l.contains(cap);
    }

    /** An emptyDir in memory of the container's own at {@code target}, unless one is mounted there. */
    boolean tmpfs(String target) {
      if (at(container + "/volumeMounts") instanceof List<?> mounts) {
        for (Object m : mounts) {
          if (m instanceof Map<?, ?> mm && target.equals(trimSlash(mm.get("mountPath")))) {
            return true;
          }
        }
      }
      Set<String> taken = new HashSet<>();
      if (at(pod + "/volumes") instanceof List<?> volumes) {
        for (Object v : volumes) {
          if (v instanceof Map<?, ?> m && m.get("name") instanceof String n) {
            taken.add(n);
          }
        }
      } else if (present(pod + "/volumes")) {
        return false;
      }
      String name = volumeName(target, taken);
      Map<String, Object> volume = new LinkedHashMap<>();
      volume.put("name", name);
      volume.put("emptyDir", Map.of("medium", "Memory"));
      Map<String, Object> mount = new LinkedHashMap<>();
      mount.put("name", name);
      mount.put("mountPath", target);
      boolean ok =
          (at(pod + "/volumes") instanceof List<?> ? append(pod + "/volumes", volume) : put(pod + "/volumes", List.of(volume)))
              && (at(container + "/volumeMounts") instanceof List<?>
                  ? owned(container + "/volumeMounts", container) && append(container + "/volumeMounts", mount)
                  : !present(container + "/volumeMounts") && put(container + "/volumeMounts", List.of(mount)));
      if (ok) {
        note = "The scratch space at " + target + " is an emptyDir volume in memory (medium: Memory),"
            + " which counts against the container's memory limit.";
      }
      return ok;
    }

    /**
     * A volume name of the container's own ({@code <container>-tmp}; a DNS label of at most 63
     * characters), not taken in the pod.
     */
    String volumeName(String target, Set<String> taken) {
      String base = label(target);
      base = base.isEmpty() ? "scratch" : base;
      Object written = at(container + "/name");
      String own = written instanceof String s ? label(s.toLowerCase(java.util.Locale.ROOT)) : "";
      String name = own.isEmpty() || own.length() + base.length() + 1 > 57 ? base + "-" + listKey.toLowerCase(java.util.Locale.ROOT) + "-" + index() : own + "-" + base;
      String candidate = name;
      for (int n = 2; taken.contains(candidate); n++) {
        candidate = name + "-" + n;
      }
      return candidate;
    }

    /**
     * {@code s} as a DNS label's characters: each run of characters other than {@code a-z} and
     * {@code 0-9} one dash, none at either end (one pass: no regex engine sees caller text).
     */
    static String label(String s) {
      StringBuilder out = new StringBuilder(s.length());
      for (int i = 0; i < s.length(); i++) {
        char ch = s.charAt(i);
        if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9')) {
          out.append(ch);
        } else if (out.length() > 0 && out.charAt(out.length() - 1) != '-') {
          out.append('-');
        }
      }
      int end = out.length();
      while (end > 0 && out.charAt(end - 1) == '-') {
        end--;
      }
      return out.substring(0, end);
    }

    int index() {
      List<String> t = JsonPatch.tokens(container);
      return JsonPatch.arrayIndex(t.get(t.size() - 1));
    }

    boolean set(String field, Object value, Finding f) {
      if (windows()) {
        return false;
      }
      return switch (field) {
        case "read_only" ->
            Boolean.parseBoolean(String.valueOf(value))
                && setFlag("read_only", container + "/securityContext/readOnlyRootFilesystem", true);
        case "privileged" ->
            !Boolean.parseBoolean(String.valueOf(value)) && removeFlag("privileged", container, container + "/securityContext/privileged");
        case "user" -> user(String.valueOf(value));
        case "memory" -> limit("memory", quantityOfBytes(RenderValues.bytes(value)));
        case "cpus" -> limit("cpu", cpuQuantity(value));
        case "host_ip" -> hostIp(f, String.valueOf(value));
        default -> false;
      };
    }

    /** A boolean setting of the container's own set to {@code value}, where read or added. */
    boolean setFlag(String field, String home, boolean value) {
      String p = pointer(field);
      if (p != null && owned(p, container)) {
        return replace(p, value);
      }
      if (present(home)) {
        // written, but not read (an invalid value the parser warned about) or shared
        return owned(home, container) && replace(home, value);
      }
      return put(home, value);
    }

    /**
     * {@code uid[:gid]} as runAsUser and runAsGroup, each where the model read it; one not read is
     * added next to where the user was read (the pod's securityContext when the container
     * inherits it), else to the container's.
     */
    boolean user(String user) {
      String[] parts = user.split(":", -1);
      if (parts.length > 2 || !isId(parts[0]) || (parts.length == 2 && !isId(parts[1]))) {
        return false; // a user name: Kubernetes takes numeric ids only
      }
      String uid = idPointer("uid", "runAsUser");
      String sc = uid != null ? parent(uid) : container + "/securityContext";
      return id(uid, sc + "/runAsUser", Long.parseLong(parts[0]))
          && (parts.length < 2
              || id(idPointer("gid", "runAsGroup"), sc + "/runAsGroup", Long.parseLong(parts[1])));
    }

    /** Where the model read {@code field}, when it is the pod's or the container's own key. */
    String idPointer(String field, String key) {
      String p = pointer(field);
      boolean own = p != null
          && (p.equals(container + "/securityContext/" + key) || p.equals(pod + "/securityContext/" + key));
      return own && owned(p, pod) ? p : null;
    }

    private static boolean isId(String s) {
      return !s.isEmpty() && s.length() <= 10 && s.chars().allMatch(ch -> ch >= '0' && ch <= '9');
    }

    boolean id(String read, String home, long value) {
      if (read != null) {
        return replace(read, value);
      }
      if (present(home)) {
        return owned(home, pod) && replace(home, value);
      }
      return put(home, value);
    }

    /** {@code resources.limits.<key>}, never below the container's request. */
    boolean limit(String key, String quantity) {
      if (quantity == null || listKey.equals("ephemeralContainers")) {
        return false; // ephemeral containers take no resources
      }
      String home = container + "/resources/limits/" + key;
      Object request = at(container + "/resources/requests/" + key);
      if (request != null) {
        String r = String.valueOf(request);
        Long mine = key.equals("memory") ? Quantities.bytes(quantity) : Quantities.milli(quantity);
        Long theirs = key.equals("memory") ? Quantities.bytes(r) : Quantities.milli(r);
        if (mine == null || theirs == null) {
          return false;
        }
        if (theirs > mine) {
          quantity = r; // a limit below the request is refused by the API server
        }
      } else {
        note = "Without a request, the API server sets the " + key + " request to this limit too.";
      }
      if (present(home)) {
        return owned(home, container) && replace(home, quantity);
      }
      return put(home, quantity);
    }

    /** Bytes as a Kubernetes quantity: the largest binary suffix that divides them. */
    static String quantityOfBytes(long bytes) {
      String[] units = {"Ei", "Pi", "Ti", "Gi", "Mi", "Ki"};
      int[] shifts = {60, 50, 40, 30, 20, 10};
      for (int i = 0; i < units.length; i++) {
        long f = 1L << shifts[i];
        if (bytes > 0 && bytes % f == 0) {
          return (bytes / f) + units[i];
        }
      }
      return Long.toString(bytes);
    }

    /** CPUs as a quantity: whole CPUs as a number, else millicores. */
    static String cpuQuantity(Object v) {
      Object n = RenderValues.cpus(v);
      if (n instanceof Long l) {
        return l > 0 ? Long.toString(l) : null;
      }
      long milli = Math.round(((Number) n).doubleValue() * 1000);
      return milli > 0 ? milli + "m" : null;
    }

    boolean hostIp(Finding f, String ip) {
      String p = f.itemIndex() < 0 ? null : pointer("ports[" + f.itemIndex() + "]");
      if (p == null || !owned(p, container) || !(at(p) instanceof Map<?, ?> port)) {
        return false;
      }
      if (port.get("hostPort") == null) {
        return false; // a port not published on the host has no host interface to choose
      }
      if (port.containsKey("hostIP")) {
        return replace(p + "/hostIP", ip);
      }
      return put(p + "/hostIP", ip);
    }

    // ----- edits of the document

    /** Whether the pod's OS is Windows, where the API server refuses the Linux settings. */
    boolean windows() {
      return at(pod + "/os") instanceof Map<?, ?> os && "windows".equals(os.get("name"));
    }

    String pointer(String path) {
      Origin o = c.locations().get(path);
      return o == null ? null : o.path();
    }

    /** Whether {@code p} lies inside {@code scope} and is written there (no alias, no merge). */
    boolean owned(String p, String scope) {
      if (!p.startsWith(scope + "/") && !(scope.isEmpty() && p.startsWith("/"))) {
        return false;
      }
      return text == null || text.owned(local(p));
    }

    String local(String p) {
      return p.substring(prefix.length());
    }

    Object at(String p) {
      return JsonPatch.at(json, p);
    }

    boolean present(String p) {
      String parent = parent(p);
      Object holder = at(parent);
      List<String> t = JsonPatch.tokens(p);
      String last = t.get(t.size() - 1);
      if (holder instanceof Map<?, ?> m) {
        return m.containsKey(last);
      }
      return holder instanceof List<?> l && JsonPatch.arrayIndex(last) >= 0 && JsonPatch.arrayIndex(last) < l.size();
    }

    boolean replace(String p, Object value) {
      if (text != null) {
        edits.add(text.replace(local(p), value));
      }
      patch.add(PatchOp.replace(p, value));
      return true;
    }

    boolean append(String list, Object value) {
      if (text != null) {
        edits.add(text.append(local(list), value));
      }
      patch.add(PatchOp.add(list + "/-", value));
      return true;
    }

    /**
     * Removes {@code p}, and each holder it leaves empty up to (not including) {@code floor}: an
     * emptied {@code capabilities:} would read as null, not as an empty mapping.
     */
    void removeCascading(String p, String floor) {
      String target = p;
      while (true) {
        String parent = parent(target);
        if (parent.length() <= floor.length() || !parent.startsWith(floor)) {
          break;
        }
        Object holder = at(parent);
        int size = holder instanceof Map<?, ?> m ? m.size() : holder instanceof List<?> l ? l.size() : -1;
        if (size != 1 || !owned(parent, floor)) {
          break;
        }
        target = parent;
      }
      if (text != null) {
        edits.addAll(text.remove(local(target)));
      }
      patch.add(PatchOp.remove(target));
    }

    /**
     * Sets {@code value} at {@code p}, creating the mappings on the way: the entry is added to the
     * deepest mapping that exists, merged with the other additions of this fix (written at {@link
     * #finish}).
     */
    boolean put(String p, Object value) {
      List<String> t = JsonPatch.tokens(p);
      String existing = "";
      int i = 0;
      for (; i < t.size() - 1; i++) {
        String next = existing + "/" + JsonPatch.escape(t.get(i));
        Object v = at(next);
        if (v instanceof List<?> && i + 1 < t.size() - 1 && JsonPatch.arrayIndex(t.get(i + 1)) >= 0) {
          existing = next; // a list on the way (containers/0): walked through
          continue;
        }
        if (!(v instanceof Map) || !present(next)) {
          if (present(next) && v != null) {
            return false; // a value of another kind is in the way
          }
          if (present(next)) {
            // "securityContext: null" (or ~): replaced by the new mapping; written as "key:"
            // alone, there is no value to write over
            if (!owned(next, prefix) || (text != null && text.emptyScalar(local(next)))) {
              return false;
            }
            return replace(next, nest(t.subList(i + 1, t.size()), value));
          }
          break;
        }
        existing = next;
      }
      if (text != null && !text.owned(local(existing))) {
        return false;
      }
      Map<String, Object> entries = pending.computeIfAbsent(existing, k -> new LinkedHashMap<>());
      String key = t.get(i);
      Object nested = i + 1 < t.size() ? nest(t.subList(i + 1, t.size()), value) : value;
      if (entries.containsKey(key)) {
        if (!(entries.get(key) instanceof Map<?, ?> old) || !(nested instanceof Map<?, ?> add)) {
          return false;
        }
        merge(old, add);
      } else {
        entries.put(key, nested);
      }
      return true;
    }

    @SuppressWarnings("unchecked")
    private static void merge(Map<?, ?> into, Map<?, ?> add) {
      Map<String, Object> target = (Map<String, Object>) into;
      for (Map.Entry<?, ?> e : add.entrySet()) {
        Object old = target.get(String.valueOf(e.getKey()));
        if (old instanceof Map<?, ?> o && e.getValue() instanceof Map<?, ?> a) {
          merge(o, a);
        } else {
          target.put(String.valueOf(e.getKey()), e.getValue());
        }
      }
    }

    private static Map<String, Object> nest(List<String> keys, Object value) {
      Map<String, Object> root = new LinkedHashMap<>();
      Map<String, Object> at = root;
      for (int i = 0; i < keys.size() - 1; i++) {
        Map<String, Object> next = new LinkedHashMap<>();
        at.put(keys.get(i), next);
        at = next;
      }
      at.put(keys.get(keys.size() - 1), value);
      return root;
    }

    /**
     * Writes the entries added to existing mappings, one edit per mapping, the deepest mapping's
     * first: a container's new keys and its pod's, added where both mappings end, must be written
     * the container's first.
     */
    @Override
    protected boolean finish() {
      List<Map.Entry<String, Map<String, Object>>> order = new ArrayList<>(pending.entrySet());
      order.sort((a, b) -> Integer.compare(JsonPatch.tokens(b.getKey()).size(), JsonPatch.tokens(a.getKey()).size()));
      for (Map.Entry<String, Map<String, Object>> e : order) {
        if (text != null) {
          edits.add(text.insert(local(e.getKey()), e.getValue()));
        }
        for (Map.Entry<String, Object> kv : e.getValue().entrySet()) {
          patch.add(PatchOp.add(e.getKey() + "/" + JsonPatch.escape(kv.getKey()), kv.getValue()));
        }
      }
      pending.clear();
      return true;
    }

    static String parent(String pointer) {
      return pointer.substring(0, pointer.lastIndexOf('/'));
    }

    private static String trimSlash(Object path) {
      if (!(path instanceof String s)) {
        return null;
      }
      String t = s.trim();
      while (t.length() > 1 && t.endsWith("/")) {
        t = t.substring(0, t.length() - 1);
      }
      return t;
    }
  }
}
