package org.alkit.bench.gpu;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.alkit.api.FittedModel;
import org.alkit.api.Matrix;
import org.alkit.api.ModelAdapter;
import org.alkit.api.Signal;
import org.alkit.eval.data.Datasets;
import org.alkit.runtime.Dataset;
import org.alkit.runtime.Registry;

/**
 * One active-learning round of the DJL model {@code mlp} (default options) on Fashion-MNIST, timed
 * phase by phase in one cold process: fit on 5 000 random training images, then the class
 * probabilities and T = 20 Monte-Carlo dropout samples of the other 55 000. Run it with the DJL
 * flags the launcher passes, under a process timer for the peak memory (libtorch's native memory
 * is not on the Java heap):
 *
 * <pre>{@code
 * java -Dai.djl.offline=true -DDJL_CACHE_DIR=target/djl-cache \
 *      -cp "al-bench/target/al-bench-0.1.0-SNAPSHOT.jar:$(cat al-bench/target/classpath.txt)" \
 *      org.alkit.bench.gpu.MlpRound [labeled] [model-options as key=value ...]
 * }</pre>
 */
public final class MlpRound {
  private MlpRound() {}

  /** Runs the round; arguments: the labeled count (default 5 000), then model options. */
  public static void main(String[] args) {
    int labeledCount = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
    Map<String, String> options = new java.util.LinkedHashMap<>();
    for (String pair : Arrays.copyOfRange(args, Math.min(1, args.length), args.length)) {
      options.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
    }
    long start = System.nanoTime();
    Dataset fashion = Datasets.load(Datasets.FASHION_MNIST, 0.25, 1);
    int n = fashion.pool().rows();
    int[] labeled = new SplittableRandom(42).ints(0, n).distinct().limit(labeledCount).toArray();
    java.util.BitSet taken = new java.util.BitSet(n);
    IntStream.of(labeled).forEach(taken::set);
    int[] rest = IntStream.range(0, n).filter(i -> !taken.get(i)).toArray();
    int[] truth = fashion.poolLabels();
    int[] labels = IntStream.of(labeled).map(i -> truth[i]).toArray();
    Matrix unlabeled = fashion.pool().select(rest);
    long loaded = System.nanoTime();
    ModelAdapter adapter = Registry.load().createModel("mlp", options);
    long created = System.nanoTime();
    FittedModel model = adapter.fit(fashion.pool(), labeled, labels, fashion.numClasses(), 7);
    long fitted = System.nanoTime();
    Matrix p = model.probabilities(unlabeled);
    long predicted = System.nanoTime();
    List<Matrix> mc = model.stack(Signal.MC_PROBABILITIES, unlabeled);
    long sampled = System.nanoTime();
    System.out.printf("load %.2f s, create %.2f s, fit on %d %.2f s, probabilities of %d %.2f s, "
        + "%d MC samples of %d %.2f s (%s)%n", seconds(start, loaded), seconds(loaded, created), labeledCount,
        seconds(created, fitted), p.rows(), seconds(fitted, predicted), mc.size(), unlabeled.rows(),
        seconds(predicted, sampled), adapter);
  }

  private static double seconds(long from, long to) {
    return (to - from) / 1e9;
  }
}
