package org.alkit.diversity;

/**
 * A finite set of points {@code 0 … size−1} in a Euclidean space, known through their squared
 * distances. Greedy k-center, k-means++ and BADGE all run on this view, so the incremental
 * nearest-centre update ({@link NearestCentres}) is written once.
 */
interface Points {
  /** The number of points. */
  int size();

  /** ‖x_i − x_j‖², never negative. */
  double squaredDistance(int i, int j);
}
