package org.alkit.bench.gpu;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.alkit.api.Matrix;
import org.alkit.api.ModelAdapter;
import org.alkit.eval.data.Datasets;
import org.alkit.runtime.Dataset;
import org.alkit.runtime.Registry;

/**
 * The fit time of {@code ensemble} (5 mlps, kind independent) against one {@code mlp} with the
 * same options, on the same Fashion-MNIST pool and labeled set, fit by fit in one process: an mlp
 * fit, then an ensemble fit, {@code pairs} times, each with its own seed; prints each pair's times
 * and ratio, then the median ratio. The first pair also loads libtorch; it is reported, not
 * counted. Run with the DJL flags the launcher passes:
 *
 * <pre>{@code
 * java -Dai.djl.offline=true -DDJL_CACHE_DIR=target/djl-cache \
 *      -cp "al-bench/target/al-bench-0.1.0-SNAPSHOT.jar:$(cat al-bench/target/classpath.txt)" \
 *      org.alkit.bench.gpu.EnsembleFit [pool] [labeled] [pairs] [model-options as key=value ...]
 * }</pre>
 */
public final class EnsembleFit {
  private EnsembleFit() {}

  /** Arguments: pool size (default 3 000), labeled count (default 360), pairs (default 4), then the mlp's options. */
  public static void main(String[] args) {
    int poolSize = args.length > 0 ? Integer.parseInt(args[0]) : 3_000;
    int labeledCount = args.length > 1 ? Integer.parseInt(args[1]) : 360;
    int pairs = args.length > 2 ? Integer.parseInt(args[2]) : 4;
    Map<String, String> options = new LinkedHashMap<>(Map.of("hidden", "128", "epochs", "30"));
    for (String pair : Arrays.copyOfRange(args, Math.min(3, args.length), args.length)) {
      options.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
    }
    Dataset fashion = Datasets.load(Datasets.FASHION_MNIST, 0.25, 1);
    int[] rows = new SplittableRandom(42).ints(0, fashion.pool().rows()).distinct().limit(poolSize).toArray();
    Matrix pool = fashion.pool().select(rows);
    int[] truth = IntStream.of(rows).map(i -> fashion.poolLabels()[i]).toArray();
    int[] labeled = IntStream.range(0, labeledCount).toArray();
    int[] labels = IntStream.of(labeled).map(i -> truth[i]).toArray();
    Registry registry = Registry.load();
    ModelAdapter mlp = registry.createModel("mlp", options);
    Map<String, String> ensembleOptions = new LinkedHashMap<>(options);
    ensembleOptions.put("members", "5");
    ModelAdapter ensemble = registry.createModel("ensemble", ensembleOptions);
    double[] ratios = new double[pairs];
    for (int p = 0; p <= pairs; p++) {
      long seed = 1_000 + p;
      long start = System.nanoTime();
      mlp.fit(pool, labeled, labels, fashion.numClasses(), seed);
      long single = System.nanoTime();
      ensemble.fit(pool, labeled, labels, fashion.numClasses(), seed);
      long five = System.nanoTime();
      double ratio = (double) (five - single) / (single - start);
      System.out.printf("%s pair %d: mlp %.3f s, ensemble of 5 %.3f s, ratio %.3f%n", p == 0 ? "warm-up" : "fit",
          p, (single - start) / 1e9, (five - single) / 1e9, ratio);
      if (p > 0) {
        ratios[p - 1] = ratio;
      }
    }
    Arrays.sort(ratios);
    System.out.printf("median ratio %.3f over %d pairs (pool %d, %d labeled, %s)%n", ratios[pairs / 2], pairs,
        poolSize, labeledCount, options);
  }
}
