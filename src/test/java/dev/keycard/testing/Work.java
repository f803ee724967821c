package dev.keycard.testing;

import java.lang.management.ManagementFactory;

/**
 * Work counted without a clock: the bytes a piece of code allocates on the calling thread. Code
 * that is linear in its input allocates about twice as much for twice the input; code that scans
 * the input again for every element allocates about four times as much. A ratio says which,
 * whatever the machine's speed or load.
 */
public final class Work {
  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  private Work() {}

  /** The bytes {@code task} allocates on this thread (the least of three runs, after a warm-up). */
  public static long allocated(Runnable task) {
    task.run();
    long least = Long.MAX_VALUE;
    for (int i = 0; i < 3; i++) {
      long before = THREADS.getCurrentThreadAllocatedBytes();
      task.run();
      least = Math.min(least, THREADS.getCurrentThreadAllocatedBytes() - before);
    }
    return least;
  }

  /** How much more {@code twice} allocates than {@code once}: about 2 when linear, 4 when not. */
  public static double growth(Runnable once, Runnable twice) {
    return (double) allocated(twice) / allocated(once);
  }
}
