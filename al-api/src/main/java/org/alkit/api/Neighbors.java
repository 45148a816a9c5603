package org.alkit.api;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * For each query row, its nearest reference row and the squared Euclidean distance to it
 * (−1 and +∞ when there are no reference rows). Ties go to the lower reference index.
 *
 * @param index nearest reference row of each query
 * @param squaredDistance ‖query − reference‖² of that pair
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Neighbors(int[] index, float[] squaredDistance) {}
