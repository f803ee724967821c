package dev.keycard.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A text that is no valid compose document but has a {@code services:} line is read again as a
 * chat message, a line at a time, and every line's source indexed the whole message's lines again:
 * time and memory quadratic in its lines. 175 KB ({@code "services:\n  a:\n    image: ${A:-"}
 * 5,000 times) asked for 400 MB, and the deploy JVM exited.
 */
class SnippetSourcesTest {

  @Test
  void messageOfManyLines_isIndexedOnce() {
    String doc = "services:\n  a:\n    image: ${A:-".repeat(20_000) + "x" + "}".repeat(20_000) + "\n";
    InputReader reader =
        dev.keycard.format.Formats.reader();
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long before = threads.getCurrentThreadAllocatedBytes();
    ParsedInput read = reader.read(doc, false, null, new ParseOptions(null, null, null));
    long allocated = threads.getCurrentThreadAllocatedBytes() - before;
    assertThat(read.hasErrors()).isTrue();
    // 40,001 lines: indexed once per snippet line, 6.4 GB
    assertThat(allocated).isLessThan(400L << 20);
  }

  @Test
  void slicesAndJoins_keepTheirPositions() {
    String message = "prose\n  docker run \\\n    --privileged nginx\nmore\n";
    Source whole = Source.of(message);
    Source cut = whole.slice(6, 45);
    assertThat(cut.position(2).line()).isEqualTo(2);
    Source joined = Source.join(message, List.of(whole.slice(0, 6), whole.slice(44, 49)));
    assertThat(joined.position(6).line()).isEqualTo(4);
    assertThat(joined.position(6).column()).isEqualTo(1);
  }
}
