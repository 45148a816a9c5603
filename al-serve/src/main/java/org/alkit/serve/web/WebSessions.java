package org.alkit.serve.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The web page's logins: a session is a random id in an HttpOnly, SameSite=Strict cookie, bound to
 * the token its annotator logged in with and to a CSRF token of its own (the synchronizer-token
 * pattern, OWASP's CSRF prevention cheat sheet), which the page sends back in {@value #CSRF_HEADER}
 * on every API call and as the form field {@value #CSRF_FIELD} on its form posts. Sessions live in
 * this process's memory only (a restart logs everyone out) and end {@link #LIFETIME} after the login.
 */
@Singleton
public final class WebSessions {
  /** The session cookie's name. */
  public static final String COOKIE = "alkit_session";
  /** The header that carries the session's CSRF token on the page's API calls. */
  public static final String CSRF_HEADER = "X-CSRF-Token";
  /** The form field that carries it on the page's form posts. */
  public static final String CSRF_FIELD = "csrf";
  /** How long a login lasts. */
  static final Duration LIFETIME = Duration.ofHours(12);

  /** One login: who, with which token, its CSRF token, until when. */
  record Session(String id, String token, String name, String csrf, Instant expires) {}

  private final Map<String, Session> sessions = new ConcurrentHashMap<>();
  private final SecureRandom random = new SecureRandom();
  private final Clock clock;

  WebSessions() {
    this(Clock.systemUTC());
  }

  WebSessions(Clock clock) {
    this.clock = clock;
  }

  /** A new session for the holder {@code name} of {@code token}. */
  Session open(String token, String name) {
    Instant now = clock.instant();
    sessions.values().removeIf(s -> s.expires().isBefore(now));
    Session s = new Session(secret(), token, name, secret(), now.plus(LIFETIME));
    sessions.put(s.id(), s);
    return s;
  }

  /** The live session whose cookie {@code request} carries, if any. */
  Optional<Session> of(HttpRequest<?> request) {
    return request.getCookies().findCookie(COOKIE).map(Cookie::getValue).map(sessions::get)
        .filter(s -> s.expires().isAfter(clock.instant()));
  }

  /** Ends the session {@code s}. */
  void close(Session s) {
    sessions.remove(s.id());
  }

  /** Whether {@code presented} is {@code s}'s CSRF token (compared in constant time). */
  static boolean csrfMatches(Session s, String presented) {
    return presented != null && MessageDigest.isEqual(s.csrf().getBytes(StandardCharsets.UTF_8),
        presented.getBytes(StandardCharsets.UTF_8));
  }

  /** The cookie that holds {@code s}: HttpOnly, SameSite=Strict, for the whole site, until it expires. */
  static Cookie cookie(Session s) {
    return Cookie.of(COOKIE, s.id()).httpOnly(true).sameSite(SameSite.Strict).path("/").maxAge(LIFETIME);
  }

  /** The cookie that makes the browser forget the session's. */
  static Cookie expired() {
    return Cookie.of(COOKIE, "").httpOnly(true).sameSite(SameSite.Strict).path("/").maxAge(0);
  }

  /** 32 random bytes, URL-safe base64. */
  private String secret() {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
