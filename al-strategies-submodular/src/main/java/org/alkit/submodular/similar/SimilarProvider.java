package org.alkit.submodular.similar;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.alkit.api.Options;
import org.alkit.api.Parameter;
import org.alkit.api.Signal;
import org.alkit.api.Similarity;
import org.alkit.api.Strategy;
import org.alkit.api.StrategyProvider;
import org.alkit.submodular.Kernels.Block;
import org.alkit.submodular.SetFunctions;
import org.alkit.submodular.optimizers.OptimizerOptions;
import org.alkit.submodular.optimizers.Optimizers;

/**
 * SIMILAR (Kothawade, Beck, Killamsetty &amp; Iyer 2021, NeurIPS): selects the k unlabeled items
 * that greedily maximize a submodular information measure between the selection A and a query
 * set Q and/or a private set P, on embeddings of the pool:
 *
 * <ul>
 *   <li>SMI I_f(A; Q) (flmi, flvmi, gcmi, logdet-mi, com): rare classes (Q = labeled items of a
 *       rare class), or out-of-distribution data (Q = labeled in-distribution items);</li>
 *   <li>SCG f(A | P) (flcg, gccg, logdet-cg): redundancy (P = the labeled set);</li>
 *   <li>SCMI I_f(A; Q | P) (flcmi, logdet-cmi): OOD with P = labeled OOD items.</li>
 * </ul>
 *
 * Explicit query / private indices or features in the scenario hints take precedence. Options:
 * {@code function}, {@code optimizer}, {@code embedding} ({@code plain} = {@link Signal#EMBEDDINGS};
 * {@code gradient} = {@link Signal#GRADIENT_EMBEDDINGS} with hypothesised labels, as in the paper),
 * {@code metric}, {@code epsilon} and the functions' own options ({@code eta}, {@code nu},
 * {@code lambda}, {@code mode}; each function receives those it declares).
 *
 * <p>{@link #requires()} is static, so it declares what the default {@code embedding=plain}
 * needs; with {@code embedding=gradient} a model without gradient embeddings fails at selection
 * with a {@link org.alkit.api.MissingSignalException} naming {@code gradient-embeddings}.
 */
public final class SimilarProvider implements StrategyProvider {
  /** The information measures: the functions that read a query or a private kernel. */
  static final List<String> FUNCTIONS = SetFunctions.names().stream()
      .filter(name -> SetFunctions.requiredKernels(name).contains(Block.QUERY)
          || SetFunctions.requiredKernels(name).contains(Block.PRIVATE))
      .toList();

  /** The functions' options, each declared once (they agree on type and default). */
  static final List<Parameter> FUNCTION_PARAMETERS = functionParameters();

  @Override
  public String name() {
    return "similar";
  }

  @Override
  public String family() {
    return "submodular";
  }

  @Override
  public String description() {
    return "SIMILAR (Kothawade et al. 2021): greedy maximization of a submodular mutual information,"
        + " conditional gain or conditional mutual information with a query/private set";
  }

  @Override
  public Set<Signal> requires() {
    return Set.of(Signal.EMBEDDINGS);
  }

  @Override
  public Set<Signal> uses() {
    return Set.of(Signal.GRADIENT_EMBEDDINGS);
  }

  @Override
  public List<Parameter> parameters() {
    List<Parameter> p = new ArrayList<>();
    p.add(Parameter.choice("function", "flvmi", "information measure maximized",
        FUNCTIONS.toArray(String[]::new)));
    p.addAll(GREEDY_PARAMETERS);
    p.addAll(FUNCTION_PARAMETERS);
    return p;
  }

  /** The options of the greedy maximization on the embeddings, which facility-location shares. */
  static final List<Parameter> GREEDY_PARAMETERS = List.of(
      Parameter.choice("optimizer", "lazy", "greedy optimizer", Optimizers.names().toArray(String[]::new)),
      Parameter.choice("embedding", "plain",
          "plain: embeddings; gradient: last-layer gradient embeddings with hypothesised labels",
          "plain", "gradient"),
      Parameter.choice("metric", Similarity.EUCLIDEAN.key(),
          "kernel similarity; euclidean exp(-|x-y|/d) is in (0, 1], cosine may be negative",
          Similarity.EUCLIDEAN.key(), Similarity.COSINE.key(), Similarity.DOT.key()),
      OptimizerOptions.EPSILON);

  @Override
  public Strategy create(Options options) {
    return new SimilarStrategy(name(), options.getString("function"), options);
  }

  private static List<Parameter> functionParameters() {
    Map<String, Parameter> byName = new LinkedHashMap<>();
    for (String function : FUNCTIONS) {
      for (Parameter p : SetFunctions.parameters(function)) {
        Parameter seen = byName.putIfAbsent(p.name(), p);
        if (seen != null && (seen.type() != p.type() || !seen.defaultValue().equals(p.defaultValue()))) {
          throw new IllegalStateException("functions declare option '" + p.name()
              + "' with different types or defaults; SIMILAR cannot pass it through");
        }
      }
    }
    List<Parameter> out = new ArrayList<>();
    for (Parameter p : byName.values()) {
      out.add(new Parameter(p.name(), p.type(), p.defaultValue(),
          "passed to the function when it takes it: " + p.description(), p.choices()));
    }
    return List.copyOf(out);
  }
}
