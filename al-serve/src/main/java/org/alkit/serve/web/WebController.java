package org.alkit.serve.web;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.alkit.serve.Principal;
import org.alkit.serve.TokenAuthenticator;

/**
 * The annotators' web page: {@code GET /} is the login form without a session and the labeling page
 * with one; {@code POST /login} takes a token in a form and opens a session; {@code POST /logout}
 * (with the session's CSRF field) ends it; {@code GET /assets/NAME} serves the page's script and
 * style sheet from this package's resources, by a fixed list of names. Every page is sent with a
 * content security policy that allows only this site's script and style, and is never cached.
 */
@Controller
public final class WebController {
  /** The page's static files and their media types: nothing else is served from the resources. */
  private static final Map<String, String> ASSETS = Map.of(
      "label.js", "text/javascript; charset=utf-8",
      "alkit.css", "text/css; charset=utf-8");
  private static final String CSP = "default-src 'self'; img-src 'self' blob:; script-src 'self'; "
      + "style-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

  private final WebSessions sessions;
  private final TokenAuthenticator tokens;

  WebController(WebSessions sessions, TokenAuthenticator tokens) {
    this.sessions = sessions;
    this.tokens = tokens;
  }

  /** The labeling page for a session, else the login form. */
  @Get(uri = "/", produces = MediaType.TEXT_HTML)
  MutableHttpResponse<String> page(HttpRequest<?> request) {
    Optional<WebSessions.Session> session = sessions.of(request);
    if (session.isEmpty()) {
      return html(HttpStatus.OK, login(""));
    }
    WebSessions.Session s = session.get();
    return html(HttpStatus.OK, Templates.fill(Templates.read("label.html"), Map.of("csrf", s.csrf(), "name", s.name())));
  }

  /** Opens a session for a known token and goes to the page; an unknown one gets the form again with 401. */
  @Post(uri = "/login", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
  MutableHttpResponse<String> login(@Body Map<String, String> form) {
    String token = form.get("token");
    Optional<Principal> who = tokens.authenticate(token);
    if (who.isEmpty()) {
      return html(HttpStatus.UNAUTHORIZED, login(token == null || token.isBlank()
          ? "token: missing; expected the token your admin created for you"
          : "token: not known here; expected the token your admin created for you"));
    }
    WebSessions.Session s = sessions.open(token.strip(), who.get().name());
    return HttpResponse.<String>seeOther(URI.create("/")).cookie(WebSessions.cookie(s));
  }

  /** Ends the session named by the cookie when the form carries its CSRF token; 403 otherwise. */
  @Post(uri = "/logout", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
  MutableHttpResponse<String> logout(HttpRequest<?> request, @Body Map<String, String> form) {
    Optional<WebSessions.Session> session = sessions.of(request);
    if (session.isPresent()) {
      if (!WebSessions.csrfMatches(session.get(), form.get(WebSessions.CSRF_FIELD))) {
        return html(HttpStatus.FORBIDDEN, login(WebSessions.CSRF_FIELD
            + ": missing or not this session's; expected the form the page rendered"));
      }
      sessions.close(session.get());
    }
    return HttpResponse.<String>seeOther(URI.create("/")).cookie(WebSessions.expired());
  }

  /** One of the page's static files, by name. */
  @Get("/assets/{name}")
  MutableHttpResponse<String> asset(@PathVariable String name) {
    String type = ASSETS.get(name);
    if (type == null) {
      return HttpResponse.notFound(); // answered as every unknown path is (ErrorHandlers)
    }
    return HttpResponse.ok(Templates.read(name)).contentType(type).header(HttpHeaders.CACHE_CONTROL, "no-cache");
  }

  private static String login(String error) {
    return Templates.fill(Templates.read("login.html"), Map.of("error", error));
  }

  private static MutableHttpResponse<String> html(HttpStatus status, String body) {
    return HttpResponse.<String>status(status).body(body).contentType(MediaType.TEXT_HTML_TYPE)
        .header("Content-Security-Policy", CSP)
        .header("X-Content-Type-Options", "nosniff")
        // not no-referrer: the browser would then send its form posts with Origin: null, which the server refuses
        .header("Referrer-Policy", "same-origin")
        .header(HttpHeaders.CACHE_CONTROL, "no-store");
  }
}
