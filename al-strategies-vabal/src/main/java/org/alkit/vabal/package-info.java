/**
 * VaB-AL (Choi et al., CVPR 2021): {@code ClassLikelihood} models p(x | ŷ_n),
 * {@code ClassTerms} estimates p(ŷ_n) and p(y_n | ŷ_n) on the labeled pool (eq. 6), and
 * {@code ErrorProbability} combines them in log space into p(y ≠ ŷ | x). The package is not
 * exported: users reach the strategy by name through {@link org.alkit.api.StrategyProvider}.
 */
package org.alkit.vabal;
