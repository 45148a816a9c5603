package org.alkit.bench.uncertainty;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.alkit.api.Matrix;
import org.alkit.api.Selection;
import org.alkit.api.SelectionContext;
import org.alkit.api.Signal;
import org.alkit.api.Strategy;
import org.alkit.bench.Inputs;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The warm figures beside the cold {@code alkit select} ones of the survey's training-effect
 * strategies: {@code egl} and {@code label-dispersion} against {@code entropy}, top-1 000 of
 * n = 10⁶ items, C = 10, in one run on one context. The inputs have the shapes of
 * {@code al-bench/reference/survey_numpy.py}'s: softmax rows of N(0, 2²) logits, ReLU of N(0, 1)
 * embeddings (d = 128), and a prediction history of 30 epochs in which each item keeps a class and
 * leaves it per epoch with a probability of its own. Run: {@code java -cp … org.openjdk.jmh.Main
 * TrainingEffectsBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgs = {"-Xmx4g", "--add-modules", "jdk.incubator.vector"})
public class TrainingEffectsBenchmark {
  /** Pool size. */
  static final int N = 1_000_000;
  /** Classes. */
  static final int C = 10;
  /** Embedding width. */
  static final int D = 128;
  /** Epochs of the prediction history. */
  static final int EPOCHS = 30;
  /** Items selected. */
  static final int K = 1000;

  private SelectionContext ctx;
  private Strategy entropy;
  private Strategy egl;
  private Strategy labelDispersion;

  /** The three signals, one context over them (validated here, outside the timed code), the strategies. */
  @Setup
  public void setup() {
    SplittableRandom rng = new SplittableRandom(21);
    float[] probabilities = new float[N * C];
    double[] logits = new double[C];
    for (int i = 0; i < N; i++) {
      double max = Double.NEGATIVE_INFINITY;
      for (int c = 0; c < C; c++) {
        logits[c] = 2 * gaussian(rng);
        max = Math.max(max, logits[c]);
      }
      double sum = 0;
      for (int c = 0; c < C; c++) {
        logits[c] = Math.exp(logits[c] - max);
        sum += logits[c];
      }
      for (int c = 0; c < C; c++) {
        probabilities[i * C + c] = (float) (logits[c] / sum);
      }
    }
    float[] embeddings = new float[N * D];
    for (int k = 0; k < embeddings.length; k++) {
      embeddings[k] = (float) Math.max(0, gaussian(rng));
    }
    float[] history = new float[N * EPOCHS];
    for (int i = 0; i < N; i++) {
      int own = rng.nextInt(C);
      double leave = rng.nextDouble();
      for (int e = 0; e < EPOCHS; e++) {
        history[i * EPOCHS + e] = rng.nextDouble() < leave ? rng.nextInt(C) : own;
      }
    }
    ctx = SelectionContext.builder(N).budget(K)
        .signal(Signal.PROBABILITIES, Matrix.wrap(N, C, probabilities))
        .signal(Signal.EMBEDDINGS, Matrix.wrap(N, D, embeddings))
        .signal(Signal.PREDICTION_HISTORY, Matrix.wrap(N, EPOCHS, history))
        .backend(Inputs.javaBackend()).build();
    ctx.matrix(Signal.PROBABILITIES);
    ctx.matrix(Signal.EMBEDDINGS);
    ctx.matrix(Signal.PREDICTION_HISTORY);
    entropy = Inputs.strategy("entropy");
    egl = Inputs.strategy("egl");
    labelDispersion = Inputs.strategy("label-dispersion");
  }

  private static double gaussian(SplittableRandom rng) {
    return Math.sqrt(-2 * Math.log(1 - rng.nextDouble())) * Math.cos(2 * Math.PI * rng.nextDouble());
  }

  /** {@code entropy}, the reference. */
  @Benchmark
  public Selection entropy() {
    return entropy.select(ctx);
  }

  /** {@code egl}: probabilities and embeddings. */
  @Benchmark
  public Selection egl() {
    return egl.select(ctx);
  }

  /** {@code label-dispersion}: the prediction history. */
  @Benchmark
  public Selection labelDispersion() {
    return labelDispersion.select(ctx);
  }
}
