package org.alkit.runtime;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import org.alkit.api.InvalidInputException;
import org.alkit.api.Options;
import org.alkit.api.ScenarioHints;
import org.alkit.api.Selection;
import org.alkit.api.SelectionContext;
import org.alkit.api.Signal;
import org.apiguardian.api.API;

/**
 * An engine that runs one selection somewhere other than this JVM's heap, found through
 * {@link java.util.ServiceLoader} under its {@link #name()}: al-spark's {@code spark}, which
 * {@code alkit select --engine spark} and {@code alkit run} with {@code engine: spark} load only
 * when it is asked for (its jars are on the class path then alone), so no other command pays for
 * it. An engine may also select the rounds of an active-learning loop ({@link #rounds}), whose
 * model fits in this JVM.
 */
@API(status = EXPERIMENTAL, since = "0.3")
public interface SelectionEngine {
  /** The name of the engine that selects in this JVM, which is no {@code SelectionEngine}. */
  String LOCAL = "local";

  /** The name {@code --engine} takes. */
  String name();

  /**
   * The installed engine called {@code name}.
   *
   * @throws InvalidInputException naming {@code what} (the flag or key that gave the name) and
   *     the installed engines
   */
  static SelectionEngine named(String what, String name) {
    List<String> installed = new ArrayList<>(List.of(LOCAL));
    for (SelectionEngine e : ServiceLoader.load(SelectionEngine.class)) {
      if (e.name().equals(name)) {
        return e;
      }
      installed.add(e.name());
    }
    throw new InvalidInputException(what + " = '" + name + "' is not installed; expected one of "
        + String.join(", ", installed) + (name.equals("spark") ? " (./alkit loads al-spark for the spark engine once"
        + " it is built: ./mvnw -B install -DskipTests -pl al-spark -am)" : ""));
  }

  /**
   * Selection for the rounds of an active-learning loop whose model fits in this JVM: checks,
   * before any work, that the engine runs {@code strategy} with {@code options} (else one line
   * naming the strategies it runs); the engine's resources (a Spark session) start with the first
   * round's selection and end with {@link Rounds#close()}.
   *
   * @param settings the engine's own (e.g. the Spark master and configuration keys)
   * @throws org.alkit.api.AlException in one line, for a strategy or setting the engine refuses
   */
  default Rounds rounds(String strategy, Options options, Map<String, String> settings) {
    throw new InvalidInputException("engine '" + name() + "' runs no active-learning loop; expected engine "
        + LOCAL);
  }

  /** The selections of one loop's rounds on an engine, and the engine's resources they hold. */
  interface Rounds extends AutoCloseable {
    /**
     * What the strategy picks from {@code ctx}, exactly as it would in this JVM.
     *
     * @param reads the signals of {@code ctx} the strategy reads
     */
    Selection select(SelectionContext ctx, Set<Signal> reads);

    /** Releases the engine's resources. */
    @Override
    void close();
  }

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
