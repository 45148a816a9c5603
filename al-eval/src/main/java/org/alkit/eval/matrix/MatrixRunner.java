package org.alkit.eval.matrix;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.alkit.api.AlException;
import org.alkit.api.InvalidInputException;
import org.alkit.eval.data.Datasets;
import org.alkit.eval.data.ScenarioData;
import org.alkit.runtime.Dataset;
import org.alkit.runtime.Registry;
import org.alkit.runtime.RunRequest;
import org.alkit.runtime.Runs;
import org.apiguardian.api.API;

/**
 * Runs an {@link EvalMatrix}: every run not yet in the output folder's journal, {@code parallel}
 * at a time, each with its own compute backend (its {@code threads} option, 1 by default, bounds
 * the backend's workers) closed when the run ends. Each finished run is appended to the journal
 * and forced to disk, so a killed matrix resumes where it stopped; runs draw only from their own
 * seed, so a resumed matrix gives the results of an uninterrupted one, whatever the order or
 * thread count.
 *
 * <p>Before the journal is opened, each strategy's run is checked as its loop checks it before
 * round 1 ({@link Runs#check}: names, options, required signals against the model, declared
 * capabilities and a participant's training hooks), and every pool is constructed once without
 * running (each data set, seed and scenario, checked against the run settings): a bad matrix fails
 * at once, with the message of the first problem, and leaves no journal.
 *
 * <pre>{@code
 * EvalResults results = MatrixRunner.run(EvalMatrix.load(Path.of("matrices/quick.yml")),
 *     Path.of("target/eval"), MatrixRunner.Listener.NONE);
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class MatrixRunner {
  /** The journal's file name in the output folder. */
  public static final String JOURNAL = "journal.jsonl";

  private MatrixRunner() {}

  /** Hears of progress; called from worker threads, one call at a time. */
  public interface Listener {
    /** A listener that ignores everything. */
    Listener NONE = new Listener() {};

    /**
     * Before the first run.
     *
     * @param total runs in the matrix
     * @param done runs the journal already holds
     */
    default void started(int total, int done) {}

    /** After a run was journaled. */
    default void finished(RunRecord record) {}
  }

  /** Runs with the plugins {@link Registry#load()} finds. */
  public static EvalResults run(EvalMatrix matrix, Path out, Listener listener) {
    return run(matrix, out, listener, Registry.load());
  }

  /**
   * Runs what the journal in {@code out} lacks and returns the results of every run.
   *
   * @throws org.alkit.api.InvalidInputException on a bad name, option, data set or scenario, or a
   *     journal of another matrix
   */
  public static EvalResults run(EvalMatrix matrix, Path out, Listener listener, Registry registry) {
    check(matrix, registry);
    List<EvalMatrix.Run> runs = matrix.runs();
    try (Journal journal = Journal.open(out, matrix.fingerprint())) {
      Map<RunKey, RunRecord> done = journal.records();
      List<EvalMatrix.Run> todo = runs.stream().filter(r -> !done.containsKey(r.key())).toList();
      listener.started(runs.size(), runs.size() - todo.size());
      Map<String, List<String>> classNames = execute(matrix, todo, journal, listener, registry);
      Map<RunKey, RunRecord> all = journal.records();
      return new EvalResults(matrix, runs.stream().map(r -> all.get(r.key())).toList(), classNames);
    }
  }

  /**
   * Checks the matrix before its journal is opened, so a matrix that cannot run leaves none behind:
   * each strategy's run as its loop checks it, then the data of every (data set, seed, scenario).
   */
  private static void check(EvalMatrix matrix, Registry registry) {
    for (EvalMatrix.StrategySpec s : matrix.strategies()) {
      try {
        Runs.check(matrix.config(s), registry);
      } catch (InvalidInputException e) {
        if (s.label().equals(s.name())) {
          throw e;
        }
        throw new InvalidInputException("strategies entry '" + s.label() + "': " + e.getMessage(), e);
      }
    }
    construct(matrix);
  }

  /**
   * A dry construction of every pool: each (data set, seed) loaded and cut, one at a time, each
   * scenario applied to it, and each run's configuration checked against the result as its loop
   * would ({@link RunRequest}: the pool holds {@code initial-labeled + rounds × budget} items, the
   * hinted classes and indices exist). A scenario the data set cannot give fails here, naming the
   * data set, scenario and seed, and not after the runs before it.
   */
  private static void construct(EvalMatrix matrix) {
    Map<List<Object>, List<EvalMatrix.Run>> byBase = new LinkedHashMap<>();
    for (EvalMatrix.Run run : matrix.runs()) {
      byBase.computeIfAbsent(List.of(run.key().dataset(), run.key().seed()), k -> new ArrayList<>()).add(run);
    }
    byBase.forEach((base, runs) -> {
      Dataset data = sampled(matrix, Datasets.load((String) base.get(0), matrix.template().testFraction(),
          (Long) base.get(1)), (Long) base.get(1));
      Map<String, ScenarioData> scenarios = new HashMap<>();
      String where = "data set " + base.get(0) + ", seed " + base.get(1) + ": ";
      for (EvalMatrix.Run run : runs) {
        ScenarioData prepared;
        try {
          // the scenario's own messages name it
          prepared = scenarios.computeIfAbsent(run.key().scenario(), spec -> run.scenario().apply(data,
              run.key().seed()));
        } catch (InvalidInputException e) {
          throw new InvalidInputException(where + e.getMessage(), e);
        }
        try {
          new RunRequest(matrix.config(run), prepared.dataset(), prepared.hints());
        } catch (InvalidInputException e) {
          throw new InvalidInputException(where + "scenario " + run.key().scenario() + ": " + e.getMessage(), e);
        }
      }
    });
  }

  /** {@code full} cut to the matrix's {@code pool-size} and {@code test-size} with {@code seed}. */
  private static Dataset sampled(EvalMatrix matrix, Dataset full, long seed) {
    return Datasets.sample(full, matrix.poolSize(), matrix.testSize(), seed);
  }

  /** Runs {@code todo} and returns the class names of the data sets it loaded. */
  private static Map<String, List<String>> execute(EvalMatrix matrix, List<EvalMatrix.Run> todo, Journal journal,
      Listener listener, Registry registry) {
    if (todo.isEmpty()) {
      return Map.of();
    }
    int threads = matrix.parallel() == 0 ? Runtime.getRuntime().availableProcessors() : matrix.parallel();
    Preparation data = new Preparation(matrix, todo);
    AtomicInteger ids = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, todo.size()), task -> {
      Thread t = new Thread(task, "alkit-eval-" + ids.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (EvalMatrix.Run run : todo) {
        futures.add(pool.submit(() -> {
          RunRecord record;
          try {
            record = RunExecution.execute(matrix, run, data.of(run), registry);
          } catch (AlException e) {
            throw new AlException("run " + run.key() + ": " + e.getMessage(), e);
          }
          data.release(run);
          journal.append(record);
          synchronized (listener) {
            listener.finished(record);
          }
        }));
      }
      for (Future<?> f : futures) {
        await(f);
      }
      return data.classNames;
    } finally {
      pool.shutdownNow();
    }
  }

  private static void await(Future<?> future) {
    try {
      future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AlException("interrupted while running the matrix; the journal keeps the finished runs", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  /**
   * The data of each (data set, scenario, seed), prepared once for all its strategies and released
   * after its last run: the data set split with the seed, cut to {@code pool-size} and
   * {@code test-size}, then transformed by the scenario.
   */
  private static final class Preparation {
    private final EvalMatrix matrix;
    private final Map<String, Lazy<Dataset>> bases = new ConcurrentHashMap<>();
    private final Map<String, Lazy<ScenarioData>> prepared = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> remaining = new ConcurrentHashMap<>();
    /** The class names of each data set loaded. */
    final Map<String, List<String>> classNames = new ConcurrentHashMap<>();

    Preparation(EvalMatrix matrix, List<EvalMatrix.Run> runs) {
      this.matrix = matrix;
      for (EvalMatrix.Run run : runs) {
        remaining.computeIfAbsent(key(run), k -> new AtomicInteger()).incrementAndGet();
        remaining.computeIfAbsent(baseKey(run), k -> new AtomicInteger()).incrementAndGet();
      }
    }

    ScenarioData of(EvalMatrix.Run run) {
      return prepared.computeIfAbsent(key(run), k -> new Lazy<>(() -> {
        Dataset base = bases.computeIfAbsent(baseKey(run), b -> new Lazy<>(() -> base(run))).get();
        return run.scenario().apply(base, run.key().seed());
      })).get();
    }

    void release(EvalMatrix.Run run) {
      if (remaining.get(key(run)).decrementAndGet() == 0) {
        prepared.remove(key(run));
      }
      if (remaining.get(baseKey(run)).decrementAndGet() == 0) {
        bases.remove(baseKey(run));
      }
    }

    private Dataset base(EvalMatrix.Run run) {
      long seed = run.key().seed();
      Dataset full = Datasets.load(run.key().dataset(), matrix.template().testFraction(), seed);
      classNames.putIfAbsent(run.key().dataset(), full.classNames());
      return sampled(matrix, full, seed);
    }

    private static String key(EvalMatrix.Run run) {
      return baseKey(run) + "\u0000" + run.key().scenario();
    }

    private static String baseKey(EvalMatrix.Run run) {
      return run.key().dataset() + "\u0000" + run.key().seed();
    }
  }

  /** A value computed once, on first use, by the first thread that asks. */
  private static final class Lazy<T> {
    private Supplier<T> supplier;
    private T value;

    Lazy(Supplier<T> supplier) {
      this.supplier = supplier;
    }

    synchronized T get() {
      if (supplier != null) {
        value = supplier.get();
        supplier = null;
      }
      return value;
    }
  }
}
