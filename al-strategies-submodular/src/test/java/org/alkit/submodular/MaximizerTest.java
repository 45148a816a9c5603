package org.alkit.submodular;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.alkit.api.ComputeBackend;
import org.alkit.api.InvalidInputException;
import org.alkit.api.Matrix;
import org.alkit.api.Similarity;
import org.alkit.api.UnknownNameException;
import org.alkit.testkit.Fixtures;
import org.junit.jupiter.api.Test;

class MaximizerTest {
  private static final ComputeBackend BACKEND = Fixtures.javaBackend().orElseThrow();
  private static final int N = 30;
  private static final Matrix DATA = Fixtures.embeddings(N, new SplittableRandom(1));
  private static final Matrix QUERY = Fixtures.embeddings(4, new SplittableRandom(2));

  /** A request builder over optional inputs, so each test states only what it changes. */
  private record Req(String function, String optimizer, int budget, Map<String, String> options,
      Matrix data, Matrix queryData, Matrix kernel, Matrix queryKernel, Matrix queryQueryKernel,
      ComputeBackend backend) {
    static Req features(String function) {
      return new Req(function, "lazy", 5, Map.of(), DATA, null, null, null, null, BACKEND);
    }

    static Req kernels(String function, Matrix kernel) {
      return new Req(function, "lazy", 5, Map.of(), null, null, kernel, null, null, BACKEND);
    }

    Req budget(int b) {
      return new Req(function, optimizer, b, options, data, queryData, kernel, queryKernel,
          queryQueryKernel, backend);
    }

    Req optimizer(String o) {
      return new Req(function, o, budget, options, data, queryData, kernel, queryKernel,
          queryQueryKernel, backend);
    }

    Req options(Map<String, String> o) {
      return new Req(function, optimizer, budget, o, data, queryData, kernel, queryKernel,
          queryQueryKernel, backend);
    }

    Req query(Matrix q) {
      return new Req(function, optimizer, budget, options, data, q, kernel, queryKernel,
          queryQueryKernel, backend);
    }

    Req kernel(Matrix k) {
      return new Req(function, optimizer, budget, options, data, queryData, k, queryKernel,
          queryQueryKernel, backend);
    }

    Req queryKernels(Matrix kq, Matrix kqq) {
      return new Req(function, optimizer, budget, options, data, queryData, kernel, kq, kqq, backend);
    }

    Req backend(ComputeBackend b) {
      return new Req(function, optimizer, budget, options, data, queryData, kernel, queryKernel,
          queryQueryKernel, b);
    }

    MaximizeResult run() {
      return run(ParameterNames.API);
    }

    MaximizeResult run(ParameterNames names) {
      return Maximizer.maximize(new MaximizeRequest(function, optimizer, budget, options,
          Optional.ofNullable(data), Optional.ofNullable(queryData), Optional.empty(),
          Similarity.EUCLIDEAN, Optional.ofNullable(kernel), Optional.ofNullable(queryKernel),
          Optional.empty(), Optional.ofNullable(queryQueryKernel), Optional.empty(), Optional.empty(),
          backend, 3), names);
    }
  }

  private static Matrix denseKernel() {
    return BACKEND.similarity(DATA, DATA, Similarity.EUCLIDEAN);
  }

  private static Matrix filled(int rows, int cols, float value) {
    float[] a = new float[rows * cols];
    java.util.Arrays.fill(a, value);
    return Matrix.wrap(rows, cols, a);
  }

  @Test
  void featuresAndAPrecomputedKernelGiveTheSameResult() {
    MaximizeResult fromData = Req.features("facility-location").run();
    MaximizeResult fromKernel = Req.kernels("facility-location", denseKernel()).run();
    assertThat(fromData.selected()).hasSize(5).isEqualTo(fromKernel.selected());
    assertThat(fromData.gains()).isEqualTo(fromKernel.gains());
    double sum = 0;
    for (double g : fromData.gains()) {
      sum += g;
    }
    assertThat(fromData.value()).isEqualTo(sum);
    assertThat(fromData.kernelMillis()).isNotNegative();
    assertThat(fromData.maximizeMillis()).isNotNegative();
  }

  @Test
  void aSparseKernelWithAllNeighboursMatchesTheDenseOne() {
    MaximizeResult dense = Req.features("facility-location").run();
    MaximizeResult sparse = Req.features("facility-location").options(Map.of("neighbors", "30")).run();
    assertThat(sparse.selected()).isEqualTo(dense.selected());
    MaximizeResult approximate = Req.features("facility-location")
        .options(Map.of("neighbors", "30", "knn", "approximate")).run();
    assertThat(approximate.selected()).isEqualTo(dense.selected());
  }

  @Test
  void optimizerOptionsAreSeparatedFromFunctionOptions() {
    MaximizeResult r = Req.features("graph-cut").optimizer("stochastic")
        .options(Map.of("lambda", "0.25", "epsilon", "0.01", "stopIfNegativeGain", "true")).run();
    assertThat(java.util.Arrays.stream(r.gains()).min().orElse(0)).isNotNegative();
    assertThatThrownBy(() -> Req.features("graph-cut").options(Map.of("gamma", "1")).run())
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("gamma");
    assertThatThrownBy(() -> Req.features("graph-cut").options(Map.of("epsilon", "0")).run())
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("'epsilon' = 0.0");
  }

