package org.alkit.submodular.similar;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;
import org.alkit.api.InvalidInputException;
import org.alkit.api.Matrix;
import org.alkit.api.ScenarioHints;
import org.alkit.api.SelectionContext;

/**
 * SIMILAR's query set Q and private set P, as embedding rows, from the scenario hints (Kothawade
 * et al. 2021, §3). Explicit features, then explicit pool indices, take precedence; otherwise
 *
 * <ul>
 *   <li>Q = the labeled items of a rare class (rare-class scenario), or else the labeled items
 *       whose label is not an OOD class (out-of-distribution scenario);</li>
 *   <li>P = the labeled items of an OOD class, or else, in the {@code redundancy} scenario, the
 *       whole labeled set.</li>
 * </ul>
 */
final class ScenarioSets {
  private ScenarioSets() {}

  /** Q for {@code function}; throws when the hints give none. */
  static Matrix query(SelectionContext ctx, Matrix embeddings, String function) {
    ScenarioHints h = ctx.hints();
    Optional<Matrix> explicit = explicit(ctx, embeddings, h.queryFeatures(), h.queryIndices(), "query");
    if (explicit.isPresent()) {
      return explicit.get();
    }
    String how = "; expected query indices or features in the hints, rare classes (Q = labeled items"
        + " of those classes) or OOD classes (Q = labeled in-distribution items)";
    if (!h.rareClasses().isEmpty()) {
      return labeled(ctx, embeddings, h.rareClasses()::contains, function, "query set Q",
          "rare classes " + h.rareClasses(), how);
    }
    if (!h.oodClasses().isEmpty()) {
      Set<Integer> ood = h.oodClasses();
      return labeled(ctx, embeddings, label -> !ood.contains(label), function, "query set Q",
          "in-distribution labels (not OOD classes " + ood + ")", how);
    }
    throw none(function, "query set Q", h, how);
  }

  /** P for {@code function}; throws when the hints give none. */
  static Matrix privateSet(SelectionContext ctx, Matrix embeddings, String function) {
    ScenarioHints h = ctx.hints();
    Optional<Matrix> explicit =
        explicit(ctx, embeddings, h.privateFeatures(), h.privateIndices(), "private");
    if (explicit.isPresent()) {
      return explicit.get();
    }
    String how = "; expected private indices or features in the hints, OOD classes (P = labeled OOD"
        + " items) or scenario 'redundancy' (P = the labeled set)";
    if (!h.oodClasses().isEmpty()) {
      return labeled(ctx, embeddings, h.oodClasses()::contains, function, "private set P",
          "OOD classes " + h.oodClasses(), how);
    }
    if (h.scenario().equals("redundancy")) {
      return labeled(ctx, embeddings, label -> true, function, "private set P", "the labeled set", how);
    }
    throw none(function, "private set P", h, how);
  }

  private static Optional<Matrix> explicit(SelectionContext ctx, Matrix embeddings,
      Optional<Matrix> features, List<Integer> indices, String which) {
    if (features.isPresent()) {
      Matrix m = features.get();
      if (m.cols() != embeddings.cols()) {
        throw new InvalidInputException(which + " features have " + m.cols() + " columns but the"
            + " embeddings have " + embeddings.cols() + "; expected features in the embedding space"
            + " (with embedding=gradient, give " + which + " indices instead)");
      }
      return features;
    }
    if (indices.isEmpty()) {
      return Optional.empty();
    }
    for (int i : indices) {
      if (i < 0 || i >= ctx.poolSize()) {
        throw new InvalidInputException(which + " index " + i + " is outside the pool [0, "
            + ctx.poolSize() + ")");
      }
    }
    return Optional.of(embeddings.select(indices.stream().mapToInt(Integer::intValue).toArray()));
  }

  private static Matrix labeled(SelectionContext ctx, Matrix embeddings, IntPredicate keep,
      String function, String set, String rule, String how) {
    int[] labeled = ctx.labeled();
    int[] labels = ctx.labels();
    int[] rows = IntStream.range(0, labeled.length).filter(t -> keep.test(labels[t]))
        .map(t -> labeled[t]).toArray();
    if (rows.length == 0) {
      throw new InvalidInputException("function '" + function + "' needs a " + set + ", but "
          + rule + " select none of the " + labeled.length + " labeled items" + how);
    }
    return embeddings.select(rows);
  }

  private static InvalidInputException none(String function, String set, ScenarioHints h, String how) {
    return new InvalidInputException("function '" + function + "' needs a " + set
        + ", but the hints of scenario '" + h.scenario() + "' give none" + how);
  }
}
