package dev.keycard.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * An HTTP/1.1 client on a plain socket, for what ordinary clients will not do: send a body a byte
 * at a time, declare a length and stop, send made-up methods. The response is read raw; its status
 * line, headers and body are enough for the tests.
 */
final class RawHttp implements AutoCloseable {
  /**
   * Threads for blocking reads and writes: one each, never the common pool, whose few threads the
   * sleeping writers would take.
   */
  static final java.util.concurrent.ExecutorService THREADS =
      java.util.concurrent.Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "raw-http");
            t.setDaemon(true);
            return t;
          });

  /** A response as read off the socket; {@code status} is -1 if the connection closed first. */
  record Reply(int status, String head, String body, int interim, long nanos) {
    boolean isProblem() {
      return head.toLowerCase(java.util.Locale.ROOT).contains("content-type: application/problem+json");
    }
  }

  private final Socket socket;
  private final OutputStream out;
  private final InputStream in;
  private final long started = System.nanoTime();
  private final AtomicBoolean closed = new AtomicBoolean();

  private RawHttp(URI base) throws IOException {
    socket = new Socket(base.getHost(), base.getPort());
    socket.setTcpNoDelay(true);
    socket.setSoTimeout(60_000);
    out = socket.getOutputStream();
    in = socket.getInputStream();
  }

  static RawHttp connect(URI base) throws IOException {
    return new RawHttp(base);
  }

  /** Sends the request line and headers ({@code "Name: value"}), then the blank line. */
  RawHttp head(String method, String path, String... headers) throws IOException {
    StringBuilder b = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\n");
    b.append("Host: localhost\r\n");
    for (String h : headers) {
      b.append(h).append("\r\n");
    }
    b.append("\r\n");
    send(b.toString().getBytes(StandardCharsets.ISO_8859_1));
    return this;
  }

  RawHttp send(byte[] bytes) throws IOException {
    out.write(bytes);
    out.flush();
    return this;
  }

  RawHttp send(String text) throws IOException {
    return send(text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Sends {@code body} one byte per {@code every} in the background, stopping when the server
   * answers or closes (a write then fails).
   */
  CompletableFuture<Void> trickle(byte[] body, Duration every) {
    return CompletableFuture.runAsync(
        () -> {
          try {
            for (byte b : body) {
              if (closed.get()) {
                return;
              }
              out.write(b);
              out.flush();
              Thread.sleep(every.toMillis());
            }
          } catch (IOException | InterruptedException e) {
            // the server answered and closed: what the slow-body tests expect
          }
        },
        THREADS);
  }

  /** Sends a chunk of a chunked body ({@code size CRLF data CRLF}). */
  RawHttp chunk(String data) throws IOException {
    byte[] d = data.getBytes(StandardCharsets.UTF_8);
    return send((Integer.toHexString(d.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1))
        .send(d)
        .send("\r\n");
  }

  /** Reads the response in the background. */
  CompletableFuture<Reply> reply() {
    return CompletableFuture.supplyAsync(
        () -> {
          try {
            return read();
          } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        },
        THREADS);
  }

  /** Reads until the response's head and, by its Content-Length, its body have arrived. */
  Reply read() throws IOException {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    byte[] chunk = new byte[8192];
    int headEnd = -1;
    int length = -1;
    int interim = 0;
    try {
      while (true) {
        int n = in.read(chunk);
        if (n < 0) {
          break;
        }
        buf.write(chunk, 0, n);
        String s = buf.toString(StandardCharsets.ISO_8859_1);
        if (headEnd < 0) {
          // skip interim 1xx responses (100 Continue)
          while (s.startsWith("HTTP/1.1 1") && s.contains("\r\n\r\n")) {
            int cut = s.indexOf("\r\n\r\n") + 4;
            byte[] rest = java.util.Arrays.copyOfRange(buf.toByteArray(), cut, buf.size());
            buf.reset();
            buf.write(rest);
            s = buf.toString(StandardCharsets.ISO_8859_1);
            interim++;
          }
          headEnd = s.indexOf("\r\n\r\n");
          if (headEnd >= 0) {
            length = contentLength(s.substring(0, headEnd));
          }
        }
        if (headEnd >= 0 && length >= 0 && buf.size() >= headEnd + 4 + length) {
          break;
        }
      }
    } catch (SocketTimeoutException | java.net.SocketException e) {
      // fall through with what arrived
    }
    long nanos = System.nanoTime() - started;
    String s = buf.toString(StandardCharsets.UTF_8);
    if (headEnd < 0 || !s.startsWith("HTTP/")) {
      return new Reply(-1, s, "", interim, nanos);
    }
    String head = s.substring(0, headEnd);
    int status = Integer.parseInt(head.substring(9, 12));
    return new Reply(status, head, s.substring(headEnd + 4), interim, nanos);
  }

  /** Whether the server closed the connection (a read sees the end of the stream). */
  boolean closedByServer() {
    try {
      socket.setSoTimeout(5_000);
      return in.read() < 0;
    } catch (IOException e) {
      return true;
    }
  }

  private static int contentLength(String head) {
    for (String line : head.split("\r\n")) {
      int colon = line.indexOf(':');
      if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase("content-length")) {
        return Integer.parseInt(line.substring(colon + 1).trim());
      }
    }
    return 0;
  }

  @Override
  public void close() throws IOException {
    closed.set(true);
    socket.close();
  }
}
