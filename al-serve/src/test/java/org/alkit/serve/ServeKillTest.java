package org.alkit.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of a real server process: under a stream of labels from three client threads, and while
 * a round fits. After a restart on the same {@code --data} the export holds every acknowledged label
 * exactly once, the leases of the dead process are released, and the round the kill interrupted is
 * fitted again and selects what an uninterrupted run selects.
 */
class ServeKillTest {
  private static final String ADMIN = "kill-test-admin";

  @TempDir
  Path data;

  /** A server process: {@link ServeProcess} on this test's class path. */
  private record Server(Process process, URI url) {
    void kill() throws InterruptedException {
      process.destroyForcibly(); // SIGKILL on Linux: no shutdown hook runs
      process.waitFor();
    }
  }

  private Server start() throws IOException {
    ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx512m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
        ServeProcess.class.getName(), data.toString());
    pb.environment().put("ALKIT_ADMIN_TOKEN", ADMIN);
    pb.redirectError(data.resolve("server-" + System.nanoTime() + ".err").toFile());
    Process process = pb.start();
    BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    String line = out.readLine();
    if (line == null || !line.startsWith("alkit serve: ")) {
      process.destroyForcibly();
      throw new AssertionError("the server printed " + line + " instead of its URL");
    }
    return new Server(process, URI.create(line.substring("alkit serve: ".length())));
  }

  private record Ack(int item, String annotator, int label) {}

  @Test
  void everyAcknowledgedLabelSurvivesKill9AndLeasesAreReleased() throws Exception {
    Server first = start();
    Api admin = new Api(first.url(), ADMIN);
    // the first start of a fresh database with ALKIT_ADMIN_TOKEN uses that token
    admin.ok("api/projects", "{\"name\":\"kill\",\"pool\":\"optdigits\",\"batch\":20,\"seed\":3}");
    List<Api> people = new ArrayList<>();
    for (String name : List.of("ann", "bob", "cid")) {
      people.add(admin.as(admin.ok("api/tokens", "{\"name\":\"" + name + "\",\"projects\":[\"kill\"]}")
          .get("token").asText()));
    }
    ConcurrentLinkedQueue<Ack> acks = new ConcurrentLinkedQueue<>();
    AtomicBoolean dead = new AtomicBoolean();
    AtomicInteger count = new AtomicInteger();
    List<Thread> threads = new ArrayList<>();
    for (int k = 0; k < people.size(); k++) {
      Api api = people.get(k);
      String name = List.of("ann", "bob", "cid").get(k);
      Thread thread = new Thread(() -> {
        try {
          while (!dead.get()) {
            JsonNode items = api.ok("api/projects/kill/next?n=2").get("items");
            if (items.isEmpty()) {
              Thread.sleep(20);
            }
            for (JsonNode item : items) {
              int id = item.get("item").asInt();
              int label = id % 10;
              Api.Reply r = api.post("api/projects/kill/labels", "{\"item\":" + id + ",\"label\":" + label + "}");
              assertThat(r.status()).as(r.body()).isEqualTo(200);
              acks.add(new Ack(id, name, label));
              count.incrementAndGet();
            }
          }
        } catch (UncheckedIOException | AssertionError serverGone) {
          if (!dead.get()) {
            throw serverGone;
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      });
      thread.start();
      threads.add(thread);
    }
    ServeApiTest.await("30 acknowledged labels", () -> count.get() >= 30);
    dead.set(true);
    first.kill();
    for (Thread t : threads) {
      t.join();
    }

    Server second = start();
    try {
      Api again = new Api(second.url(), ADMIN);
      JsonNode export = again.ok("api/projects/kill/labels?format=json");
      Map<String, Integer> byKey = new java.util.HashMap<>();
      for (JsonNode row : export) {
        String key = row.get("item").asInt() + "/" + row.get("annotator").asText();
        assertThat(byKey.put(key, row.get("label").asInt())).as("a second label of " + key).isNull();
      }
      for (Ack ack : acks) {
        assertThat(byKey.get(ack.item() + "/" + ack.annotator())).as("acknowledged " + ack).isEqualTo(ack.label());
      }
      // at most the one request each client had in flight when the server died is there unacknowledged
      assertThat(export.size() - acks.size()).isBetween(0, people.size());

      // the dead process's leases are released: a new annotator gets every unlabeled item of the open round
      Api zed = again.as(again.ok("api/tokens", "{\"name\":\"zed\",\"projects\":[\"kill\"]}").get("token").asText());
      ServeApiTest.await("the open round", () -> !zed.ok("api/projects/kill/status").get("fitting").asBoolean());
      JsonNode status = zed.ok("api/projects/kill/status");
      int open = status.get("batch").asInt() - status.get("labelsThisRound").asInt();
      assertThat(zed.ok("api/projects/kill/next?n=50").get("items")).hasSize(open);
      assertThat(status.get("labels").asInt()).isEqualTo(byKey.keySet().stream().map(k -> k.split("/")[0])
          .collect(Collectors.toSet()).size());

      // a kill while a round fits (slow-logistic: each fit takes two seconds)
      again.ok("api/projects", "{\"name\":\"slow\",\"pool\":\"optdigits\",\"model\":\"slow-logistic\",\"batch\":5}");
      labelSeedBatch(again, "slow");
      ServeApiTest.await("the fit", () -> again.ok("api/projects/slow/status").get("fitting").asBoolean());
    } finally {
      second.kill();
    }

    // the kill came while round 1 fitted: the database says so, and holds no round 2
    try (Connection c = DriverManager.getConnection(Database.embeddedUrl(data));
        PreparedStatement s = c.prepareStatement("SELECT r.round, r.state FROM rounds r JOIN projects p"
            + " ON p.id = r.project_id WHERE p.name = 'slow' ORDER BY r.round");
        ResultSet r = s.executeQuery()) {
      List<String> rounds = new ArrayList<>();
      while (r.next()) {
        rounds.add(r.getInt(1) + " " + r.getString(2));
      }
      assertThat(rounds).containsExactly("1 " + Project.FITTING);
    }

    Server third = start();
    try {
      Api after = new Api(third.url(), ADMIN);
      ServeApiTest.await("round 2 after the refit", () -> after.ok("api/projects/slow/status").get("round").asInt() == 2
          && !after.ok("api/projects/slow/status").get("fitting").asBoolean());
      Set<Integer> refitted = items(after.ok("api/projects/slow/next?n=5"));
      // an uninterrupted run of the same project on the same labels selects the same round 2
      after.ok("api/projects", "{\"name\":\"calm\",\"pool\":\"optdigits\",\"model\":\"slow-logistic\",\"batch\":5}");
      labelSeedBatch(after, "calm");
      ServeApiTest.await("round 2 of calm", () -> after.ok("api/projects/calm/status").get("round").asInt() == 2
          && !after.ok("api/projects/calm/status").get("fitting").asBoolean());
      assertThat(refitted).hasSize(5).isEqualTo(items(after.ok("api/projects/calm/next?n=5")));
    } finally {
      third.kill();
    }
  }

  /** Labels the seed batch of {@code project} (each item's label: its id mod 10) and returns its items. */
  private static List<Integer> labelSeedBatch(Api api, String project) {
    ServeApiTest.await("round 1 of " + project, () -> !api.ok("api/projects/" + project + "/status")
        .get("fitting").asBoolean());
    List<Integer> items = new ArrayList<>(items(api.ok("api/projects/" + project + "/next?n=100")));
    for (int item : items) {
      api.ok("api/projects/" + project + "/labels", "{\"item\":" + item + ",\"label\":" + item % 10 + "}");
    }
    return items;
  }

  private static Set<Integer> items(JsonNode next) {
    Set<Integer> out = new HashSet<>();
    next.get("items").forEach(i -> out.add(i.get("item").asInt()));
    return out;
  }
}
