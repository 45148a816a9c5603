package org.alkit.serve.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import java.util.Map;
import java.util.Optional;

/**
 * The web page's calls to {@code /api}: a request with no {@code Authorization} header but a live
 * session cookie goes on as its session's token ({@code Authorization: Bearer TOKEN}, so the API
 * authenticates pages and scripts alike) when it carries the session's CSRF token in
 * {@value WebSessions#CSRF_HEADER}; without it, or with another session's, it gets 403. A request
 * with neither header nor session goes on untouched and the API answers 401.
 */
@ServerFilter("/api/**")
public final class SessionFilter implements Ordered {
  private final WebSessions sessions;

  SessionFilter(WebSessions sessions) {
    this.sessions = sessions;
  }

  @Override
  public int getOrder() {
    return ServerFilterPhase.SESSION.order(); // before anything that authenticates
  }

  /**
   * Adds the session's token to a page's call (the request is changed in place, so its body stays
   * readable), or answers 403; null lets the request go on.
   */
  @RequestFilter
  @Nullable
  HttpResponse<?> authenticate(MutableHttpRequest<?> request) {
    if (request.getHeaders().contains(HttpHeaders.AUTHORIZATION)) {
      return null;
    }
    Optional<WebSessions.Session> session = sessions.of(request);
    if (session.isEmpty()) {
      return null;
    }
    String presented = request.getHeaders().get(WebSessions.CSRF_HEADER);
    if (!WebSessions.csrfMatches(session.get(), presented)) {
      return HttpResponse.status(HttpStatus.FORBIDDEN).contentType(MediaType.APPLICATION_JSON_TYPE).body(Map.of(
          "error", WebSessions.CSRF_HEADER + ": " + (presented == null ? "missing" : "not this session's")
              + "; expected the CSRF token the page was rendered with on every API call of a logged-in page"));
    }
    request.header(HttpHeaders.AUTHORIZATION, "Bearer " + session.get().token());
    return null;
  }
}
