package org.alkit.serve.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.alkit.runtime.LabelingService;
import org.alkit.serve.ServeService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The web page's server side on a running service (in this JVM, embedded H2), over HTTP as a
 * browser speaks it: the login form, sessions in HttpOnly SameSite=Strict cookies, the CSRF token a
 * session's API calls and logout must carry (403 without it), and the page's assets. The page in a
 * real browser is al-launcher-it's ServeWebPageIT.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebPageTest {
  private static final String ADMIN = "web-page-test-admin-token";
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  @TempDir
  static Path data;

  private LabelingService.Running server;
  private String annotator;

  @BeforeAll
  void start() throws Exception {
    server = new ServeService().start(new LabelingService.Settings(data, 0, Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.of(ADMIN)));
    assertThat(send(admin("/api/projects").POST(body("{\"name\":\"web\",\"pool\":\"optdigits\",\"batch\":4,"
        + "\"seed\":3}"))).statusCode()).isEqualTo(201);
    HttpResponse<String> token = send(admin("/api/tokens").POST(body(
        "{\"name\":\"bob\",\"role\":\"annotator\",\"projects\":[\"web\"]}")));
    assertThat(token.statusCode()).as(token.body()).isEqualTo(201);
    annotator = JSON.readTree(token.body()).get("token").asText();
  }

  @AfterAll
  void stop() {
    server.close();
  }

  @Test
  void withoutASessionTheRootIsTheLoginFormAndAnUnknownTokenGetsItAgainWith401() throws Exception {
    HttpResponse<String> form = send(request("/").GET());
    assertThat(form.statusCode()).isEqualTo(200);
    assertThat(form.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
    assertThat(form.body()).contains("<form method=\"post\" action=\"/login\">").doesNotContain("csrf-token");
    assertThat(form.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
        .contains("default-src 'self'").contains("script-src 'self'").contains("frame-ancestors 'none'"));
    assertThat(form.headers().firstValue("Cache-Control")).contains("no-store");
    HttpResponse<String> refused = login("not-" + annotator);
    assertThat(refused.statusCode()).isEqualTo(401);
    assertThat(refused.headers().firstValue("Set-Cookie")).isEmpty();
    assertThat(refused.body()).contains("token: not known here");
    assertThat(login("").body()).contains("token: missing");
  }

  @Test
  void aSessionNeedsItsCsrfTokenOnEveryApiCallAndOnLogout() throws Exception {
    HttpResponse<String> login = login(annotator);
    assertThat(login.statusCode()).isEqualTo(303);
    assertThat(login.headers().firstValue("Location")).contains("/");
    String setCookie = login.headers().firstValue("Set-Cookie").orElseThrow();
    assertThat(setCookie).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Strict")
        .containsIgnoringCase("Path=/").doesNotContain(annotator);
    String cookie = setCookie.substring(0, setCookie.indexOf(';'));
    HttpResponse<String> page = send(request("/").header("Cookie", cookie).GET());
    Matcher m = Pattern.compile("<meta name=\"csrf-token\" content=\"([^\"]+)\">").matcher(page.body());
    assertThat(m.find()).as(page.body()).isTrue();
    String csrf = m.group(1);
    assertThat(page.body()).contains("<input type=\"hidden\" name=\"csrf\" value=\"" + csrf + "\">").contains("bob");

    int item = leaseOne(cookie, csrf);
    String label = "{\"item\":" + item + ",\"label\":1}";
    HttpResponse<String> without = send(session(cookie, null, "/api/projects/web/labels").POST(body(label)));
    assertThat(without.statusCode()).isEqualTo(403);
    assertThat(error(without)).startsWith("X-CSRF-Token: missing; expected the CSRF token the page was rendered with");
    HttpResponse<String> wrong = send(session(cookie, "not-" + csrf, "/api/projects/web/labels").POST(body(label)));
    assertThat(wrong.statusCode()).isEqualTo(403);
    assertThat(error(wrong)).startsWith("X-CSRF-Token: not this session's");
    assertThat(exportedLines()).as("no label from a refused call").isEmpty();
    HttpResponse<String> with = send(session(cookie, csrf, "/api/projects/web/labels").POST(body(label)));
    assertThat(with.statusCode()).as(with.body()).isEqualTo(200);
    assertThat(exportedLines()).singleElement().asString().startsWith(item + ",1,bob,1,");
    assertThat(send(session(cookie, csrf, "/api/projects/web/labels/" + item).DELETE()).statusCode()).isEqualTo(204);
    assertThat(exportedLines()).isEmpty();
    assertThat(send(session(cookie, csrf, "/api/projects/web/labels").POST(body(label))).statusCode())
        .as("an undone item is the undoer's to relabel").isEqualTo(200);

    HttpResponse<String> logoutWithout = send(form("/logout").header("Cookie", cookie).POST(body("csrf=")));
    assertThat(logoutWithout.statusCode()).isEqualTo(403);
    assertThat(send(session(cookie, csrf, "/api/projects").GET()).statusCode()).as("still logged in").isEqualTo(200);
    HttpResponse<String> logout = send(form("/logout").header("Cookie", cookie).POST(body("csrf=" + csrf)));
    assertThat(logout.statusCode()).isEqualTo(303);
    assertThat(logout.headers().firstValue("Set-Cookie")).hasValueSatisfying(c -> assertThat(c).contains("Max-Age=0"));
    assertThat(send(session(cookie, csrf, "/api/projects").GET()).statusCode()).as("logged out").isEqualTo(401);
    assertThat(send(request("/").header("Cookie", cookie).GET()).body()).contains("action=\"/login\"");
  }

  @Test
  void aBearerTokenIsNeverTakenForASession() throws Exception {
    String cookie = login(annotator).headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
    HttpResponse<String> r = send(request("/api/projects").header("Cookie", cookie)
        .header("Authorization", "Bearer not-a-token").GET());
    assertThat(r.statusCode()).isEqualTo(401);
  }

  @Test
  void theAssetsAreServedByNameAndNothingElse() throws Exception {
    HttpResponse<String> script = send(request("/assets/label.js").GET());
    assertThat(script.statusCode()).isEqualTo(200);
    assertThat(script.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
        .startsWith("text/javascript"));
    assertThat(script.body()).contains("'X-CSRF-Token': csrf");
    assertThat(send(request("/assets/alkit.css").GET()).body()).contains("image-rendering: pixelated");
    HttpResponse<String> other = send(request("/assets/label.html").GET());
    assertThat(other.statusCode()).isEqualTo(404);
    assertThat(error(other)).startsWith("path /assets/label.html: no such route");
    assertThat(send(request("/assets/..%2FWebController.class").GET()).statusCode()).isEqualTo(404);
  }

  /** An item of the project's first round leased through the session, once the round is selected. */
  private int leaseOne(String cookie, String csrf) throws Exception {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (true) {
      HttpResponse<String> next = send(session(cookie, csrf, "/api/projects/web/next?n=1").GET());
      assertThat(next.statusCode()).as(next.body()).isEqualTo(200);
      JsonNode items = JSON.readTree(next.body()).get("items");
      if (!items.isEmpty()) {
        return items.get(0).get("item").asInt();
      }
      assertThat(System.nanoTime()).as("an item within %s", WAIT).isLessThan(deadline);
      Thread.sleep(100); // the first round is being selected: ask again
    }
  }

  /** The CSV export's rows, without its header. */
  private List<String> exportedLines() throws Exception {
    HttpResponse<String> csv = send(admin("/api/projects/web/labels?format=csv").GET());
    assertThat(csv.statusCode()).as(csv.body()).isEqualTo(200);
    return csv.body().lines().skip(1).toList();
  }

  private HttpResponse<String> login(String token) throws Exception {
    return send(form("/login").POST(body("token=" + URLEncoder.encode(token, StandardCharsets.UTF_8))));
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(server.url().toString()).resolve(path)).timeout(WAIT);
  }

  private HttpRequest.Builder admin(String path) {
    return request(path).header("Authorization", "Bearer " + ADMIN).header("Content-Type", "application/json");
  }

  /** A page's call: the session cookie, and the CSRF header unless {@code csrf} is null. */
  private HttpRequest.Builder session(String cookie, String csrf, String path) {
    HttpRequest.Builder b = request(path).header("Cookie", cookie).header("Content-Type", "application/json");
    return csrf == null ? b : b.header("X-CSRF-Token", csrf);
  }

  /** A form post's request, as the browser sends the login and logout forms. */
  private HttpRequest.Builder form(String path) {
    return request(path).header("Content-Type", "application/x-www-form-urlencoded");
  }

  private static HttpRequest.BodyPublisher body(String text) {
    return HttpRequest.BodyPublishers.ofString(text);
  }

  private static String error(HttpResponse<String> r) throws Exception {
    return JSON.readTree(r.body()).get("error").asText();
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
