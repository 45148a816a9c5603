package org.alkit.bench.gpu;

import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.alkit.api.ComputeBackend;
import org.alkit.api.Matrix;
import org.alkit.api.SelectionContext;
import org.alkit.api.Signal;
import org.alkit.api.Similarity;
import org.alkit.api.Strategy;
import org.alkit.bench.Inputs;
import org.alkit.eval.data.Datasets;
import org.alkit.runtime.Registry;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The {@code djl} compute backend against the {@code java} one, in the same run, all cores:
 *
 * <ul>
 *   <li>{@code fl-kernel}: dense facility location's kernel, {@code similarity(X, X, EUCLIDEAN)}
 *       for X 10 000 × 1 024 isotropic Gaussian (the worst case: no structure);</li>
 *   <li>{@code coreset-fashion}: the {@code coreset} strategy (greedy k-center) on Fashion-MNIST's
 *       first 51 000 training images (784 pixels / 255), the last 1 000 labeled, budget 1 000.</li>
 * </ul>
 *
 * Run with the DJL flags (offline, the cache in the build folder) and, on a GPU, a build with
 * {@code -Pcuda} and {@code -p device=gpu}:
 *
 * <pre>{@code
 * java -Dai.djl.offline=true -DDJL_CACHE_DIR=target/djl-cache --add-modules jdk.incubator.vector \
 *      -cp "al-bench/target/al-bench-0.1.0-SNAPSHOT.jar:$(cat al-bench/target/classpath.txt)" \
 *      org.openjdk.jmh.Main BackendBenchmark -jvmArgsAppend "-Dai.djl.offline=true -DDJL_CACHE_DIR=target/djl-cache"
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgs = {"-Xmx8g", "--add-modules", "jdk.incubator.vector"})
public class BackendBenchmark {
  /** {@code fl-kernel} or {@code coreset-fashion}, see the class comment. */
  @Param({"fl-kernel", "coreset-fashion"})
  public String work;

  /** {@code java} or {@code djl}. */
  @Param({"java", "djl"})
  public String backend;

  /** The djl backend's device: {@code cpu}, {@code gpu} or {@code gpu:N}. */
  @Param({"cpu"})
  public String device;

  private ComputeBackend compute;
  private Matrix x;
  private SelectionContext ctx;
  private Strategy coreset;

  /** The backend at default options (one thread per core), and the inputs. */
  @Setup
  public void setup() {
    compute = Registry.load().createBackend(backend, backend.equals("djl") ? Map.of("device", device) : Map.of());
    if (work.equals("fl-kernel")) {
      x = Inputs.random(10_000, 1024, 1, SplittableRandom::nextGaussian);
    } else if (work.equals("coreset-fashion")) {
      Matrix pool = Datasets.load(Datasets.FASHION_MNIST, 0.25, 1).pool().rows(0, 51_000);
      ctx = SelectionContext.builder(pool.rows())
          .labeled(IntStream.range(50_000, 51_000).toArray(), null)
          .budget(1000)
          .signal(Signal.EMBEDDINGS, pool)
          .backend(compute)
          .build();
      ctx.matrix(Signal.EMBEDDINGS);
      coreset = Inputs.strategy("coreset");
    } else {
      throw new IllegalArgumentException("work '" + work + "': expected fl-kernel or coreset-fashion");
    }
  }

  /** One kernel or one selection. */
  @Benchmark
  public Object run() {
    return x != null ? compute.similarity(x, x, Similarity.EUCLIDEAN) : coreset.select(ctx);
  }

  /** Closes the backend. */
  @TearDown
  public void close() {
    compute.close();
  }
}
