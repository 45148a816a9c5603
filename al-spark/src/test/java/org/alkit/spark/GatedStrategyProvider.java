package org.alkit.spark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.alkit.api.AlException;
import org.alkit.api.Options;
import org.alkit.api.Parameter;
import org.alkit.api.ScoringStrategy;
import org.alkit.api.SelectionContext;
import org.alkit.api.Signal;
import org.alkit.api.Strategy;
import org.alkit.api.StrategyProvider;
import org.alkit.runtime.Registry;

/**
 * {@code gated}: least confidence (alkit's own strategy), scored only once the file {@code gate}
 * exists (at once without one). A test holds every task of a job inside its
 * scoring until it has killed an executor, so the kill falls inside the job whatever the timing.
 */
public final class GatedStrategyProvider implements StrategyProvider {
  /** How long a task waits for the gate before it fails. */
  private static final long PATIENCE_MS = 180_000;

  @Override
  public String name() {
    return "gated";
  }

  @Override
  public Set<Signal> requires() {
    return Set.of(Signal.PROBABILITIES);
  }

  @Override
  public List<Parameter> parameters() {
    return List.of(Parameter.text("gate", "", "file whose existence lets the scoring start"));
  }

  @Override
  public Strategy create(Options options) {
    String gate = options.getString("gate");
    return new ScoringStrategy(name(), options) {
      @Override
      public boolean scoresItemsAlone() {
        return true;
      }

      @Override
      protected double[] score(SelectionContext ctx, int[] candidates) {
        await(gate);
        return LeastConfidence.STRATEGY.rank(ctx).scores(); // candidates are ctx.unlabeled(), as rank's
      }
    };
  }

  private static void await(String gate) {
    long deadline = System.currentTimeMillis() + PATIENCE_MS;
    while (!gate.isEmpty() && !Files.exists(Path.of(gate))) {
      if (System.currentTimeMillis() > deadline) {
        throw new AlException("the gate " + gate + " did not open within " + PATIENCE_MS + " ms");
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AlException("interrupted while waiting for the gate " + gate, e);
      }
    }
  }

  /** alkit's least confidence, created on first use (not while a registry loads this provider). */
  private static final class LeastConfidence {
    static final ScoringStrategy STRATEGY =
        (ScoringStrategy) Registry.load().createStrategy("least-confidence", Map.of());
  }
}
