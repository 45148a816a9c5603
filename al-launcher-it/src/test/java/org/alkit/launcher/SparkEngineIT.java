package org.alkit.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code ./alkit select --engine spark}: the launcher puts al-spark and the Spark jars its build
 * resolved on the class path for that command, and the JSON is the local engine's, timing aside.
 */
class SparkEngineIT {
  private static final List<String> SELECT = List.of("select", "--strategy", "entropy", "--budget", "10",
      "--probs", "examples/pool/probs.npy", "--labeled", "examples/pool/labeled.npy");

  private static String withoutTiming(String json) {
    return json.replaceAll("\"select_ms\" : [0-9.]+", "");
  }

  @Test
  void theSparkEngineWritesTheLocalEnginesJson() throws Exception {
    assertSparkWritesTheLocalJson(SELECT, "local[2]", 3);
  }

  /** {@code select} on the local engine and on Spark ({@code master}, {@code partitions}): the same JSON. */
  private static void assertSparkWritesTheLocalJson(List<String> select, String master, int partitions)
      throws Exception {
    Launcher.Result local = Launcher.run(select.toArray(String[]::new));
    List<String> spark = new ArrayList<>(select);
    spark.addAll(List.of("--engine", "spark", "--spark-master", master, "--spark-conf", "spark.ui.enabled=false",
        "--spark-conf", "alkit.partitions=" + partitions));
    Launcher.Result distributed = Launcher.run(spark.toArray(String[]::new));
    assertThat(local.code()).as(local.err()).isZero();
    assertThat(distributed.code()).as(distributed.err()).isZero();
    assertThat(distributed.err()).doesNotContain("Exception").doesNotContain("incubator");
    assertThat(withoutTiming(distributed.out())).isEqualTo(withoutTiming(local.out()));
  }

  /**
   * On {@code local-cluster[2,1,1024]} the executors are processes of their own, started from the
   * SPARK_HOME the al-spark build assembles, without alkit on their class path: the launcher names
   * alkit's jars, which the engine ships to them as {@code spark.jars}, so the picks are the local
   * engine's (they failed with ClassNotFoundException before).
   */
  @Test
  void executorsInProcessesOfTheirOwnGetAlkitsJarsFromTheLauncher() throws Exception {
    Launcher.Result local = Launcher.run(SELECT.toArray(String[]::new));
    List<String> cluster = new ArrayList<>(SELECT);
    cluster.addAll(List.of("--engine", "spark", "--spark-master", "local-cluster[2,1,1024]", "--spark-conf",
        "spark.ui.enabled=false", "--spark-conf", "alkit.partitions=4"));
    Launcher.Result distributed = Launcher.run(Map.of("SPARK_HOME",
        Launcher.ROOT.resolve("al-spark/target/spark-home").toString(), "SPARK_SCALA_VERSION", "2.13"),
        cluster.toArray(String[]::new));
    assertThat(distributed.code()).as(distributed.err()).isZero();
    assertThat(distributed.err()).doesNotContain("ClassNotFoundException");
    assertThat(withoutTiming(distributed.out())).isEqualTo(withoutTiming(local.out()));
  }

  /**
   * A batch strategy the engine distributes (two-round k-center) on one partition, with scenario
   * flags that pass through to it: the local engine's JSON.
   */
  @Test
  void aDistributedBatchStrategyOnOnePartitionWritesTheLocalEnginesJson() throws Exception {
    assertSparkWritesTheLocalJson(List.of("select", "--strategy", "coreset", "--budget", "5", "--embeddings",
        "examples/pool/features.npy", "--labeled", "examples/pool/labeled.npy", "--scenario", "redundancy"),
        "local[1]", 1);
  }

  /** Checked before Spark starts: the one line is all standard error holds. */
  @Test
  void aBatchStrategyIsRefusedInOneLineWithStatus2() throws Exception {
    Launcher.Result refused = Launcher.run("select", "--strategy", "kmeans", "--budget", "3", "--embeddings",
        "examples/pool/features.npy", "--engine", "spark", "--spark-master", "local[1]");
    assertThat(refused.code()).isEqualTo(2);
    assertThat(refused.err()).startsWith("alkit: the spark engine runs strategies that rank items by a per-item score")
        .hasLineCount(1);
    assertThat(refused.out()).isEmpty();
  }
}
