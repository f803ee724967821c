package dev.keycard.format;

import dev.keycard.engine.Finding;
import dev.keycard.input.InputFormat;
import dev.keycard.input.ParsedInput;
import dev.keycard.input.Source;
import dev.keycard.model.Container;
import dev.keycard.policy.FixOperation;
import dev.keycard.remediation.Edit;
import dev.keycard.remediation.FixRenderer;
import dev.keycard.remediation.PatchOp;
import dev.keycard.remediation.Rendered;
import dev.keycard.remediation.TextEdit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What every format's renderer does alike: it finds the finding's container, renders nothing for
 * one without an origin (no position to anchor an edit to), and builds each fix as a {@link Draft}.
 */
public abstract class FormatRenderer extends FormatPart implements FixRenderer {
  protected FormatRenderer(Supplier<? extends InputFormat> format) {
    super(format);
  }

  @Override
  public final Optional<Rendered> render(ParsedInput input, Finding finding) {
    int index = finding.containerIndex();
    if (index < 0 || index >= input.containers().size()) {
      return Optional.empty();
    }
    Container c = input.containers().get(index);
    return c.origin() == null ? Optional.empty() : render(input, finding, c);
  }

  /**
   * The fix for {@code finding} on its container {@code c} (which has an origin), or empty when the
   * format cannot say it safely.
   */
  protected abstract Optional<Rendered> render(ParsedInput input, Finding finding, Container c);

  /**
   * One fix to one container's part of the document, built operation by operation: the JSON Patch
   * on the document as parsed, the edits of the text the parser read, and a note for the user.
   */
  protected abstract static class Draft {
    /** The document as parsed, which the JSON Patch addresses. */
    protected final Object json;

    /** The container the fix is for. */
    protected final Container c;

    protected final List<PatchOp> patch = new ArrayList<>();
    protected final List<Edit> edits = new ArrayList<>();
    protected String note;

    protected Draft(Object json, Container c) {
      this.json = json;
      this.c = c;
    }

    /**
     * The fix for {@code f}: each operation applied in turn, then {@link #finish}; empty as soon as
     * a step cannot be said safely. Its edits are moved to the text the caller sent (a block cut
     * out of a chat message is edited where it stands in the message); with {@code text} false,
     * the fix is JSON Patch only.
     */
    public final Optional<Rendered> build(Finding f, Source source, boolean text) {
      for (FixOperation op : f.fix()) {
        if (!apply(op, f)) {
          return Optional.empty();
        }
      }
      if (!finish()) {
        return Optional.empty();
      }
      List<TextEdit> moved =
          text
              ? Edit.toTextEdits(edits.stream().map(e -> e.toOriginal(source)).toList(), source)
              : List.of();
      return Optional.of(new Rendered(patch, moved, note));
    }

    /** Adds one operation of {@code f}'s fix; false when the format cannot say it safely. */
    protected abstract boolean apply(FixOperation op, Finding f);

    /** Completes the fix after its last operation; false when the result cannot be said safely. */
    protected boolean finish() {
      return true;
    }
  }
}
