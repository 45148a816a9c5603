package org.alkit.submodular;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * The greedy result: picks in order, the marginal gain of each, f of the whole selection, and how
 * long building the kernels and maximizing took. Where a function computes kernel rows on demand
 * (log-det from features, see {@link Maximizer}), {@code kernelMillis} covers only the diagonal and
 * the rows are computed within {@code maximizeMillis}.
 */
@API(status = STABLE, since = "0.1")
public record MaximizeResult(int[] selected, double[] gains, double value, double kernelMillis,
    double maximizeMillis) {}
