package org.alkit.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.alkit.eval.data.Datasets;
import org.alkit.runtime.LabelingService;
import org.alkit.runtime.Npy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The API of a running service (in this JVM, embedded H2): auth, the labeling flow on optdigits
 * through next and labels, leases, undo, export, status, content, and a 4xx with one line of JSON
 * naming the field for every bad request.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServeApiTest {
  @TempDir
  static Path data;

  private LabelingService.Running server;
  private Api admin;

  @BeforeAll
  void start() {
    server = new ServeService().start(new LabelingService.Settings(data, 0, Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.of("test-admin-token")));
    admin = new Api(server.url(), "test-admin-token");
    admin.ok("api/projects", """
        {"name":"digits","pool":"optdigits","model":"logistic","strategy":"margin","batch":6,"seed":1,
         "roundEvery":6,"leaseSeconds":300}""");
    admin.ok("api/projects", """
        {"name":"other","pool":"optdigits","batch":4,"seed":2}""");
  }

  @AfterAll
  void stop() {
    server.close();
  }

  private Api annotator(String name, String project) {
    JsonNode created = admin.ok("api/tokens", "{\"name\":\"" + name + "\",\"role\":\"annotator\",\"projects\":[\""
        + project + "\"]}");
    assertThat(created.get("name").asText()).isEqualTo(name);
    return admin.as(created.get("token").asText());
  }

  static void await(String what, BooleanSupplier done) {
    long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > end) {
        throw new AssertionError("timed out waiting for " + what);
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  /** The items of {@code api}'s next call once the round is open. */
  private static List<Integer> next(Api api, String project, int n) {
    List<Integer> items = new ArrayList<>();
    await("round open", () -> !api.ok("api/projects/" + project + "/status").get("fitting").asBoolean());
    for (JsonNode item : api.ok("api/projects/" + project + "/next?n=" + n).get("items")) {
      items.add(item.get("item").asInt());
    }
    return items;
  }

  @Test
  void labelsTwoRoundsThroughNextAndLabelsAndExportsThem() {
    admin.ok("api/projects", """
        {"name":"flow","pool":"optdigits","model":"logistic","strategy":"margin","batch":6,"seed":1,
         "roundEvery":6,"leaseSeconds":300}""");
    Api alice = annotator("alice", "flow");
    List<Integer> first = next(alice, "flow", 6);
    assertThat(first).hasSize(6).doesNotHaveDuplicates();
    StringBuilder batch = new StringBuilder("[");
    for (int k = 0; k < first.size(); k++) {
      batch.append(k == 0 ? "" : ",").append("{\"item\":").append(first.get(k)).append(",\"label\":").append(k % 10)
          .append('}');
    }
    assertThat(alice.ok("api/projects/flow/labels", batch + "]").get("accepted").asInt()).isEqualTo(6);
    await("round 2", () -> alice.ok("api/projects/flow/status").get("round").asInt() == 2);
    List<Integer> second = next(alice, "flow", 10);
    assertThat(second).hasSize(6).doesNotContainAnyElementsOf(first);
    for (int item : second) {
      alice.ok("api/projects/flow/labels", "{\"item\":" + item + ",\"label\":3}");
    }
    await("round 3", () -> alice.ok("api/projects/flow/status").get("round").asInt() == 3);
    JsonNode status = alice.ok("api/projects/flow/status");
    assertThat(status.get("labels").asInt()).isEqualTo(12);
    assertThat(status.get("batch").asInt()).isEqualTo(6);
    assertThat(status.get("classes")).hasSize(10);
    assertThat(status.get("rounds").get(0).get("labels").asInt()).isEqualTo(6);
    // round 1's model (fitted on its 6 labels) is measured on the held-out quarter of optdigits
    double accuracy = status.get("rounds").get(0).get("accuracy").asDouble();
    assertThat(accuracy).isBetween(0.0, 1.0);
    JsonNode export = alice.ok("api/projects/flow/labels?format=json");
    assertThat(export).hasSize(12);
    assertThat(export.get(0).get("annotator").asText()).isEqualTo("alice");
    assertThat(export.get(0).get("round").asInt()).isEqualTo(1);
    assertThat(export.get(11).get("round").asInt()).isEqualTo(2);
    Api.Reply csv = alice.get("api/projects/flow/labels?format=csv");
    assertThat(csv.type()).startsWith("text/csv");
    assertThat(csv.body().lines()).hasSize(13).first().isEqualTo("item,label,annotator,round,time");
    // idempotent per (item, annotator): the same label again changes nothing
    assertThat(alice.ok("api/projects/flow/labels", "{\"item\":" + second.get(0) + ",\"label\":3}")
        .get("accepted").asInt()).isEqualTo(1);
    assertThat(alice.ok("api/projects/flow/labels")).hasSize(12);
  }

  @Test
  void anItemOnePersonHoldsIsNotHandedToAnother() {
    Api carol = annotator("carol", "other");
    Api dave = annotator("dave", "other");
    List<Integer> held = next(carol, "other", 3);
    List<Integer> rest = next(dave, "other", 10);
    assertThat(held).hasSize(3);
    assertThat(rest).hasSize(1).doesNotContainAnyElementsOf(held);
    // asking again hands carol the same items, not more of dave's
    assertThat(next(carol, "other", 3)).containsExactlyElementsOf(held);
    Api.Reply stolen = dave.post("api/projects/other/labels", "{\"item\":" + held.get(0) + ",\"label\":1}");
    assertThat(stolen.status()).isEqualTo(409);
    assertThat(stolen.error()).contains("item = " + held.get(0)).contains("not leased to dave");
    // undo: carol's own label of the open round goes, and the item is handed out again
    carol.ok("api/projects/other/labels", "{\"item\":" + held.get(0) + ",\"label\":1}");
    assertThat(carol.delete("api/projects/other/labels/" + held.get(0)).status()).isEqualTo(204);
    assertThat(carol.delete("api/projects/other/labels/" + held.get(0)).status()).isEqualTo(404);
    assertThat(next(carol, "other", 3)).contains(held.get(0));
  }

  @Test
  void tokensAreCheckedAndProjectsAreSeparated() {
    Api erin = annotator("erin", "digits");
    assertThat(erin.as(null).get("api/projects").status()).isEqualTo(401);
    assertThat(erin.as("not-a-token").get("api/projects").status()).isEqualTo(401);
    assertThat(erin.as(null).get("api/projects").error()).contains("Authorization");
    Api.Reply forbidden = erin.get("api/projects/other/status");
    assertThat(forbidden.status()).isEqualTo(403);
    assertThat(forbidden.error()).contains("project = 'other'");
    assertThat(erin.ok("api/projects")).extracting(p -> p.get("name").asText()).containsExactly("digits");
    assertThat(admin.ok("api/projects")).extracting(p -> p.get("name").asText()).contains("digits", "other");
    Api.Reply notAdmin = erin.post("api/projects", "{\"name\":\"mine\",\"pool\":\"optdigits\"}");
    assertThat(notAdmin.status()).isEqualTo(403);
    assertThat(erin.post("api/tokens", "{\"name\":\"x\"}").status()).isEqualTo(403);
    assertThat(admin.post("api/tokens", "{\"name\":\"erin\"}").status()).isEqualTo(409);
  }

  @Test
  void everyBadRequestGetsA4xxWithOneLineNamingTheField() {
    Api frank = annotator("frank", "digits");
    List<Integer> mine = next(frank, "digits", 1);
    int item = mine.isEmpty() ? 0 : mine.get(0);
    assertRefused(frank.get("api/projects/nope/status"), 404, "project = 'nope'");
    assertRefused(frank.post("api/projects/digits/labels", "{\"item\":" + item + ",\"label\":10}"), 400,
        "label = 10");
    assertRefused(frank.post("api/projects/digits/labels", "{\"item\":" + item + ",\"label\":-1}"), 400,
        "label = -1");
    assertRefused(frank.post("api/projects/digits/labels", "{\"item\":99999,\"label\":1}"), 400, "item = 99999");
    assertRefused(frank.post("api/projects/digits/labels", "{\"item\":" + item + ",\"label\":\"x\"}"), 400,
        "label = \"x\"");
    assertRefused(frank.post("api/projects/digits/labels", "{\"item\":" + item + "}"), 400, "label: missing");
    assertRefused(frank.post("api/projects/digits/labels", "{\"item\":1,\"label\":1,\"who\":2}"), 400, "who");
    assertRefused(frank.post("api/projects/digits/labels", "{\"item\": 1, \"label\": "), 400, "malformed JSON");
    assertRefused(frank.post("api/projects/digits/labels", "text/plain", "{\"item\":1,\"label\":1}"), 415,
        "Content-Type: text/plain");
    assertRefused(frank.post("api/projects/digits/labels", "{\"item\":1,\"label\":1,\"x\":\""
        + "a".repeat(ApiController.MAX_JSON_BYTES) + "\"}"), 413, "body");
    assertRefused(frank.post("api/projects/digits/labels", "{\"item\":" + "a".repeat(70 << 20) + "}"), 413, "body");
    assertRefused(frank.get("api/projects/digits/next?n=zero"), 400, "n = 'zero'");
    assertRefused(frank.get("api/projects/digits/items/../../etc/passwd/content"), 404, "");
    assertRefused(frank.get("api/projects/digits/items/-3/content"), 400, "item = '-3'");
    assertRefused(frank.get("api/projects/digits/items/999999/content"), 404, "item = 999999");
    assertRefused(frank.get("api/projects/digits/labels?format=xml"), 400, "format = 'xml'");
    assertRefused(frank.delete("api/projects/digits/status"), 405, "method DELETE");
    assertRefused(admin.post("api/projects", "{\"name\":\"bad\",\"pool\":\"nope\"}"), 400, "pool = 'nope'");
    assertRefused(admin.post("api/projects", "{\"name\":\"bad\",\"pool\":\"optdigits\",\"strategy\":\"nope\"}"), 400,
        "nope");
    assertRefused(admin.post("api/projects", "{\"name\":\"bad\",\"pool\":\"optdigits\",\"batch\":0}"), 400,
        "batch = 0");
    assertRefused(admin.post("api/projects", "{\"name\":\"bad\",\"pool\":{\"npy\":\"../x.npy\"}}"), 400,
        "pool.npy = '../x.npy'");
    assertRefused(admin.post("api/projects", "{\"name\":\"digits\",\"pool\":\"optdigits\"}"), 409, "name = 'digits'");
    assertRefused(admin.post("api/projects", "[1, 2]"), 400, "body: an array");
  }

  private static void assertRefused(Api.Reply reply, int status, String names) {
    assertThat(reply.status()).as(reply.body()).isEqualTo(status);
    assertThat(reply.type()).startsWith("application/json");
    assertThat(reply.error()).contains(names).doesNotContain("\n");
  }

  @Test
  void fashionMnistProjectsHandOutItsImages() {
    Assumptions.assumeTrue(Files.isDirectory(Datasets.fashionMnistDir(System.getenv())),
        "Fashion-MNIST is not installed (Debian package dataset-fashion-mnist)");
    JsonNode project = admin.ok("api/projects", "{\"name\":\"fashion\",\"pool\":\"fashion-mnist\",\"batch\":3}");
    assertThat(project.get("poolSize").asInt()).isEqualTo(60_000);
    assertThat(project.get("classes").get(9).asText()).isEqualTo("Ankle boot");
    Api.Reply png = admin.get("api/projects/fashion/items/59999/content");
    assertThat(png.type()).isEqualTo("image/png");
    assertThat(next(admin, "fashion", 5)).hasSize(3);
  }

  @Test
  void contentIsAnImageOrAFeatureRowByIdAlone() throws Exception {
    Api.Reply png = admin.get("api/projects/digits/items/5/content");
    assertThat(png.status()).isEqualTo(200);
    assertThat(png.type()).isEqualTo("image/png");
    float[][] rows = {{1f, 2f, 3f}, {4f, 5f, 6f}, {0f, 1f, 0f}, {2f, 2f, 2f}};
    Npy.writeMatrix(data.resolve("rows.npy"), org.alkit.api.Matrix.of(rows));
    admin.ok("api/projects", "{\"name\":\"rows\",\"pool\":{\"npy\":\"rows.npy\"},\"classes\":[\"a\",\"b\"],\"batch\":2}");
    JsonNode row = admin.ok("api/projects/rows/items/1/content");
    assertThat(row.get("features")).extracting(JsonNode::floatValue).containsExactly(4f, 5f, 6f);
    // an unlabeled pool has no test split: rounds carry no accuracy, and labels are the given classes
    JsonNode status = admin.ok("api/projects/rows/status");
    assertThat(status.get("classes")).extracting(JsonNode::asText).containsExactly("a", "b");
  }
}
