package dev.keycard.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Issue 16, item 5: a JVM with the production heap options of {@code deploy/Dockerfile} (256 MiB,
 * exit on out-of-memory) survives an answer cache filled with every kind of large side input and
 * with large answers: 6 kinds x 150 distinct requests, each holding about 512 KB, each sent twice.
 * Weighing only the text and files (as before) kept about 450 MB of them: the JVM exited.
 */
class AnswerCacheHeapTest {
  @Test
  void fillingTheCache_withLargeSideInputs_staysWithinItsBound_underTheProductionHeap()
      throws Exception {
    long max = 32L << 20; // the default keycard.cache.max-size
    List<String> command =
        List.of(
            System.getProperty("java.home") + File.separator + "bin" + File.separator + "java",
            "-Xms256m",
            "-Xmx256m",
            "-XX:+UseParallelGC",
            "-XX:+ExitOnOutOfMemoryError",
            "-cp",
            System.getProperty("java.class.path"),
            AnswerCacheFill.class.getName(),
            String.valueOf(max),
            "150",
            String.valueOf(256 * 1024));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    boolean ended = p.waitFor(120, TimeUnit.SECONDS);
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!ended) {
      p.destroyForcibly();
    }
    assertThat(ended).as("the fill ended: " + out).isTrue();
    assertThat(p.exitValue()).as("exit status (3 is out of memory): " + out).isZero();
    long weighted = Long.parseLong(out.replaceAll("(?s).*weighted=(\\d+).*", "$1"));
    assertThat(weighted).as(out).isPositive().isLessThanOrEqualTo(max);
  }
}
