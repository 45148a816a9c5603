package org.alkit.spark;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.alkit.api.ComputeBackend;
import org.alkit.api.ScoringStrategy;
import org.alkit.api.Selection;
import org.alkit.api.Signal;
import org.alkit.api.StrategyProvider;
import org.alkit.runtime.Npy;
import org.alkit.runtime.NpyArray;
import org.alkit.runtime.Registry;
import org.alkit.runtime.SelectionEngine;
import org.alkit.runtime.SelectionRequest;
import org.apache.spark.sql.SparkSession;

/**
 * A generated pool as {@code .npy} files (every signal a per-item strategy reads), with exact
 * duplicates of some rows so that scores tie across partition boundaries, and the single-machine
 * selection to compare the Spark engine's with.
 */
final class Pools {
  static final int CLASSES = 6;
  static final int PASSES = 4;
  static final int MEMBERS = 3;
  static final int EPOCHS = 5;
  static final Registry REGISTRY = Registry.load();

  final int n;
  final Map<Signal, Path> files = new EnumMap<>(Signal.class);
  final Path labeled;

  Pools(Path dir, int n, long seed) {
    this.n = n;
    try {
      java.nio.file.Files.createDirectories(dir);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    SplittableRandom random = new SplittableRandom(seed);
    files.put(Signal.PROBABILITIES, write(dir.resolve("probs.npy"), new int[] {n, CLASSES}, probabilities(random, 1)));
    files.put(Signal.PREVIOUS_PROBABILITIES, write(dir.resolve("prev.npy"), new int[] {n, CLASSES},
        probabilities(random, 1)));
    files.put(Signal.MC_PROBABILITIES, write(dir.resolve("mc.npy"), new int[] {PASSES, n, CLASSES},
        probabilities(random, PASSES)));
    files.put(Signal.COMMITTEE_PROBABILITIES, write(dir.resolve("committee.npy"), new int[] {MEMBERS, n, CLASSES},
        probabilities(random, MEMBERS)));
    double[] embeddings = duplicated(random.doubles(n * 8L, -1, 1).toArray(), 1, 8);
    files.put(Signal.EMBEDDINGS, write(dir.resolve("emb.npy"), new int[] {n, 8}, embeddings));
    files.put(Signal.FEATURES, write(dir.resolve("features.npy"), new int[] {n, 8}, embeddings));
    double[] history = new double[EPOCHS * n];
    for (int e = 0; e < EPOCHS; e++) {
      for (int i = 0; i < n; i++) {
        history[e * n + i] = random.nextInt(CLASSES);
      }
    }
    Path historyFile = dir.resolve("history.npy");
    Npy.write(historyFile, new NpyArray(NpyArray.Dtype.INT32, new int[] {EPOCHS, n}, history));
    files.put(Signal.PREDICTION_HISTORY, historyFile);
    int[] labeledItems = IntStream.range(0, n).filter(i -> i % 17 == 3 || i == 0).toArray();
    labeled = dir.resolve("labeled.npy");
    Npy.writeInts(labeled, labeledItems);
  }

  /** {@code copies} stacked n × C probability matrices; every 50th item repeats the one before. */
  private double[] probabilities(SplittableRandom random, int copies) {
    double[] out = new double[copies * n * CLASSES];
    for (int r = 0; r < copies * n; r++) {
      double sum = 0;
      for (int c = 0; c < CLASSES; c++) {
        double v = Math.exp(2 * random.nextGaussian());
        out[r * CLASSES + c] = v;
        sum += v;
      }
      for (int c = 0; c < CLASSES; c++) {
        out[r * CLASSES + c] = (float) (out[r * CLASSES + c] / sum);
      }
    }
    return duplicated(out, copies, CLASSES);
  }

  private double[] duplicated(double[] values, int copies, int cols) {
    for (int t = 0; t < copies; t++) {
      for (int i = 50; i < n; i += 50) {
        System.arraycopy(values, (t * n + i - 1) * cols, values, (t * n + i) * cols, cols);
      }
    }
    return values;
  }

  private static Path write(Path file, int[] shape, double[] values) {
    Npy.write(file, new NpyArray(NpyArray.Dtype.FLOAT32, shape, values));
    return file;
  }

  /** The names of every installed strategy that scores each item alone. */
  static List<String> scoringStrategies() {
    return REGISTRY.strategies().stream()
        .filter(p -> p.create(p.options(Map.of())) instanceof ScoringStrategy s && s.scoresItemsAlone())
        .map(StrategyProvider::name).sorted().toList();
  }

  /** What {@code alkit select} picks on one machine. */
  Selection single(String strategy, Map<String, String> options, int budget, long seed) {
    SelectionRequest.Builder b = SelectionRequest.builder(strategy, options, budget).seed(seed).labeled(labeled);
    files.forEach(b::signal);
    SelectionRequest request = b.build(REGISTRY);
    try (ComputeBackend backend = REGISTRY.createBackend("java", Map.of())) {
      return request.select(backend, REGISTRY::backends, notice -> { }).selection();
    }
  }

  /** The job of the same selection on Spark, in {@code partitions} row ranges. */
  SelectionEngine.Job job(String strategy, Map<String, String> options, int budget, long seed, int partitions) {
    return new SelectionEngine.Job(strategy, options, budget, seed, 1, files, labeled, null, null, Map.of(),
        Map.of(SparkSelection.PARTITIONS, Integer.toString(partitions)));
  }

  /** What the Spark engine picks on {@code spark}. */
  SelectionEngine.Result spark(SparkSession spark, String strategy, Map<String, String> options, int budget, long seed,
      int partitions) {
    return new SparkSelection(() -> REGISTRY).select(spark, job(strategy, options, budget, seed, partitions));
  }

  static long[] asLongs(int[] values) {
    return IntStream.of(values).asLongStream().toArray();
  }

  static Map<String, String> options(String... keyValues) {
    Map<String, String> out = new HashMap<>();
    for (int k = 0; k < keyValues.length; k += 2) {
      out.put(keyValues[k], keyValues[k + 1]);
    }
    return out;
  }
}
