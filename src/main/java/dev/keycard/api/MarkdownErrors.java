package dev.keycard.api;

import dev.keycard.report.MarkdownProblem;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * With {@code output=markdown} (or {@code Accept: text/markdown}) on {@code /v1/evaluate}, every
 * error is answered in the Markdown view with its own status: a chat bot that asked for Markdown
 * gets a message it can post, not a JSON document. Every problem Quarkus REST answers passes here:
 * the resource's, the exception mappers', and the request filters' (an unknown query parameter, an
 * API key, a body over the limit); the few answered before Quarkus REST sees the request use
 * {@link #wanted} and {@link #render} themselves ({@link EarlyProblems}).
 */
public final class MarkdownErrors {
  static final String CONTENT_TYPE = "text/markdown;charset=UTF-8";
  private static final String PATH = "v1/evaluate";

  @ServerResponseFilter
  public void inMarkdown(ContainerRequestContext request, ContainerResponseContext response) {
    if (!(response.getEntity() instanceof Problem p)
        || !wanted(
            request.getUriInfo().getPath(),
            request.getUriInfo().getQueryParameters().getFirst("output"),
            acceptable(request))) {
      return;
    }
    response.setEntity(render(p), null, MediaType.valueOf(CONTENT_TYPE));
    response.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, CONTENT_TYPE);
  }

  /**
   * Whether an error on {@code path} is answered in Markdown: the view the request selects, as
   * {@link OutputView#select} reads it, is Markdown (an unknown {@code output} selects none).
   */
  static boolean wanted(String path, String output, List<MediaType> acceptable) {
    if (path == null || !strip(path).equals(PATH)) {
      return false;
    }
    try {
      return OutputView.select(output, acceptable) == OutputView.MARKDOWN;
    } catch (ProblemException e) {
      return false;
    }
  }

  /** The Markdown answer for a problem. */
  static String render(Problem p) {
    List<MarkdownProblem.Item> items = new ArrayList<>();
    if (p.errors() != null) {
      for (Problem.ErrorItem i : p.errors()) {
        items.add(new MarkdownProblem.Item(i.message(), i.line(), i.column()));
      }
    }
    return MarkdownProblem.of(
        p.title(), p.status(), p.code(), p.detail(), items, p.limit(), p.max());
  }

  private static List<MediaType> acceptable(ContainerRequestContext request) {
    try {
      return request.getAcceptableMediaTypes();
    } catch (RuntimeException e) {
      return List.of(); // a malformed Accept header: the error is answered as JSON
    }
  }

  private static String strip(String path) {
    int from = 0;
    int to = path.length();
    while (from < to && path.charAt(from) == '/') {
      from++;
    }
    while (to > from && path.charAt(to - 1) == '/') {
      to--;
    }
    return path.substring(from, to);
  }
}
