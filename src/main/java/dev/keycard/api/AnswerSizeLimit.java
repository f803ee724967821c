package dev.keycard.api;

import dev.keycard.budget.LimitExceeded;
import dev.keycard.pipeline.RequestBudgets;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.WriterInterceptor;
import jakarta.ws.rs.ext.WriterInterceptorContext;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Enforces {@code keycard.limits.max-answer-size} on every answer, in every view: the answer is
 * written to memory first and sent only once it is whole and within the limit; one that grows past
 * it stops being written there and then, and the caller gets a 422 naming the limit instead of a
 * 200 that breaks off half way (or an answer of any size).
 */
@Provider
public class AnswerSizeLimit implements WriterInterceptor {
  private final RequestBudgets budgets;

  public AnswerSizeLimit(RequestBudgets budgets) {
    this.budgets = budgets; // a proxy: the configuration is read on the first answer
  }

  @Override
  public void aroundWriteTo(WriterInterceptorContext ctx) throws IOException {
    long max = budgets.caps().maxAnswerSize();
    OutputStream out = ctx.getOutputStream();
    Bounded answer = new Bounded(max);
    ctx.setOutputStream(answer);
    try {
      ctx.proceed();
    } catch (IOException e) {
      LimitExceeded over = LimitExceeded.in(e); // Jackson wraps what a stream throws
      if (over != null) {
        throw over;
      }
      throw e;
    } catch (RuntimeException e) {
      LimitExceeded over = LimitExceeded.in(e);
      throw over != null ? over : e;
    } finally {
      ctx.setOutputStream(out);
    }
    answer.sendTo(out);
  }

  /** The refusal of an answer over the limit. */
  static LimitExceeded tooLarge(long max) {
    return LimitExceeded.of(
        "max-answer-size",
        max,
        "The answer would be larger than " + max + " bytes (keycard.limits.max-answer-size):"
            + " ask for less (fail_on, exclude, a smaller input) or raise the limit.");
  }

  /** Bytes in 64 KiB pieces (no copy as it grows), refused past {@code max}. */
  static final class Bounded extends OutputStream {
    private static final int PIECE = 64 * 1024;
    private final long max;
    private final List<byte[]> pieces = new ArrayList<>();
    private byte[] last;
    private int used;
    private long size;

    Bounded(long max) {
      this.max = max;
    }

    @Override
    public void write(int b) {
      room(1);
      last[used++] = (byte) b;
      size++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      if (size + len > max) {
        throw tooLarge(max);
      }
      while (len > 0) {
        room(1);
        int n = Math.min(len, last.length - used);
        System.arraycopy(b, off, last, used, n);
        used += n;
        off += n;
        len -= n;
        size += n;
      }
    }

    private void room(int n) {
      if (size + n > max) {
        throw tooLarge(max);
      }
      if (last == null || used == last.length) {
        last = new byte[(int) Math.min(PIECE, Math.max(n, max - size))];
        pieces.add(last);
        used = 0;
      }
    }

    long size() {
      return size;
    }

    void sendTo(OutputStream out) throws IOException {
      for (byte[] p : pieces) {
        out.write(p, 0, p == last ? used : p.length);
      }
    }
  }
}
