package org.alkit.spark;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.alkit.api.AlException;
import org.alkit.api.InvalidInputException;
import org.alkit.api.Options;
import org.alkit.api.ScoringStrategy;
import org.alkit.api.Signal;
import org.alkit.api.StrategyProvider;
import org.alkit.runtime.Registry;
import org.alkit.runtime.SelectionEngine;
import org.alkit.runtime.SelectionRequest;
import org.apache.spark.sql.SparkSession;
import org.apiguardian.api.API;

/**
 * Selection as a Spark job, the {@code spark} {@link SelectionEngine} of
 * {@code alkit select --engine spark}: every strategy that ranks items by a score of each item
 * alone (a {@link ScoringStrategy} whose {@link ScoringStrategy#scoresItemsAlone()}: the uncertainty family, BALD, variation ratio, mean-std, power-BALD, EGL,
 * label dispersion, …) scores each partition of the pool in an executor with its own kernels
 * ({@link ScoringStrategy#rank}), each partition sends back its best {@code k}, and the driver
 * merges the global top {@code k} by alkit's tie rule (higher key first, then the lower index).
 * Picks and scores are those of the single-machine {@code alkit select}, bit for bit, for any
 * partitioning: each item's score is computed alone, and power-BALD's draws are those of the whole
 * pool ({@link org.alkit.api.SelectionContext.Builder#drawsBefore}). The batch strategies
 * {@code coreset}, {@code facility-location}, {@code similar}, {@code cluster-margin} and
 * {@code badge} run as the distributed algorithms that scale them (two-round greedy, GreeDi, global
 * candidates, k-means‖), described in the package's {@code BatchDiversity} and docs/spark.md.
 *
 * <p>The pool is either the {@code .npy} files {@code alkit select} reads, split into row ranges
 * that each task reads from the files itself (so every executor must see the same path: a shared
 * file system), with the same checks and one-line messages as the single machine before any job;
 * or a Parquet data set of one row per item ({@link Columns}), picks named by its ids.
 *
 * <p>Settings ({@link SelectionEngine.Job#settings()}): {@code master} (default {@code local[*]},
 * or the master spark-submit set), {@value #PARTITIONS} (row ranges of a {@code .npy} pool; default
 * Spark's default parallelism), and any other key as a Spark configuration property.
 */
@API(status = EXPERIMENTAL, since = "0.3")
public final class SparkSelection implements SelectionEngine {
  /** The setting that splits a {@code .npy} pool into this many row ranges. */
  public static final String PARTITIONS = "alkit.partitions";
  /** The setting of the Spark master URL. */
  public static final String MASTER = "master";
  /**
   * The system property through which the {@code alkit} launcher names alkit's own jars
   * (comma-separated), for executors that run in processes of their own.
   */
  static final String LAUNCHER_JARS = "alkit.spark.jars";

  private final Supplier<Registry> registry;

  /** The engine, as ServiceLoader creates it; strategies come from {@link Registry#load()}. */
  public SparkSelection() {
    this(Registry::load);
  }

  /** The engine with the strategies of {@code registry}. */
  public SparkSelection(Supplier<Registry> registry) {
    this.registry = registry;
  }

  @Override
  public String name() {
    return "spark";
  }

  /**
   * Checks the job (everything that needs no Spark: the strategy, its options, the {@code .npy}
   * headers and labeled set, the partition count), then starts a Spark session from the job's
   * settings, selects, and stops the session.
   */
  @Override
  public Result select(Job job) {
    long start = System.nanoTime();
    Checked checked = check(job);
    SparkSession spark = start("alkit select " + job.strategy(), job.settings());
    try {
      Top top = checked.rank(spark, job);
      return new Result(checked.options(), top.ids(), top.scores(), System.nanoTime() - start);
    } finally {
      spark.stop();
    }
  }

  /**
   * The rounds of an active-learning loop ({@code alkit run} with {@code engine: spark}): the
   * strategy is checked here, before the loop's first fit; the Spark session starts with the first
   * round's selection and stops on {@link Rounds#close()}. Each round, the driver splits the
   * context's signals (computed on the driver by the fitted model) into row ranges, the executors
   * score them, and the driver merges, as for a {@code .npy} pool: the picks are those the strategy
   * makes in the loop's JVM.
   */
  @Override
  public Rounds rounds(String strategy, Options options, Map<String, String> settings) {
    requireScoring(registry.get().strategy(strategy).create(options), false);
    Integer partitions = settings.containsKey(PARTITIONS) ? requirePartitions(settings.get(PARTITIONS)) : null;
    return new LoopRounds(strategy, options, settings, partitions);
  }

