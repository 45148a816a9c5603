package org.alkit.spark;

import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.alkit.api.Signal;
import org.alkit.runtime.SelectionEngine;
import org.apache.spark.sql.SparkSession;

/**
 * The scaling evidence of docs/spark.md: entropy's top 10 000 of a {@code .npy} pool
 * ({@code src/test/python/generate_pool.py}) selected {@code reps} times on one Spark session, each
 * job timed alone (the session's start is not in it), after one untimed job that warms the JVMs.
 * One line per job: master, items, partitions, milliseconds, a hash of the picks.
 *
 * <pre>
 * SPARK_HOME=al-spark/target/spark-home SPARK_SCALA_VERSION=2.13 java [the --add-opens of ./alkit] \
 *   -cp "al-spark/target/test-classes:al-spark/target/classes:al-spark/target/lib/*:al-spark/target/spark-home/jars/*" \
 *   org.alkit.spark.ScalingBench 'local-cluster[2,1,1024]' POOL.npy 3 32
 * </pre>
 */
public final class ScalingBench {
  private ScalingBench() {}

  public static void main(String[] args) {
    String master = args[0];
    Path npy = Path.of(args[1]).toAbsolutePath();
    int reps = Integer.parseInt(args[2]);
    String partitions = args[3];
    SparkSession spark = SparkSession.builder().master(master).appName("alkit scaling")
        .config("spark.ui.enabled", "false")
        .config("spark.executor.memory", "1g")
        // absolute: executors run in a work folder of their own
        .config("spark.executor.extraClassPath", Arrays.stream(System.getProperty("java.class.path")
            .split(File.pathSeparator)).map(e -> Path.of(e).toAbsolutePath().toString())
            .collect(Collectors.joining(File.pathSeparator)))
        .config("spark.executor.extraJavaOptions", "--add-modules jdk.incubator.vector")
        .getOrCreate();
    try {
      SelectionEngine.Job job = new SelectionEngine.Job("entropy", Map.of(), 10_000, 0, 1,
          Map.of(Signal.PROBABILITIES, npy), null, null, null, Map.of(), Map.of(SparkSelection.PARTITIONS, partitions));
      SparkSelection engine = new SparkSelection();
      engine.select(spark, job);
      for (int r = 0; r < reps; r++) {
        long start = System.nanoTime();
        SelectionEngine.Result result = engine.select(spark, job);
        System.out.printf("%s items %d partitions %s job_ms %d picks %08x%n", master,
            org.alkit.runtime.Npy.header(npy).shape()[0], partitions, (System.nanoTime() - start) / 1_000_000,
            Arrays.hashCode(result.selected()));
      }
    } finally {
      spark.stop();
    }
  }
}
