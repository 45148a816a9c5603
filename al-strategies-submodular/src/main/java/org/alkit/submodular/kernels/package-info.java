/**
 * Builds the {@link org.alkit.submodular.Kernels} a set function reads from raw features, through
 * the {@link org.alkit.api.ComputeBackend}. Not exported: used by
 * {@link org.alkit.submodular.Maximizer} and the {@code similar} strategy.
 */
package org.alkit.submodular.kernels;
