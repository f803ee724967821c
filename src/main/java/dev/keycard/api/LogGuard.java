package dev.keycard.api;

import dev.keycard.budget.BudgetExceeded;
import dev.keycard.budget.LimitExceeded;
import io.quarkus.logging.LoggingFilter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Filter;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;
import org.jboss.logmanager.ExtLogRecord;

/**
 * Every console log line is one line a caller cannot shape ({@code quarkus.log.console.filter}):
 *
 * <ul>
 *   <li>control characters (line breaks, escape sequences, C1 controls, Unicode line separators
 *       and bidirectional overrides) in the message, wherever they came from, are written as
 *       {@code \n}, {@code \r}, {@code \t} or {@code \}{@code uXXXX}, so no caller text can start a
 *       line of its own (a forged decision-log line, say); a message is cut at {@link
 *       #MAX_MESSAGE} characters;
 *   <li>each logger may write {@link #BURST} lines at once and {@link #PER_SECOND} a second after
 *       that; the next line it writes says how many were dropped;
 *   <li>an exception is a one-line summary ({@code [Type: message]}), except for an unexpected
 *       error (level ERROR, not a stack overflow or out-of-memory, not a refused limit), whose
 *       stack trace is kept once a minute, with its messages escaped too.
 * </ul>
 *
 * <p>The decision log ({@code keycard.decisions}) has a handler of its own and is not filtered: it
 * is JSON written by Jackson, and stays the only JSON on stdout.
 */
@LoggingFilter(name = LogGuard.NAME)
public final class LogGuard implements Filter {
  /** The name {@code quarkus.log.console.filter} refers to. */
  public static final String NAME = "keycard-log-guard";

  /** Lines one logger may write at once. */
  static final int BURST = 100;

  /** Lines a second one logger may write once its burst is spent. */
  static final int PER_SECOND = 20;

  /** Characters of a message kept; the rest is counted, not written. */
  static final int MAX_MESSAGE = 2_000;

  /** Least time between two stack traces written in full. */
  static final long TRACE_EVERY_NANOS = 60_000_000_000L;

  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
  private final AtomicLong lastTrace = new AtomicLong(System.nanoTime() - TRACE_EVERY_NANOS);

  @Override
  public boolean isLoggable(LogRecord r) {
    String logger = r.getLoggerName() == null ? "" : r.getLoggerName();
    long dropped = buckets.computeIfAbsent(logger, k -> new Bucket()).take();
    if (dropped < 0) {
      return false;
    }
    StringBuilder line = new StringBuilder();
    escape(formatted(r), line);
    if (dropped > 0) {
      line.append(" (").append(dropped).append(" earlier lines of this logger were dropped)");
    }
    Throwable t = r.getThrown();
    if (t != null) {
      if (fullTrace(r, t)) {
        r.setThrown(new Escaped(t, 0));
      } else {
        r.setThrown(null);
        line.append(" [").append(t.getClass().getName());
        if (t.getMessage() != null) {
          line.append(": ");
          escape(t.getMessage(), line);
        }
        line.append(']');
      }
    }
    if (r instanceof ExtLogRecord ext) {
      ext.setMessage(line.toString(), ExtLogRecord.FormatStyle.NO_FORMAT);
    } else {
      r.setMessage(line.toString());
    }
    r.setParameters(null);
    return true;
  }

  private boolean fullTrace(LogRecord r, Throwable t) {
    if (r.getLevel().intValue() < Level.SEVERE.intValue()
        || t instanceof VirtualMachineError
        || LimitExceeded.in(t) != null
        || BudgetExceeded.in(t) != null) {
      return false;
    }
    long last = lastTrace.get();
    long now = System.nanoTime();
    return now - last >= TRACE_EVERY_NANOS && lastTrace.compareAndSet(last, now);
  }

  @SuppressWarnings("deprecation") // the formatted message is what the console shows; no successor
  private static String formatted(LogRecord r) {
    if (r instanceof ExtLogRecord ext) {
      return ext.getFormattedMessage();
    }
    return new SimpleFormatter().formatMessage(r);
  }

  /** Appends {@code s} with every character that could break or disguise a line escaped. */
  static void escape(String s, StringBuilder out) {
    if (s == null) {
      out.append("null");
      return;
    }
    int n = Math.min(s.length(), MAX_MESSAGE);
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20
              || (c >= 0x7f && c <= 0x9f)
              || c == 0x2028
              || c == 0x2029
              || (c >= 0x202a && c <= 0x202e)
              || (c >= 0x2066 && c <= 0x2069)
              || c == 0x200e
              || c == 0x200f) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    if (s.length() > n) {
      out.append("... (").append(s.length() - n).append(" more characters)");
    }
  }

  static String escape(String s) {
    StringBuilder b = new StringBuilder();
    escape(s, b);
    return b.toString();
  }

  /** A token bucket: {@link #BURST} lines, refilled at {@link #PER_SECOND}. */
  private static final class Bucket {
    private double tokens = BURST;
    private long last = System.nanoTime();
    private long dropped;

    /** -1 if the line is dropped, else how many lines were dropped since the last one written. */
    synchronized long take() {
      long now = System.nanoTime();
      tokens = Math.min(BURST, tokens + (now - last) * PER_SECOND / 1e9);
      last = now;
      if (tokens < 1) {
        dropped++;
        return -1;
      }
      tokens -= 1;
      long d = dropped;
      dropped = 0;
      return d;
    }
  }

  /**
   * An exception as written in a kept stack trace: its type's name, its message escaped, its
   * frames, and its causes the same way (eight deep at most).
   */
  static final class Escaped extends Throwable {
    private static final long serialVersionUID = 1L;
    private final String type;

    Escaped(Throwable t, int depth) {
      super(
          t.getMessage() == null ? null : escape(t.getMessage()),
          t.getCause() == null || t.getCause() == t || depth >= 8
              ? null
              : new Escaped(t.getCause(), depth + 1),
          false,
          true);
      this.type = t.getClass().getName();
      setStackTrace(t.getStackTrace());
    }

    @Override
    public String toString() {
      String m = getMessage();
      return m == null ? type : type + ": " + m;
    }
  }
}
