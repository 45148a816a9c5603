package org.alkit.api;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * Chooses which unlabeled pool items to label next.
 *
 * <p>Contract (checked for every provider by al-testkit's {@code StrategyContractTest}):
 * <ul>
 *   <li>returns {@code min(ctx.budget(), ctx.unlabeledCount())} distinct unlabeled indices, in pick order;</li>
 *   <li>is pure given its inputs: the same context (same seed) gives the same selection, on any
 *       thread count;</li>
 *   <li>reads signals only through the context, which throws {@link MissingSignalException} for
 *       one it does not have.</li>
 * </ul>
 * Scoring strategies extend {@link ScoringStrategy} and implement only the score.
 */
@API(status = STABLE, since = "0.1")
@FunctionalInterface
public interface Strategy {
  /** Picks items from {@code ctx.unlabeled()}. */
  Selection select(SelectionContext ctx);
}
