package org.alkit.runtime;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.nio.file.Path;
import java.util.Map;
import org.alkit.api.Options;
import org.alkit.api.ScenarioHints;
import org.alkit.api.Signal;
import org.apiguardian.api.API;

/**
 * An engine that runs one selection somewhere other than this JVM's heap, found through
 * {@link java.util.ServiceLoader} under its {@link #name()}: al-spark's {@code spark}, which
 * {@code alkit select --engine spark} loads only when it is asked for (its jars are on the class
 * path then alone), so no other command pays for it.
 */
@API(status = EXPERIMENTAL, since = "0.3")
public interface SelectionEngine {
  /** The name {@code --engine} takes. */
  String name();

  /**
   * Runs the selection {@code job} describes.
   *
   * @throws org.alkit.api.AlException in one line, for bad input (checked before any work where
   *     possible)
   */
  Result select(Job job);

  /**
   * One selection: the strategy and its options, the budget, seed and round, and the pool: either
   * {@code .npy} files ({@code signals}, {@code labeled}, {@code labels}, as {@code alkit select}
   * reads them; picks are pool indices) or a Parquet data set ({@code parquet}, a path or a URI
   * such as {@code hdfs://…} or {@code s3a://…}, with {@code columns} naming its columns; picks are
   * its ids). {@code settings} are the engine's own (e.g. the Spark
   * master and {@code --conf} keys); {@code hints} the scenario's (SIMILAR reads them).
   */
  record Job(String strategy, Map<String, String> options, int budget, long seed, int round,
      Map<Signal, Path> signals, Path labeled, Path labels, String parquet, Map<String, String> columns,
      Map<String, String> settings, ScenarioHints hints) {
    /** Copies the maps. */
    public Job {
      options = Map.copyOf(options);
      signals = Map.copyOf(signals);
      columns = Map.copyOf(columns);
      settings = Map.copyOf(settings);
      hints = hints == null ? ScenarioHints.none() : hints;
    }

    /** The job without scenario hints. */
    public Job(String strategy, Map<String, String> options, int budget, long seed, int round,
        Map<Signal, Path> signals, Path labeled, Path labels, String parquet, Map<String, String> columns,
        Map<String, String> settings) {
      this(strategy, options, budget, seed, round, signals, labeled, labels, parquet, columns, settings,
          ScenarioHints.none());
    }
  }

  /**
   * What a selection picked, best first, with the scores the strategy reports, the options it ran
   * with, and the time it took in nanoseconds (from the engine's start to the merged result).
   */
  record Result(Options options, long[] selected, double[] scores, long nanos) {}
}
