package org.alkit.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
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
    Launcher.Result local = Launcher.run(SELECT.toArray(String[]::new));
    List<String> spark = new ArrayList<>(SELECT);
    spark.addAll(List.of("--engine", "spark", "--spark-master", "local[2]", "--spark-conf", "spark.ui.enabled=false",
        "--spark-conf", "alkit.partitions=3"));
    Launcher.Result distributed = Launcher.run(spark.toArray(String[]::new));
    assertThat(local.code()).as(local.err()).isZero();
    assertThat(distributed.code()).as(distributed.err()).isZero();
    assertThat(distributed.err()).doesNotContain("Exception").doesNotContain("incubator");
    assertThat(withoutTiming(distributed.out())).isEqualTo(withoutTiming(local.out()));
  }

  /** Checked before Spark starts: the one line is all standard error holds. */
  @Test
  void aBatchStrategyIsRefusedInOneLineWithStatus2() throws Exception {
    Launcher.Result refused = Launcher.run("select", "--strategy", "coreset", "--budget", "3", "--embeddings",
        "examples/pool/features.npy", "--engine", "spark", "--spark-master", "local[1]");
    assertThat(refused.code()).isEqualTo(2);
    assertThat(refused.err()).startsWith("alkit: the spark engine runs strategies that rank items by a per-item score")
        .hasLineCount(1);
    assertThat(refused.out()).isEmpty();
  }
}
