package org.alkit.serve.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class WebSessionsTest {
  private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-08T00:00:00Z"));
  private final WebSessions sessions = new WebSessions(new Clock() {
    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Instant instant() {
      return now.get();
    }
  });

  private static HttpRequest<?> withCookie(String value) {
    return HttpRequest.GET("/").cookie(Cookie.of(WebSessions.COOKIE, value));
  }

  @Test
  void theCookieFindsItsSessionAndNoOther() {
    WebSessions.Session alice = sessions.open("token-a", "alice");
    WebSessions.Session bob = sessions.open("token-b", "bob");
    assertThat(sessions.of(withCookie(alice.id()))).contains(alice);
    assertThat(sessions.of(withCookie(bob.id()))).contains(bob);
    assertThat(sessions.of(withCookie(alice.csrf()))).as("the CSRF token is no session id").isEmpty();
    assertThat(sessions.of(withCookie("forged"))).isEmpty();
    assertThat(sessions.of(HttpRequest.GET("/"))).isEmpty();
    assertThat(alice.id()).isNotEqualTo(bob.id()).hasSize(43);
    assertThat(alice.csrf()).isNotEqualTo(bob.csrf()).isNotEqualTo(alice.id()).hasSize(43);
  }

  @Test
  void aSessionEndsAtLogoutOrAfterItsLifetime() {
    WebSessions.Session s = sessions.open("t", "alice");
    now.set(now.get().plus(WebSessions.LIFETIME).minusSeconds(1));
    assertThat(sessions.of(withCookie(s.id()))).isPresent();
    now.set(now.get().plusSeconds(1));
    assertThat(sessions.of(withCookie(s.id()))).isEmpty();
    WebSessions.Session t = sessions.open("t", "alice");
    sessions.close(t);
    assertThat(sessions.of(withCookie(t.id()))).isEmpty();
  }

  @Test
  void onlyTheSessionsOwnCsrfTokenMatches() {
    WebSessions.Session a = sessions.open("t", "alice");
    WebSessions.Session b = sessions.open("t", "alice");
    assertThat(WebSessions.csrfMatches(a, a.csrf())).isTrue();
    assertThat(WebSessions.csrfMatches(a, b.csrf())).isFalse();
    assertThat(WebSessions.csrfMatches(a, null)).isFalse();
    assertThat(WebSessions.csrfMatches(a, "")).isFalse();
  }

  @Test
  void theCookieIsHttpOnlyAndSameSiteStrict() {
    Cookie c = WebSessions.cookie(sessions.open("t", "alice"));
    assertThat(c.isHttpOnly()).isTrue();
    assertThat(c.getSameSite()).contains(SameSite.Strict);
    assertThat(c.getPath()).isEqualTo("/");
    assertThat(c.getMaxAge()).isEqualTo(Duration.ofHours(12).toSeconds());
    assertThat(WebSessions.expired().getMaxAge()).isZero();
  }
}
