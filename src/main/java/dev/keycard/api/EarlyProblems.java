package dev.keycard.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.MIMEHeader;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Answers a problem from the Vert.x router, before Quarkus REST sees the request (a body that
 * arrives too slowly, a method an operations endpoint does not serve): the same problem+json body
 * {@link ProblemMappers} would write, or its Markdown when the request asked for that view ({@link
 * MarkdownErrors}).
 */
@ApplicationScoped
public class EarlyProblems {
  private final ObjectMapper mapper;

  public EarlyProblems(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /** Sends {@code p} unless a response was already started; the connection stays open. */
  void send(RoutingContext rc, Problem p) {
    respond(rc, p, false);
  }

  /**
   * Sends {@code p} and closes the connection once it is written: for a request whose body was not
   * read to its end, where the rest of the body would otherwise be read as the next request.
   */
  void sendAndClose(RoutingContext rc, Problem p) {
    respond(rc, p, true);
  }

  private void respond(RoutingContext rc, Problem p, boolean close) {
    HttpServerResponse r = rc.response();
    if (r.headWritten() || r.closed() || r.ended()) {
      if (close) {
        rc.request().connection().close();
      }
      return;
    }
    boolean markdown = markdown(rc);
    r.setStatusCode(p.status())
        .putHeader(
            HttpHeaders.CONTENT_TYPE,
            markdown ? MarkdownErrors.CONTENT_TYPE : ProblemMappers.PROBLEM_JSON);
    if (p.status() == 503) {
      r.putHeader("Retry-After", "1");
    }
    if (close) {
      r.putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
    }
    byte[] body = markdown ? MarkdownErrors.render(p).getBytes(StandardCharsets.UTF_8) : json(p);
    r.end(Buffer.buffer(body))
        .onComplete(
            done -> {
              if (close) {
                rc.request().connection().close();
              }
            });
  }

  /** Whether the request asked {@code /v1/evaluate} for the Markdown view. */
  private static boolean markdown(RoutingContext rc) {
    List<MediaType> acceptable = new ArrayList<>();
    try {
      for (MIMEHeader h : rc.parsedHeaders().accept()) {
        acceptable.add(new MediaType(h.component(), h.subComponent()));
      }
    } catch (RuntimeException e) {
      acceptable.clear(); // a malformed Accept header: JSON
    }
    return MarkdownErrors.wanted(rc.normalizedPath(), rc.request().getParam("output"), acceptable);
  }

  private byte[] json(Problem p) {
    try {
      return mapper.writeValueAsBytes(p);
    } catch (JsonProcessingException e) {
      // a Problem is a record of strings and numbers: this cannot happen
      return ("{\"status\":" + p.status() + "}").getBytes(StandardCharsets.UTF_8);
    }
  }
}
