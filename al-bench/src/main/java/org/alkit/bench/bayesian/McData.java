package org.alkit.bench.bayesian;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.alkit.api.Matrix;
import org.alkit.api.SelectionContext;
import org.alkit.api.Signal;
import org.alkit.bench.Inputs;
import org.alkit.runtime.Npy;

/**
 * The Monte-Carlo passes the Bayesian benchmarks run on.
 *
 * <ul>
 *   <li>{@code fashion-mnist-mc}: real MC-dropout softmax outputs of an MLP trained on 1 000
 *       Fashion-MNIST images, over the other 59 000 training images, written by
 *       {@code al-bench/reference/mc_dropout_fashion.py} (100 passes); the file is read from the
 *       system property {@code alkit.bench.mc}, default {@code al-bench/target/fashion-mc.npy}.
 *   <li>{@code gaussian}: the worst case, every pass's logits i.i.d. standard normal (a model
 *       without any structure: passes disagree everywhere and no item stands out).
 * </ul>
 */
final class McData {
  private McData() {}

  /** The first {@code passes} passes over the first {@code n} items of {@code data}. */
  static List<Matrix> passes(String data, int passes, int n, int classes) {
    if (data.equals("gaussian")) {
      SplittableRandom rng = new SplittableRandom(7);
      List<Matrix> out = new ArrayList<>();
      for (int t = 0; t < passes; t++) {
        out.add(softmax(Inputs.random(n, classes, rng.nextLong(), McData::gaussian)));
      }
      return out;
    }
    if (!data.equals("fashion-mnist-mc")) {
      throw new IllegalArgumentException("data = '" + data + "'; expected fashion-mnist-mc or gaussian");
    }
    Path file = Path.of(System.getProperty("alkit.bench.mc", "al-bench/target/fashion-mc.npy"));
    if (!Files.isRegularFile(file)) {
      throw new IllegalStateException(file.toAbsolutePath() + " is missing; write it with "
          + "python3 al-bench/reference/mc_dropout_fashion.py " + file);
    }
    List<Matrix> all = Npy.readStack(file);
    if (all.size() < passes || all.get(0).rows() < n || all.get(0).cols() != classes) {
      throw new IllegalStateException(file + " holds " + all.size() + " × " + all.get(0).rows() + " × "
          + all.get(0).cols() + "; expected at least " + passes + " × " + n + " × " + classes);
    }
    List<Matrix> out = new ArrayList<>();
    for (int t = 0; t < passes; t++) {
      out.add(all.get(t).rows(0, n).select(java.util.stream.IntStream.range(0, n).toArray()));
    }
    return out;
  }

  /** A context over all items unlabeled, the passes validated once (outside the timed code). */
  static SelectionContext context(List<Matrix> passes, int budget) {
    SelectionContext ctx = SelectionContext.builder(passes.get(0).rows()).budget(budget)
        .stack(Signal.MC_PROBABILITIES, passes).backend(Inputs.javaBackend()).build();
    ctx.stack(Signal.MC_PROBABILITIES);
    return ctx;
  }

  private static Matrix softmax(Matrix logits) {
    float[] out = logits.toArray();
    int c = logits.cols();
    for (int i = 0; i < logits.rows(); i++) {
      double max = Double.NEGATIVE_INFINITY;
      for (int j = 0; j < c; j++) {
        max = Math.max(max, out[i * c + j]);
      }
      double sum = 0;
      for (int j = 0; j < c; j++) {
        sum += Math.exp(out[i * c + j] - max);
      }
      for (int j = 0; j < c; j++) {
        out[i * c + j] = (float) (Math.exp(out[i * c + j] - max) / sum);
      }
    }
    return Matrix.wrap(logits.rows(), c, out);
  }

  private static double gaussian(SplittableRandom rng) {
    double u = Math.max(rng.nextDouble(), 1e-300);
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.nextDouble());
  }
}
