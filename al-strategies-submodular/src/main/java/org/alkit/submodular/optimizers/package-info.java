/**
 * Greedy maximizers of a {@link org.alkit.submodular.SetFunction} under a cardinality budget k:
 * {@code naive} (Nemhauser, Wolsey &amp; Fisher 1978), {@code lazy} (Minoux 1978), {@code stochastic}
 * and {@code lazier} (Mirzasoleiman et al. 2015, "Lazier than lazy greedy", AAAI). Not exported:
 * callers go through {@link org.alkit.submodular.Maximizer} or the {@code similar} strategy.
 *
 * <p>Every optimizer breaks exact ties in favour of the lowest index (submodlib's naive greedy takes
 * the highest), and {@code lazy} is exactly the naive greedy whenever the function is submodular.
 */
package org.alkit.submodular.optimizers;