  /**
   * A Spark session from {@code settings}: the master (default {@code local[*]}, unless
   * spark-submit set one), every key but {@value #MASTER} and {@value #PARTITIONS} as a Spark
   * property (the web UI off unless one names it, {@link #withoutUi}), and alkit's jars for executors in processes of their own ({@link #shippedJars}).
   */
  static SparkSession start(String app, Map<String, String> settings) {
    Map<String, String> conf = new LinkedHashMap<>(settings);
    String master = conf.remove(MASTER);
    conf.remove(PARTITIONS);
    SparkSession.Builder builder = SparkSession.builder().appName(app);
    if (master != null) {
      builder.master(master);
    } else if (System.getProperty("spark.master") == null) { // spark-submit sets it
      builder.master("local[*]");
    }
    withoutUi(conf).forEach(builder::config);
    shippedJars(master, conf).ifPresent(jars -> builder.config("spark.jars", jars));
    return builder.getOrCreate();
  }

  /**
   * {@code conf} with Spark's web UI off unless it names {@code spark.ui.enabled}: alkit's sessions
   * last one selection or one loop, nobody watches a UI for that, and starting its web server
   * (Jetty) is a large share of a one-shot {@code select}'s start.
   */
  static Map<String, String> withoutUi(Map<String, String> conf) {
    Map<String, String> out = new LinkedHashMap<>(conf);
    out.putIfAbsent("spark.ui.enabled", "false");
    return out;
  }

  /**
   * Selects on {@code spark}, which the caller owns: the driver checks the inputs, the executors
   * score the partitions, the driver merges.
   *
   * @throws AlException in one line, for bad input or a strategy that ranks no per-item score
   */
  public Result select(SparkSession spark, Job job) {
    long start = System.nanoTime();
    Checked checked = check(job);
    Top top = checked.rank(spark, job);
    return new Result(checked.options(), top.ids(), top.scores(), System.nanoTime() - start);
  }

  /** What the driver checks before Spark runs anything. */
  private Checked check(Job job) {
    if (job.parquet() != null) {
      if (!job.signals().isEmpty() || job.labeled() != null || job.labels() != null) {
        throw new InvalidInputException("a Parquet pool carries its signals and labels in columns; expected no"
            + " .npy files beside it");
      }
      StrategyProvider provider = registry.get().strategy(job.strategy());
      Options options = provider.options(job.options());
      if (!BatchDiversity.serves(job.strategy())) {
        requireScoring(provider.create(options), true);
      }
      Shard shard = new Shard(job.strategy(), options.asText(), requireBudget(job.budget()), job.seed(), job.round());
      return new Checked(options, shard, Batch.of(shard, job.hints()), provider.requires(options),
          Columns.of(job.columns()), null, Map.of(), null);
    }
    SelectionRequest.Builder request = SelectionRequest.builder(job.strategy(), job.options(), job.budget())
        .round(job.round()).seed(job.seed()).labeled(job.labeled()).labels(job.labels())
        .hints(job.hints().scenario(), List.copyOf(job.hints().rareClasses()), List.copyOf(job.hints().oodClasses()));
    job.signals().forEach(request::signal);
    SelectionRequest checked = request.build(registry.get());
    checked.requireSignals();
    if (!BatchDiversity.serves(job.strategy())) {
      requireScoring(checked.strategy(), true);
    }
    Options options = checked.options();
    Shard shard = new Shard(job.strategy(), options.asText(), job.budget(), job.seed(), job.round());
    Set<Signal> read = new TreeSet<>(checked.provider().requires(options));
    read.addAll(checked.provider().uses());
    read.retainAll(job.signals().keySet());
    Map<Signal, String> files = new EnumMap<>(Signal.class);
    // absolute: executors resolve a relative path against their own working folder
    read.forEach(s -> files.put(s, job.signals().get(s).toAbsolutePath().toString()));
    Integer partitions = job.settings().containsKey(PARTITIONS) ? requirePartitions(job.settings().get(PARTITIONS))
        : null;
    return new Checked(options, shard, Batch.of(shard, job.hints()), read, null, checked, files, partitions);
  }

