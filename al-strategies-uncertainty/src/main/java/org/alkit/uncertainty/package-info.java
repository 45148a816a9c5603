/**
 * Uncertainty sampling for alkit: least confidence, margin, ratio and entropy over the model's
 * class probabilities; query by committee (vote entropy, consensus entropy, max disagreement);
 * alamp and its diversified variants (Aggarwal, Popescu and Hudelot, 2022).
 *
 * <p>Every strategy here is a {@code Scorer} (one score per candidate,
 * computed row by row by {@code Rows}) turned into a strategy either by the top-k of
 * {@link org.alkit.api.ScoringStrategy} or by the per-pseudo-class sweeps of
 * {@code DiversifiedStrategy}. The package is not exported: users reach the strategies by name
 * through {@link org.alkit.api.StrategyProvider}.
 */
package org.alkit.uncertainty;
