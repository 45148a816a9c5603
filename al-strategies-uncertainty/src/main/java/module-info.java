/**
 * alkit's uncertainty strategies: {@code least-confidence}, {@code margin}, {@code ratio},
 * {@code entropy}, {@code vote-entropy}, {@code consensus-entropy}, {@code max-disagreement},
 * {@code alamp}, {@code alamp-div}, {@code diversify} and {@code information-density}; and two that measure what training does
 * (the survey's training effects): {@code egl} (expected gradient length) and
 * {@code label-dispersion}; {@code eer} (expected error reduction, through the model's refits) and
 * {@code albl} (active learning by learning, a bandit over strategies). Nothing is exported; the providers are found through
 * {@link org.alkit.api.StrategyProvider}.
 */
module org.alkit.uncertainty {
  requires transitive org.alkit.api;
  requires org.alkit.commons;
  requires static org.apiguardian.api;

  provides org.alkit.api.StrategyProvider with
      org.alkit.uncertainty.LeastConfidenceProvider,
      org.alkit.uncertainty.MarginProvider,
      org.alkit.uncertainty.RatioProvider,
      org.alkit.uncertainty.EntropyProvider,
      org.alkit.uncertainty.VoteEntropyProvider,
      org.alkit.uncertainty.ConsensusEntropyProvider,
      org.alkit.uncertainty.MaxDisagreementProvider,
      org.alkit.uncertainty.AlampProvider,
      org.alkit.uncertainty.AlampDivProvider,
      org.alkit.uncertainty.DiversifyProvider,
      org.alkit.uncertainty.InformationDensityProvider,
      org.alkit.uncertainty.EglProvider,
      org.alkit.uncertainty.LabelDispersionProvider,
      org.alkit.uncertainty.ExpectedErrorReductionProvider,
      org.alkit.uncertainty.AlblProvider;

  // albl's experts are strategies found by name
  uses org.alkit.api.StrategyProvider;
}