  /**
   * A checked job: the strategy's options and its tasks' settings ({@code shard}), and the pool:
   * Parquet ({@code columns} and the signals the strategy requires) or {@code .npy} ({@code npy},
   * the {@code files} each task reads, and the partition count, or null for Spark's default
   * parallelism).
   */
  private record Checked(Options options, Shard shard, Batch batch, Set<Signal> requires, Columns columns,
      SelectionRequest npy, Map<Signal, String> files, Integer partitions) {
    Top rank(SparkSession spark, Job job) {
      if (BatchDiversity.serves(shard.strategy())) {
        return BatchDiversity.select(npy == null
            ? ParquetPool.open(spark, job.parquet(), columns, requires, shard.strategy(), false) : npyPool(spark),
            batch);
      }
      if (npy == null) {
        return ParquetPool.rank(spark, job.parquet(), columns, requires, shard);
      }
      return npyPool(spark).rank(shard, 0);
    }

    NpyPool npyPool(SparkSession spark) {
      return new NpyPool(spark, npy.poolSize(), npy.labeled(), npy.labels(), files,
          partitions != null ? partitions : spark.sparkContext().defaultParallelism());
    }
  }

  private static int requireBudget(int budget) {
    if (budget < 1) {
      throw new InvalidInputException("--budget = " + budget + "; expected 1 or more");
    }
    return budget;
  }

  private static int requirePartitions(String text) {
    try {
      int p = Integer.parseInt(text.trim());
      if (p >= 1) {
        return p;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new InvalidInputException(PARTITIONS + " = '" + text + "'; expected a whole number >= 1");
  }

  /**
   * Refuses {@code strategy} unless it scores each item alone, in one line listing those that do,
   * and, where {@code batches} (a {@code select}; a loop's rounds run scoring strategies only), the
   * batch strategies the engine distributes.
   */
  private void requireScoring(Object strategy, boolean batches) {
    if (!(strategy instanceof ScoringStrategy scoring && scoring.scoresItemsAlone())) {
      List<String> scoring = new ArrayList<>();
      for (StrategyProvider p : registry.get().strategies()) {
        if (isScoring(p)) {
          scoring.add(p.name());
        }
      }
      throw new InvalidInputException(batches
          ? "the spark engine runs strategies that rank items by a per-item score, and the batch strategies it"
              + " distributes; this one is neither. Expected one of " + String.join(", ", scoring) + "; or "
              + String.join(", ", BatchDiversity.STRATEGIES)
          : "the spark engine runs strategies that rank items by a per-item score; this one does not. Expected one of "
              + String.join(", ", scoring));
    }
  }

  /** Whether {@code provider}'s strategy, with its default options, scores each item alone. */
  private static boolean isScoring(StrategyProvider provider) {
    try {
      return provider.create(provider.options(Map.of())) instanceof ScoringStrategy s && s.scoresItemsAlone();
    } catch (AlException e) { // a strategy that needs options of its own is left out of the list
      return false;
    }
  }

  /**
   * The jars to ship to the executors as {@code spark.jars}: the launcher's list of alkit's jars
   * when the master runs executors in processes of their own (anything but {@code local} and
   * {@code local[…]}) and neither the settings nor spark-submit name {@code spark.jars} already; so
   * {@code ./alkit select --engine spark --spark-master spark://…} (or {@code local-cluster[…]})
   * finds the strategies' classes in its executors. In-process executors already have them.
   */
  static Optional<String> shippedJars(String master, Map<String, String> settings) {
    String jars = System.getProperty(LAUNCHER_JARS);
    String effective = master != null ? master : System.getProperty("spark.master", "local[*]");
    boolean inProcess = effective.equals("local") || effective.startsWith("local[");
    if (jars == null || jars.isBlank() || inProcess || settings.containsKey("spark.jars")
        || System.getProperty("spark.jars") != null) {
      return Optional.empty();
    }
    return Optional.of(jars);
  }
}
