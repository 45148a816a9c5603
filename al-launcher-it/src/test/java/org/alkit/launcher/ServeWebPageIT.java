package org.alkit.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The annotators' web page of {@code alkit serve}, in a real browser against a real server
 * ({@code ./alkit serve --data TEMP --port 0}): an annotator logs in through the form with the token
 * an admin created, labels a round's batch of optdigits with the keyboard, undoes a label (gone from
 * the export), completes the batch, is shown the next round's items, and the export holds every
 * label. The server side of logins, sessions and CSRF is al-serve's WebPageTest.
 */
@ExtendWith(Chromium.class)
class ServeWebPageIT {
  private static final String ADMIN = "web-page-it-admin-token";
  /** Items a round hands out; the round closes and the next one is fitted when all are labeled. */
  private static final int BATCH = 6;
  /** Generous: the server fits a model between rounds on a machine shared with other builds. */
  private static final Duration WAIT = Duration.ofSeconds(90);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
      .connectTimeout(WAIT).build();

  @TempDir
  static Path data;
  static AlkitServe server;

  @BeforeAll
  static void start() throws Exception {
    server = AlkitServe.start(data, Map.of("ALKIT_ADMIN_TOKEN", ADMIN), WAIT);
  }

  @AfterAll
  static void stop() throws Exception {
    if (server != null) {
      server.stop();
    }
  }

  @Test
  void anAnnotatorLabelsABatchWithTheKeysUndoesOneAndIsShownTheNextRound() throws Exception {
    createProject("digits");
    String alice = createAnnotator("alice", "digits");
    ChromeDriver browser = Chromium.start(1200, 900, WAIT);
    try {
      WebDriverWait wait = new WebDriverWait(browser, WAIT);
      wait.withMessage(() -> "the page at " + browser.getCurrentUrl() + " says: "
          + browser.findElement(By.tagName("body")).getText());
      browser.get(server.url().toString());
      logIn(browser, "not-a-token");
      wait.until(b -> b.findElement(By.id("error")).getText().contains("token: not known here"));
      logIn(browser, alice);
      wait.until(b -> shown(b) != null);
      assertThat(browser.findElement(By.id("round")).getText()).isEqualTo("1");
      assertThat(browser.findElements(By.cssSelector("#classes button"))).hasSize(10);
      assertThat(browser.findElement(By.cssSelector("#content img")).getCssValue("image-rendering"))
          .isEqualTo("pixelated");

      Map<Integer, Integer> labels = new LinkedHashMap<>();
      Integer last = null;
      for (int k = 0; k < BATCH - 1; k++) {
        last = labelShown(browser, wait, (3 * k + 1) % 10, 0, labels);
      }
      int undone = last;
      press(browser, "u");
      wait.until(b -> Integer.valueOf(undone).equals(shown(b))
          && b.findElement(By.id("message")).getText().contains("Took back the label of item " + undone));
      labels.remove(undone);
      assertThat(exported("digits")).as("the export after the undo").isEqualTo(labels);

      while (labels.size() < BATCH) {
        labelShown(browser, wait, 0, 0, labels); // the key 0: the tenth class
      }
      assertThat(labels).containsKey(undone);
      Set<Integer> firstRound = Set.copyOf(labels.keySet());
      wait.until(b -> "2".equals(b.findElement(By.id("round")).getText()) && shown(b) != null);
      assertThat(shown(browser)).as("an item of round 2").isNotIn(firstRound);
      assertThat(exported("digits")).as("the export after the round").isEqualTo(labels);
      assertThat(browser.findElement(By.id("progress-text")).getText()).startsWith("0 of " + BATCH + " labels this round");
      // the learning curve: a round's accuracy comes once the loop has gone past it, so label round 2
      // too; then one point per round the server reports an accuracy of (optdigits has a test split)
      Map<Integer, Integer> secondRound = new LinkedHashMap<>();
      while (secondRound.size() < BATCH) {
        labelShown(browser, wait, 5, BATCH, secondRound);
      }
      wait.until(b -> "3".equals(b.findElement(By.id("round")).getText()) && shown(b) != null);
      List<String> measured = new ArrayList<>();
      api("GET", "/api/projects/digits/status", null, 200).get("rounds").forEach(r -> {
        if (r.get("accuracy").isNumber()) {
          measured.add(r.get("round").asText());
        }
      });
      assertThat(measured).as("rounds with an accuracy").isNotEmpty();
      wait.until(b -> b.findElements(By.cssSelector("#curve circle")).stream().map(c -> c.getDomAttribute("data-round"))
          .toList().equals(measured));
    } finally {
      browser.quit();
    }
  }

