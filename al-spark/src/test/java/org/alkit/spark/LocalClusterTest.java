package org.alkit.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.alkit.api.Selection;
import org.alkit.runtime.SelectionEngine;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerExecutorRemoved;
import org.apache.spark.scheduler.SparkListenerTaskStart;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The engine on {@code local-cluster[2,1,1024]}: two worker JVMs, the executors separate processes
 * that Spark starts from the {@code SPARK_HOME} the build assembles ({@code target/spark-home}:
 * the Maven-resolved Spark jars and a {@code RELEASE} file; alkit's classes reach the executors
 * through {@code spark.executor.extraClassPath}). Picks equal the single machine's, for the per-item
 * scoring strategies and for the batch ones where the distributed algorithm is the central one (two
 * rounds on one partition, cluster-margin, BADGE's k-means‖ for its seed); and with one
 * executor process killed in the middle of the job, Spark runs its tasks again and the selection
 * is still the same.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class LocalClusterTest extends SessionTest {
  @BeforeAll
  static void start() {
    assumeTrue(Files.isDirectory(Path.of("/proc/self")), "the fault test finds executor processes in /proc (Linux)");
    String home = System.getenv("SPARK_HOME");
    assumeTrue(home != null && Files.isRegularFile(Path.of(home, "RELEASE")) && Files.isDirectory(Path.of(home, "jars")),
        "local-cluster needs SPARK_HOME with RELEASE and jars/ (the al-spark build sets it to target/spark-home;"
            + " run through Maven)");
    pool = new Pools(dir, 4_000, 13);
    // the test's class path (alkit's classes and jars, test classes with the gated strategy) for the executors
    String classPath = Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(entry -> !entry.contains("surefire")).collect(Collectors.joining(File.pathSeparator));
    spark = LocalSpark.builder("local-cluster[2,1,1024]")
        .config("spark.executor.memory", "512m")
        .config("spark.executor.extraClassPath", classPath)
        .config("spark.executor.extraJavaOptions", "--add-modules jdk.incubator.vector")
        .getOrCreate();
  }


  @Test
  void picksEqualTheSingleMachineWithExecutorsInProcessesOfTheirOwn() {
    for (String strategy : List.of("entropy", "power-bald")) {
      Selection single = pool.single(strategy, Map.of(), 50, 4);
      SelectionEngine.Result distributed = pool.spark(spark, strategy, Map.of(), 50, 4, 6);
      assertArrayEquals(Pools.asLongs(single.indices()), distributed.selected(), strategy);
      assertArrayEquals(single.scores(), distributed.scores(), 0.0, strategy);
    }
  }

  @Test
  void batchStrategiesInExecutorProcessesPickAsInOneJvm() {
    // two rounds on one partition are the single machine's greedy; cluster-margin is for any partitioning
    for (String strategy : List.of("coreset", "facility-location")) {
      assertSameSelection(strategy, Map.of(), 1);
    }
    assertSameSelection("cluster-margin", Pools.options("candidates", "5", "max-clustered", "40"), 6);
    // BADGE's k-means‖ seeding depends on its seed, not on which process or partition scores an item
    long[] badge = pool.spark(spark, "badge", Map.of(), 20, 5, 1).selected();
    assertThat(pool.spark(spark, "badge", Map.of(), 20, 5, 6).selected()).containsExactly(badge);
    assertThat(badge[0]).isEqualTo(pool.single("badge", Map.of(), 20, 5).indices()[0]);
  }

  private static void assertSameSelection(String strategy, Map<String, String> options, int partitions) {
    Selection single = pool.single(strategy, options, 20, 5);
    SelectionEngine.Result distributed = pool.spark(spark, strategy, options, 20, 5, partitions);
    assertArrayEquals(Pools.asLongs(single.indices()), distributed.selected(), strategy);
    assertArrayEquals(single.scores(), distributed.scores(), 0.0, strategy);
  }

  @Test
  void aKilledExecutorsTasksRunAgainAndTheSelectionIsTheSame() throws Exception {
    Selection undisturbed = pool.single("gated", Map.of(), 80, 0);
    Path gate = dir.resolve("gate");
    List<String> removed = new CopyOnWriteArrayList<>();
    List<String> killed = new CopyOnWriteArrayList<>();
    SparkListener killer = new SparkListener() {
      @Override
      public void onTaskStart(SparkListenerTaskStart start) {
        String executor = start.taskInfo().executorId();
        if (killed.isEmpty()) {
          Optional<ProcessHandle> process = executorProcess(executor);
          process.ifPresent(p -> {
            killed.add(executor);
            p.destroyForcibly();
          });
          try {
            Files.createFile(gate);
          } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        }
      }

      @Override
      public void onExecutorRemoved(SparkListenerExecutorRemoved event) {
        removed.add(event.executorId());
      }
    };
    spark.sparkContext().addSparkListener(killer);
    try {
      SelectionEngine.Result result = pool.spark(spark, "gated", Map.of("gate", gate.toString()), 80, 0, 8);
      LocalSpark.drain(spark);
      assertThat(killed).as("an executor process was killed while its task waited").hasSize(1);
      assertThat(removed).as("Spark saw the executor go").contains(killed.get(0));
      assertArrayEquals(Pools.asLongs(undisturbed.indices()), result.selected());
      assertArrayEquals(undisturbed.scores(), result.scores(), 0.0);
    } finally {
      spark.sparkContext().removeSparkListener(killer);
      Files.deleteIfExists(gate);
    }
  }

  /**
   * The executor process of this JVM's local cluster with id {@code executor}, found by its
   * arguments in {@code /proc} (ProcessHandle's own view of them stops after a page, inside the
   * class path).
   */
  private static Optional<ProcessHandle> executorProcess(String executor) {
    return ProcessHandle.current().descendants().filter(p -> {
      List<String> args;
      try {
        args = List.of(Files.readString(Path.of("/proc", Long.toString(p.pid()), "cmdline")).split("\0"));
      } catch (java.io.IOException e) {
        return false; // gone already, or no /proc: the test then fails saying no executor was killed
      }
      int at = args.indexOf("--executor-id");
      return args.contains("org.apache.spark.executor.CoarseGrainedExecutorBackend") && at >= 0
          && at + 1 < args.size() && args.get(at + 1).equals(executor);
    }).findFirst();
  }
}