  @Test
  void namesAreCheckedAndListed() {
    assertThat(Maximizer.functionNames()).isEqualTo(SetFunctions.names()).contains("flvmi");
    assertThat(Maximizer.optimizerNames()).containsExactly("naive", "lazy", "stochastic", "lazier");
    assertThatThrownBy(() -> Req.features("nope").run()).isInstanceOf(UnknownNameException.class)
        .hasMessageContaining("function 'nope'").hasMessageContaining("facility-location");
    assertThatThrownBy(() -> Req.features("log-det").optimizer("fast").run())
        .isInstanceOf(UnknownNameException.class).hasMessageContaining("optimizer 'fast'");
  }

  @Test
  void budgetMustBeBetweenOneAndN() {
    assertThat(Req.features("facility-location").budget(N).run().selected()).hasSize(N);
    assertThatThrownBy(() -> Req.features("facility-location").budget(0).run())
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("budget = 0").hasMessageContaining("1 <= budget <= n = 30");
    assertThatThrownBy(() -> Req.features("facility-location").budget(N + 1).run())
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("budget = 31");
  }

  @Test
  void aFrontEndNamesTheParametersInItsOwnWords() {
    ParameterNames flags = new ParameterNames(Map.of("budget", "--budget", "data", "--data",
        "kernel", "--kernel", "queryData", "--query-data"));
    assertThatThrownBy(() -> Req.features("facility-location").budget(0).run(flags))
        .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("--budget = 0: expected");
    assertThatThrownBy(() -> Req.features("log-det").kernel(denseKernel()).run(flags))
        .hasMessageContaining("--data and --kernel were both given");
    assertThatThrownBy(() -> Req.features("flmi").query(filled(3, 2, 1f)).run(flags))
        .hasMessageContaining("--query-data has 2 columns but --data has");
    assertThatThrownBy(() -> Req.kernels("flmi", denseKernel()).query(QUERY).run(flags))
        .hasMessageContaining("--query-data was given with --kernel; expected queryKernel");
  }

  @Test
  void exactlyOneOfDataAndKernel() {
    assertThatThrownBy(() -> Req.features("log-det").kernel(denseKernel()).run())
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("data and kernel were both given");
    assertThatThrownBy(() -> Req.kernels("log-det", null).run())
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("neither data nor a kernel");
    assertThatThrownBy(() -> Req.features("flmi").queryKernels(filled(N, 4, 0.5f), null).run())
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("queryKernel was given with data").hasMessageContaining("queryData");
    assertThatThrownBy(() -> Req.kernels("flmi", denseKernel()).query(QUERY).run())
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("queryData was given with kernel");
    assertThatThrownBy(() -> Req.features("log-det").backend(null).run())
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("backend is missing").hasMessageContaining("compute backend");
  }

  @Test
  void featureInputsAreChecked() {
    assertThatThrownBy(() -> Req.features("flmi").run()).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("function 'flmi' needs queryData");
    assertThatThrownBy(() -> Req.features("flmi").query(filled(3, 2, 1f)).run())
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("queryData has 2 columns but data has " + DATA.cols());
    assertThatThrownBy(() -> Req.features("flmi").query(filled(3, DATA.cols(), Float.NaN)).run())
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("queryData[0][0] = NaN");
    assertThat(Req.features("flmi").query(QUERY).run().selected()).hasSize(5);
  }

  @Test
  void neighborsIsCheckedAgainstTheFunctionAndTheSource() {
    assertThatThrownBy(() -> Req.features("log-det").options(Map.of("neighbors", "5")).run())
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("'neighbors' = 5").hasMessageContaining("function 'log-det'");
    assertThatThrownBy(() -> Req.features("facility-location").options(Map.of("neighbors", "31")).run())
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("1 <= neighbors <= n = 30");
    assertThatThrownBy(() -> Req.features("facility-location").options(Map.of("neighbors", "x")).run())
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("'neighbors' = 'x'");
    assertThatThrownBy(() -> Req.features("facility-location").options(Map.of("knn", "fast")).run())
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("'knn' = 'fast'").hasMessageContaining("auto, exact, approximate");
    assertThatThrownBy(() -> Req.kernels("facility-location", denseKernel())
        .options(Map.of("neighbors", "5")).run())
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("applies to data only");
  }

  @Test
  void precomputedKernelShapesAreChecked() {
    assertThatThrownBy(() -> Req.kernels("log-det", filled(N, N - 1, 0.5f)).run())
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("kernel is 30 × 29").hasMessageContaining("n × n");
    assertThatThrownBy(() -> Req.kernels("flmi", denseKernel()).run())
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("function 'flmi' needs the query kernel").hasMessageContaining("give queryKernel");
    assertThatThrownBy(() -> Req.kernels("flmi", denseKernel()).queryKernels(filled(N - 2, 4, 0.5f), null).run())
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("queryKernel is 28 × 4").hasMessageContaining("n × q = 30 × 4");
    assertThatThrownBy(() -> Req.kernels("logdet-mi", denseKernel())
        .queryKernels(filled(N, 4, 0.5f), filled(3, 3, 1f)).run())
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("queryQueryKernel is 3 × 3").hasMessageContaining("q × q = 4 × 4");
    float[] nan = denseKernel().toArray();
    nan[N + 2] = Float.NaN;
    assertThatThrownBy(() -> Req.kernels("log-det", Matrix.wrap(N, N, nan)).run())
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("kernel[1][2] = NaN");
    assertThat(Req.kernels("logdet-mi", denseKernel())
        .queryKernels(filled(N, 4, 0.25f), filled(4, 4, 0.5f)).run().selected()).hasSize(5);
  }
}
