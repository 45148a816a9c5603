package org.alkit.diversity;

/**
 * D²(x) = min over centres c of ‖x − c‖² for tracked points {@code 0 … tracked−1}, updated one new
 * centre at a time: the state k-means++ seeding ({@link KMeansPlusPlus}) samples from.
 */
interface MinDistances {
  /** The number of tracked points. */
  int tracked();

  /** D²(x). */
  double squaredDistance(int x);

  /** Whether tracked point x has been made a centre. */
  boolean isCentre(int x);

  /** Makes tracked point {@code c} a centre and lowers every D²(x) it improves. */
  void add(int c);
}
