package org.alkit.bench.submodular;

import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.alkit.api.Matrix;
import org.alkit.api.Similarity;
import org.alkit.bench.Inputs;
import org.alkit.eval.data.Datasets;
import org.alkit.submodular.MaximizeRequest;
import org.alkit.submodular.MaximizeResult;
import org.alkit.submodular.Maximizer;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code alkit maximize} end to end, kernel construction included, with the {@code java} backend
 * and the {@code lazy} optimizer (Minoux 1978) and the euclidean kernel exp(−‖x − y‖/d), on the
 * features {@code data} names: {@code uniform} in [0, 1), {@code gaussian} (isotropic standard
 * normal, the worst case: no cluster structure, every item about as far from every other) or
 * {@code fashion} (Fashion-MNIST training pixels ÷ 255, the first n rows, d = 784, from the Debian
 * package {@code dataset-fashion-mnist}; d is then 784 whatever the case says):
 *
 * <ul>
 *   <li>{@code fl-dense}: facility location, n = 10 000, d = 1 024, k = 1 000; target ≤ 1.5 s
 *       (apricot reports 4.9 s, submodlib 9.4 s).</li>
 *   <li>{@code logdet}: log-determinant, n = 5 000, d = 64, k = 100; target ≤ 0.3 s.</li>
 *   <li>{@code fl-sparse}: facility location over an exact 20-nearest-neighbour kernel
 *       ({@code knn = exact}), d = 64, k = 1 000, in an 8 GB heap; n is a parameter (the
 *       backend's k-NN graph is brute force, O(n²·d), so measure smaller n and extrapolate
 *       quadratically).</li>
 *   <li>{@code fl-sparse-1e6}: the same at n = 10⁶ with the approximate NN-Descent k-NN kernel
 *       ({@code knn = approximate}); the target is an 8 GB heap.</li>
 * </ul>
 *
 * Run with JMH ({@code java -cp … org.openjdk.jmh.Main MaximizeBenchmark -p data=fashion}) or,
 * for one quick figure per case without the harness, with {@link #main}
 * ({@code main fl-sparse 100000}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgs = {"-Xmx8g", "--add-modules", "jdk.incubator.vector"})
public class MaximizeBenchmark {
  /** Which case: {@code fl-dense}, {@code logdet}, {@code fl-sparse} or {@code fl-sparse-1e6}. */
  @Param({"fl-dense", "logdet", "fl-sparse", "fl-sparse-1e6"})
  public String scenario;

  /** Ground-set size of {@code fl-sparse}. */
  @Param({"100000"})
  public int sparseN;

  /** The features: {@code uniform}, {@code gaussian} or {@code fashion} (see the class comment). */
  @Param({"uniform", "gaussian", "fashion"})
  public String data;

  private MaximizeRequest request;

  /** Random features and the request of the chosen case. */
  @Setup
  public void setup() {
    request = request(scenario, sparseN, data);
  }

  /** One maximization, kernels included. */
  @Benchmark
  public MaximizeResult maximize() {
    return Maximizer.maximize(request);
  }

  static MaximizeRequest request(String scenario, int sparseN, String data) {
    switch (scenario) {
      case "fl-dense":
        return request("facility-location", features(10_000, 1024, data), 1000, Map.of());
      case "logdet":
        return request("log-det", features(5000, 64, data), 100, Map.of());
      case "fl-sparse":
        return sparse(sparseN, "exact", data);
      case "fl-sparse-1e6":
        return sparse(1_000_000, "approximate", data);
      default:
        throw new IllegalArgumentException("scenario '" + scenario
            + "': expected fl-dense, logdet, fl-sparse or fl-sparse-1e6");
    }
  }

  private static MaximizeRequest sparse(int n, String knn, String data) {
    return request("facility-location", features(n, 64, data), 1000,
        Map.of("neighbors", "20", "knn", knn));
  }

  private static MaximizeRequest request(String function, Matrix data, int budget,
      Map<String, String> options) {
    return new MaximizeRequest(function, "lazy", budget, options, Optional.of(data),
        Optional.empty(), Optional.empty(), Similarity.EUCLIDEAN, Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Inputs.javaBackend(), 1);
  }

  private static Matrix features(int n, int d, String data) {
    switch (data) {
      case "uniform":
        return Inputs.random(n, d, 42, SplittableRandom::nextDouble);
      case "gaussian":
        return Inputs.random(n, d, 42, SplittableRandom::nextGaussian);
      case "fashion":
        Matrix pool = Datasets.load(Datasets.FASHION_MNIST, 0.25, 1).pool();
        if (n > pool.rows()) {
          throw new IllegalArgumentException("n = " + n + " but Fashion-MNIST has " + pool.rows()
              + " training images");
        }
        return pool.rows(0, n);
      default:
        throw new IllegalArgumentException("data '" + data + "': expected uniform, gaussian or fashion");
    }
  }


  /**
   * Quick figures without JMH: {@code main [scenario [sparseN [runs [data]]]]}; one warm-up run for
   * {@code logdet} (the others run for seconds), then {@code runs} (default 1) timed runs, each
   * printing kernel and maximize times; the first of them is cold for the other scenarios.
   */
  public static void main(String[] args) {
    String[] scenarios = args.length > 0 ? new String[] {args[0]}
        : new String[] {"fl-dense", "logdet", "fl-sparse"};
    int sparseN = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
    int runs = args.length > 2 ? Integer.parseInt(args[2]) : 1;
    String data = args.length > 3 ? args[3] : "uniform";
    for (String s : scenarios) {
      MaximizeRequest r = request(s, sparseN, data);
      if (s.equals("logdet")) {
        Maximizer.maximize(r);
      }
      for (int run = 0; run < runs; run++) {
        long start = System.nanoTime();
        MaximizeResult result = Maximizer.maximize(r);
        System.out.printf("%-10s n=%d k=%d: total %.0f ms (kernel %.0f ms, maximize %.0f ms), f(A)=%.4f%n",
            s, r.data().get().rows(), r.budget(), (System.nanoTime() - start) / 1e6,
            result.kernelMillis(), result.maximizeMillis(), result.value());
      }
    }
  }
}
