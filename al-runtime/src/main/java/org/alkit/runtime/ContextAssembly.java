package org.alkit.runtime;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.alkit.api.FittedModel;
import org.alkit.api.Matrix;
import org.alkit.api.SelectionContext;
import org.alkit.api.Signal;
import org.alkit.api.StrategyProvider;
import org.alkit.commons.GradientEmbeddings;
import org.apiguardian.api.API;

/**
 * The one place that turns signals into a {@link SelectionContext}: a fitted model's (the
 * {@link ActiveLearningLoop}) or the files a user gave ({@code alkit select}). It collects each
 * signal as a lazy supplier, derives what it can ({@link Signal#GRADIENT_EMBEDDINGS}
 * (p − onehot(argmax p)) ⊗ h from {@link Signal#PROBABILITIES} and {@link Signal#EMBEDDINGS}, when
 * not given, from the validated probabilities and embeddings), checks a strategy's requirements
 * against them ({@link CapabilityCheck}) and builds the context; the caller adds labels, budget,
 * round, seed, hints and the backend.
 *
 * <pre>{@code
 * ContextAssembly signals = ContextAssembly.of(n).matrix(Signal.PROBABILITIES, () -> p);
 * signals.check(provider, missing -> "the inputs");
 * SelectionContext ctx = signals.build(b -> b.budget(10).backend(backend));
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class ContextAssembly {
  private final int poolSize;
  private final Map<Signal, Supplier<Matrix>> matrices = new EnumMap<>(Signal.class);
  private final Map<Signal, Supplier<List<Matrix>>> stacks = new EnumMap<>(Signal.class);

  private ContextAssembly(int poolSize) {
    this.poolSize = poolSize;
  }

  /** An assembly for a pool of {@code poolSize} items and no signal yet. */
  public static ContextAssembly of(int poolSize) {
    return new ContextAssembly(poolSize);
  }

  /**
   * The signals {@code offers} of a fitted model over {@code pool}, each computed on first use,
   * and {@link Signal#FEATURES}, the pool's rows themselves; {@code probabilities} supplies
   * {@link Signal#PROBABILITIES} (the loop shares it with the next round).
   */
  public static ContextAssembly of(FittedModel fitted, Set<Signal> offers, Matrix pool,
      Supplier<Matrix> probabilities) {
    ContextAssembly a = new ContextAssembly(pool.rows());
    a.matrix(Signal.FEATURES, () -> pool);
    for (Signal s : offers) {
      if (s == Signal.PROBABILITIES) {
        a.matrix(s, probabilities);
      } else if (s.shape() == Signal.Shape.MATRIX) {
        a.matrix(s, () -> fitted.matrix(s, pool));
      } else {
        a.stack(s, () -> fitted.stack(s, pool));
      }
    }
    return a;
  }

  /** Adds (or replaces) a matrix signal, computed on first use. */
  public ContextAssembly matrix(Signal signal, Supplier<Matrix> value) {
    matrices.put(signal, value);
    return this;
  }

  /** Adds (or replaces) a stacked signal, computed on first use. */
  public ContextAssembly stack(Signal signal, Supplier<List<Matrix>> value) {
    stacks.put(signal, value);
    return this;
  }

  /** The signals given to this assembly (not those it derives). */
  public Set<Signal> given() {
    Set<Signal> out = EnumSet.noneOf(Signal.class);
    out.addAll(matrices.keySet());
    out.addAll(stacks.keySet());
    return out;
  }

  /** {@code given} and what an assembly derives from it: gradient embeddings from probabilities and embeddings. */
  public static Set<Signal> offered(Set<Signal> given) {
    Set<Signal> out = EnumSet.noneOf(Signal.class);
    out.addAll(given);
    if (out.contains(Signal.PROBABILITIES) && out.contains(Signal.EMBEDDINGS)) {
      out.add(Signal.GRADIENT_EMBEDDINGS);
    }
    return out;
  }

  /**
   * Throws unless these signals, with what this assembly derives, cover what {@code strategy}
   * requires ({@link CapabilityCheck#check(StrategyProvider, Set, Function)}).
   *
   * @param source describes, given the missing signals, who was asked for them
   */
  public ContextAssembly check(StrategyProvider strategy, Function<Set<Signal>, String> source) {
    CapabilityCheck.check(strategy, given(), source);
    return this;
  }

  /**
   * The context: a builder for the pool holding every given signal, configured by
   * {@code settings} (labels, budget, round, seed, hints, backend), plus the derived signals,
   * computed on first use from the context's own validated signals. Every signal stays lazy.
   */
  public SelectionContext build(UnaryOperator<SelectionContext.Builder> settings) {
    SelectionContext.Builder b = SelectionContext.builder(poolSize);
    matrices.forEach(b::signal);
    stacks.forEach(b::stack);
    SelectionContext base = settings.apply(b).build();
    if (matrices.containsKey(Signal.GRADIENT_EMBEDDINGS) || !matrices.containsKey(Signal.PROBABILITIES)
        || !matrices.containsKey(Signal.EMBEDDINGS)) {
      return base;
    }
    return base.toBuilder().signal(Signal.GRADIENT_EMBEDDINGS, () -> GradientEmbeddings.of(
        base.matrix(Signal.PROBABILITIES), base.matrix(Signal.EMBEDDINGS))).build();
  }
}
