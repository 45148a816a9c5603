/**
 * Bayesian active learning for alkit, from T stochastic forward passes of the model
 * ({@link org.alkit.api.Signal#MC_PROBABILITIES}, e.g. MC dropout): BALD, variation ratio and
 * mean standard deviation score items one by one ({@code McMeasure} over {@code McSamples});
 * BatchBALD grows a batch of maximal joint mutual information ({@code BatchBald} over
 * {@code JointPosterior}); power-BALD samples a batch with probability ∝ BALD^β. The package is
 * not exported: users reach the strategies by name through {@link org.alkit.api.StrategyProvider}.
 */
package org.alkit.bayesian;