  /** Types {@code token} into the login form and sends it. */
  private static void logIn(WebDriver browser, String token) {
    browser.findElement(By.id("token")).sendKeys(token);
    browser.findElement(By.id("login")).click();
  }

  /** The item the page shows, or null while it shows none. */
  private static Integer shown(WebDriver browser) {
    String item = browser.findElement(By.id("item")).getDomAttribute("data-item");
    return item == null || item.isEmpty() ? null : Integer.valueOf(item);
  }

  /** Presses {@code key} on the page. */
  private static void press(WebDriver browser, String key) {
    browser.findElement(By.tagName("body")).sendKeys(key);
  }

  /**
   * Labels the shown item with the key {@code key} (class {@code key - 1}, the tenth class for 0),
   * waits for the page to take it and move on (to the next item, or to none at the end of a round),
   * records it in {@code labels} (this round's; {@code earlier} labels came in the rounds before)
   * and returns the item. The page's count of labels in all is checked, not this round's: after a
   * round's last label the next round may already be shown, with 0 labels this round.
   */
  private static int labelShown(WebDriver browser, WebDriverWait wait, int key, int earlier,
      Map<Integer, Integer> labels) {
    int item = shown(browser);
    int count = labels.containsKey(item) ? labels.size() : labels.size() + 1;
    press(browser, String.valueOf(key));
    wait.until(b -> b.findElement(By.id("message")).getText().startsWith("Item " + item + ":")
        && b.findElement(By.id("progress-text")).getText().endsWith(", " + (earlier + count) + " in all")
        && !Integer.valueOf(item).equals(shown(b)));
    labels.put(item, (key + 9) % 10);
    return item;
  }

  /** The labels of project {@code name} in its CSV export, item to label; each by alice in round 1. */
  private static Map<Integer, Integer> exported(String name) throws Exception {
    HttpResponse<String> csv = send(admin("/api/projects/" + name + "/labels?format=csv").GET());
    assertThat(csv.statusCode()).as(csv.body()).isEqualTo(200);
    List<String> lines = csv.body().lines().toList();
    List<String> header = List.of(lines.get(0).split(","));
    Map<Integer, Integer> labels = new HashMap<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.split(",");
      assertThat(cells[header.indexOf("round")]).isEqualTo("1");
      assertThat(cells[header.indexOf("annotator")]).isEqualTo("alice");
      assertThat(labels.put(Integer.valueOf(cells[header.indexOf("item")]),
          Integer.valueOf(cells[header.indexOf("label")]))).as("one label per item").isNull();
    }
    return labels;
  }

  private static void createProject(String name) throws Exception {
    api("POST", "/api/projects", "{\"name\":\"" + name + "\",\"pool\":\"optdigits\",\"model\":\"logistic\","
        + "\"strategy\":\"margin\",\"batch\":" + BATCH + ",\"seed\":1,\"roundEvery\":" + BATCH
        + ",\"leaseSeconds\":300}", 201);
  }

  /** A new annotator token of project {@code project}. */
  private static String createAnnotator(String name, String project) throws Exception {
    return api("POST", "/api/tokens", "{\"name\":\"" + name + "\",\"role\":\"annotator\",\"projects\":[\""
        + project + "\"]}", 201).get("token").asText();
  }

  /** An admin's call, which must answer {@code expected}; its JSON. */
  private static JsonNode api(String method, String path, String json, int expected) throws Exception {
    HttpResponse<String> r = send(json == null ? admin(path).method(method, HttpRequest.BodyPublishers.noBody())
        : admin(path).header("Content-Type", "application/json").method(method, body(json)));
    assertThat(r.statusCode()).as("%s %s: %s", method, path, r.body()).isEqualTo(expected);
    return JSON.readTree(r.body());
  }

  private static HttpRequest.Builder admin(String path) {
    return HttpRequest.newBuilder(server.url().resolve(path)).header("Authorization", "Bearer " + ADMIN);
  }

  private static HttpRequest.BodyPublisher body(String json) {
    return HttpRequest.BodyPublishers.ofString(json);
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return HTTP.send(request.timeout(WAIT).build(), HttpResponse.BodyHandlers.ofString());
  }
}
