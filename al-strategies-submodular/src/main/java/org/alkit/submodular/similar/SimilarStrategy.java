package org.alkit.submodular.similar;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.alkit.api.Matrix;
import org.alkit.api.Options;
import org.alkit.api.Parameter;
import org.alkit.api.Selection;
import org.alkit.api.SelectionContext;
import org.alkit.api.Signal;
import org.alkit.api.Similarity;
import org.alkit.api.Strategy;
import org.alkit.submodular.Kernels;
import org.alkit.submodular.Kernels.Block;
import org.alkit.submodular.SetFunction;
import org.alkit.submodular.SetFunctions;
import org.alkit.submodular.functions.Catalog;
import org.alkit.submodular.kernels.KernelBuilder;
import org.alkit.submodular.optimizers.GreedyResult;
import org.alkit.submodular.optimizers.OptimizerOptions;
import org.alkit.submodular.optimizers.Optimizers;

/**
 * One configured SIMILAR, or plain facility location: the ground set is the unlabeled pool, Q and P come from
 * {@link ScenarioSets}, kernels from {@link KernelBuilder}, and the picks, mapped back to pool
 * indices, are scored by their marginal gains. The stop options stay off, so it always returns
 * {@link SelectionContext#selectionSize()} items as the strategy contract demands.
 */
final class SimilarStrategy implements Strategy {
  private static final KernelBuilder KERNELS =
      new KernelBuilder("the unlabeled embeddings", "the query set Q", "the private set P");

  private final String name;
  private final Options options;
  private final String function;
  private final String optimizer;
  private final Signal embedding;
  private final Similarity metric;
  private final OptimizerOptions optimizerOptions;
  private final Map<String, String> functionOptions = new LinkedHashMap<>();

  /** The strategy {@code name} maximizing {@code function} with {@code options}. */
  SimilarStrategy(String name, String function, Options options) {
    this.name = name;
    this.options = options;
    this.function = function;
    this.optimizer = options.getString("optimizer");
    this.embedding = options.getString("embedding").equals("gradient")
        ? Signal.GRADIENT_EMBEDDINGS : Signal.EMBEDDINGS;
    this.metric = Similarity.valueOf(options.getString("metric").toUpperCase(Locale.ROOT));
    this.optimizerOptions = new OptimizerOptions(options.getDouble("epsilon"), false, false, 0);
    for (Parameter p : SetFunctions.parameters(function)) {
      functionOptions.put(p.name(), options.asText().get(p.name()));
    }
  }

  @Override
  public Selection select(SelectionContext ctx) {
    Matrix embeddings = ctx.matrix(embedding);
    int k = ctx.selectionSize();
    if (k == 0) {
      return Selection.of(name, options, new int[0], new double[0]);
    }
    Set<Block> blocks = SetFunctions.requiredKernels(function);
    Matrix query = blocks.contains(Block.QUERY) ? ScenarioSets.query(ctx, embeddings, function) : null;
    Matrix privateSet =
        blocks.contains(Block.PRIVATE) ? ScenarioSets.privateSet(ctx, embeddings, function) : null;
    int[] ground = ctx.unlabeled();
    Kernels kernels = KERNELS.build(function, embeddings.select(ground), query, privateSet, metric,
        ctx.backend(), KernelBuilder.DataKernel.DENSE);
    SetFunction f = Catalog.get(function).create(functionOptions, kernels, true);
    GreedyResult greedy = Optimizers.create(optimizer, optimizerOptions.withSeed(ctx.seed()))
        .maximize(f, k, ctx.backend());
    int[] picks = greedy.selected();
    for (int t = 0; t < picks.length; t++) {
      picks[t] = ground[picks[t]];
    }
    return Selection.of(name, options, picks, greedy.gains());
  }
}
