package org.alkit.osgi;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.alkit.api.BackendProvider;
import org.alkit.api.ComputeBackend;
import org.alkit.api.Matrix;
import org.alkit.api.ModelProvider;
import org.alkit.api.Options;
import org.alkit.api.SelectionContext;
import org.alkit.api.Signal;
import org.alkit.api.Similarity;
import org.alkit.api.StrategyProvider;
import org.alkit.runtime.Registry;
import org.alkit.submodular.MaximizeRequest;
import org.alkit.submodular.Maximizer;

/**
 * What an OSGi application does with alkit, as the one class of a bundle the test assembles and
 * installs: it imports {@code org.alkit.api}, {@code org.alkit.runtime} and
 * {@code org.alkit.submodular} and answers the test's commands through {@link Function} (a JDK type
 * that the test and the bundle share). It keeps one {@link Registry} across commands, so the test
 * sees whether that registry follows bundles installed and uninstalled later.
 *
 * <ul>
 *   <li>{@code strategies}, {@code models}, {@code backends}: the names the registry lists, comma-separated
 *   <li>{@code select <strategy>}: the picks of that strategy (defaults) on a fixed pool of four
 *       embeddings and probabilities, budget 1, computed with the registry's {@code java} backend
 *   <li>{@code log-det}: the picks of the log-determinant maximizer (EJML's Cholesky, embedded in the
 *       submodular bundle) on fixed features
 *   <li>{@code svm}: the predicted classes of the {@code svm} model (LIBLINEAR, embedded in the
 *       runtime bundle) fitted on {@link #EMBEDDINGS} with fixed C, rows 0, 2 labeled 0 and 1
 * </ul>
 *
 * Exceptions reach the test unchanged.
 */
public final class Probe implements Function<String, String> {
  private static final Matrix EMBEDDINGS = Matrix.of(new float[][] {{0, 0}, {1, 1}, {9, 9}, {2, 2}});
  private static final Matrix PROBABILITIES =
      Matrix.of(new float[][] {{0.9f, 0.1f}, {0.55f, 0.45f}, {0.7f, 0.3f}, {0.99f, 0.01f}});
  private static final Matrix FEATURES = Matrix.of(new float[][] {
      {0, 0, 1}, {1, 0, 0}, {0.9f, 0.1f, 0}, {0, 1, 0}, {0.1f, 0.9f, 0.2f}, {0.5f, 0.5f, 0.5f}});

  private Registry registry;

  @Override
  public String apply(String command) {
    if (registry == null) {
      registry = Registry.load();
    }
    String[] words = command.split(" ");
    switch (words[0]) {
      case "strategies":
        return names(registry.strategies().stream().map(StrategyProvider::name));
      case "models":
        return names(registry.models().stream().map(ModelProvider::name));
      case "backends":
        return names(registry.backends().stream().map(BackendProvider::name));
      case "select":
        return select(registry.strategy(words[1]));
      case "log-det":
        return logDet();
      case "svm":
        return svm();
      default:
        throw new IllegalArgumentException("unknown probe command '" + command + "'");
    }
  }

  private static String names(Stream<String> names) {
    return names.collect(Collectors.joining(","));
  }

  private ComputeBackend backend() {
    BackendProvider java = registry.backend("java");
    return java.create(Options.defaults("backend 'java'", java.parameters()));
  }

  private String select(StrategyProvider strategy) {
    SelectionContext ctx = SelectionContext.builder(EMBEDDINGS.rows())
        .budget(1)
        .seed(7)
        .signal(Signal.EMBEDDINGS, EMBEDDINGS)
        .signal(Signal.PROBABILITIES, PROBABILITIES)
        .backend(backend())
        .build();
    return picks(strategy.create(strategy.defaults()).select(ctx).indices());
  }

  private String logDet() {
    MaximizeRequest request = new MaximizeRequest("log-det", "lazy", 3, Map.of(), Optional.of(FEATURES),
        Optional.empty(), Optional.empty(), Similarity.EUCLIDEAN, Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), backend(), 1);
    return picks(Maximizer.maximize(request).selected());
  }

  private String svm() {
    Matrix p = registry.createModel("svm", Map.of("c", "1")).fit(EMBEDDINGS, new int[] {0, 2}, new int[] {0, 1}, 2, 3)
        .probabilities(EMBEDDINGS);
    return picks(IntStream.range(0, p.rows()).map(i -> p.get(i, 1) > p.get(i, 0) ? 1 : 0).toArray());
  }

  private static String picks(int[] indices) {
    return IntStream.of(indices).mapToObj(Integer::toString).collect(Collectors.joining(","));
  }
}
