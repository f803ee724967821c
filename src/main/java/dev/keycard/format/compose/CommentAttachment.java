package dev.keycard.format.compose;

import dev.keycard.budget.Budget;
import dev.keycard.input.CommentWaiver;
import dev.keycard.input.Diagnostics;
import dev.keycard.input.yaml.YamlOffsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Attaches each {@code # keycard:ignore} comment to the one node it sits on, in the document as
 * written (before merges and {@code extends}):
 *
 * <ul>
 *   <li>a comment after a setting, sequence item or service key on the same line sits on the first
 *       of them that starts on that line (the outermost);
 *   <li>a comment alone on its line, in a block of such lines (no blank line between), sits on the
 *       node that starts on the line right below the block, unless the comment is indented deeper
 *       than that node (then it closes the block above instead).
 * </ul>
 *
 * The node's service is the one whose mapping holds it; a comment on a service key covers the whole
 * service. A comment that sits on no node of a service waives nothing.
 */
final class CommentAttachment {
  private final LineIndex lines;
  private final Map<String, Integer> services;

  /** A node a comment can sit on: its pointer and the column it starts at. */
  private record Node(String pointer, int column) {}

  /** One step of the walk: a node to note at {@code start}, and its value to walk after it. */
  private record Step(int start, String pointer, YNode value) {}

  private CommentAttachment(LineIndex lines, Map<String, Integer> services) {
    this.lines = lines;
    this.services = services;
  }

  /**
   * The waivers of {@code text}, read into {@code root}; {@code services} maps each service's
   * pointer ({@code /services/web}, {@code ""} for a bare service) to its container's index.
   */
  static List<CommentWaiver> of(
      String text, YNode root, Map<String, Integer> services, Diagnostics diags) {
    if (text.indexOf(SuppressionComments.WORD) < 0) {
      return List.of();
    }
    LineIndex lines = new LineIndex(text);
    SuppressionComments.Scan scan = SuppressionComments.scan(text, new YamlOffsets(text), lines);
    if (scan.comments().isEmpty()) {
      return List.of();
    }
    CommentAttachment a = new CommentAttachment(lines, services);
    List<SuppressionComments.Comment> comments = scan.comments();
    int[] target = a.targetLines(comments, scan.commentLines());
    Set<Integer> wanted = new HashSet<>();
    for (int t : target) {
      wanted.add(t);
    }
    Map<Integer, Node> firstOnLine = a.firstNodes(root, wanted);
    List<CommentWaiver> out = new ArrayList<>(comments.size());
    for (int i = 0; i < target.length; i++) {
      SuppressionComments.Comment c = comments.get(i);
      Node n = firstOnLine.get(target[i]);
      if (n != null && c.alone() && lines.columnOf(c.start()) > n.column()) {
        n = null; // indented deeper than the node below: it belongs to the block above
      }
      out.add(a.waiver(c, n, diags));
    }
    return out;
  }

  /**
   * The line of the node each comment sits on: its own, or for one alone on its line the first line
   * below its block of comment lines. Read from the last comment up, each comment's block is only
   * walked down to the next waiver comment, whose line is known: linear in the lines, however many
   * waivers one block holds.
   */
  private int[] targetLines(List<SuppressionComments.Comment> comments, BitSet commentLines) {
    int[] out = new int[comments.size()];
    int nextLine = -1; // the line of the waiver comment below, alone on its line
    int nextTarget = -1;
    for (int i = out.length - 1; i >= 0; i--) {
      SuppressionComments.Comment c = comments.get(i);
      int line = lines.lineOf(c.start());
      if (!c.alone()) {
        out[i] = line;
        continue;
      }
      int t = line + 1;
      while (t != nextLine && commentLines.get(t)) {
        t++;
      }
      out[i] = t == nextLine ? nextTarget : t;
      nextLine = line;
      nextTarget = out[i];
    }
    return out;
  }

  /** The outermost node that starts on each of {@code wanted}, walking in document order. */
  private Map<Integer, Node> firstNodes(YNode root, Set<Integer> wanted) {
    Map<Integer, Node> out = new HashMap<>();
    Deque<Step> stack = new ArrayDeque<>();
    push(stack, root);
    Budget budget = Budget.current();
    while (!stack.isEmpty() && out.size() < wanted.size()) {
      budget.tick();
      Step s = stack.pop();
      int line = lines.lineOf(s.start());
      if (wanted.contains(line) && !out.containsKey(line)) {
        out.put(line, new Node(s.pointer(), lines.columnOf(s.start())));
      }
      push(stack, s.value());
    }
    return out;
  }

  /** The children of {@code n}, so that the first is walked next. */
  private static void push(Deque<Step> stack, YNode n) {
    if (n instanceof YNode.Map m) {
      for (int i = m.entries().size() - 1; i >= 0; i--) {
        YNode.Entry e = m.entries().get(i);
        stack.push(new Step(e.key().start(), e.key().pointer(), e.value()));
      }
    } else if (n instanceof YNode.Seq q) {
      for (int i = q.items().size() - 1; i >= 0; i--) {
        YNode item = q.items().get(i);
        stack.push(new Step(item.start(), item.pointer(), item));
      }
    }
  }

  private CommentWaiver waiver(SuppressionComments.Comment c, Node n, Diagnostics diags) {
    SuppressionComments.Marker m = c.marker();
    String service = n == null ? null : serviceOf(n.pointer());
    int container = service == null ? -1 : services.get(service);
    return new CommentWaiver(
        m.ruleIds(),
        m.reason(),
        diags.span(c.start(), c.end()),
        container,
        n == null ? null : n.pointer(),
        service != null && service.equals(n.pointer()));
  }

  /**
   * The pointer of the service whose mapping holds {@code pointer} (or is it), or null. A service's
   * pointer is {@code ""}, {@code /name} or {@code /services/name}: two reference tokens at most.
   */
  private String serviceOf(String pointer) {
    if (services.containsKey("")) {
      return "";
    }
    int first = pointer.indexOf('/', 1);
    int second = first < 0 ? -1 : pointer.indexOf('/', first + 1);
    for (int end : new int[] {first, second, pointer.length()}) {
      if (end > 0 && services.containsKey(pointer.substring(0, end))) {
        return pointer.substring(0, end);
      }
    }
    return null;
  }
}
