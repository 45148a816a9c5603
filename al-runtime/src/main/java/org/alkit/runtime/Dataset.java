package org.alkit.runtime;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.Arrays;
import java.util.Objects;
import java.util.SplittableRandom;
import org.alkit.api.InvalidInputException;
import org.alkit.api.Matrix;
import org.apiguardian.api.API;

/**
 * A labeled data set split into the pool (where the strategy picks and the oracle answers) and a
 * held-out test split (where accuracy is measured after each fit).
 *
 * @param name for reports, e.g. {@code optdigits}
 * @param pool pool features, {@code n × d}
 * @param poolLabels ground truth of every pool row (read only by a simulated oracle)
 * @param test test features, {@code m × d}
 * @param testLabels ground truth of every test row
 * @param numClasses C: every label lies in {@code [0, C)}
 */
@API(status = STABLE, since = "0.1")
public record Dataset(String name, Matrix pool, int[] poolLabels, Matrix test, int[] testLabels, int numClasses) {

  /**
   * Checks shapes and labels and copies the label arrays.
   *
   * @throws InvalidInputException naming the component, its value and what was expected
   */
  public Dataset {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(pool, "pool");
    Objects.requireNonNull(test, "test");
    poolLabels = poolLabels.clone();
    testLabels = testLabels.clone();
    if (numClasses < 1) {
      throw new InvalidInputException("dataset '" + name + "': numClasses = " + numClasses + "; expected >= 1");
    }
    if (pool.rows() == 0) {
      throw new InvalidInputException("dataset '" + name + "': the pool is empty; expected at least one row");
    }
    if (test.cols() != pool.cols()) {
      throw new InvalidInputException("dataset '" + name + "': test is " + test.rows() + " × " + test.cols()
          + " but pool is " + pool.rows() + " × " + pool.cols() + "; expected the same number of columns");
    }
    checkLabels(name, "pool", pool, poolLabels, numClasses);
    checkLabels(name, "test", test, testLabels, numClasses);
  }

  /**
   * Splits {@code features}/{@code labels} at random into a test split of
   * {@code round(testFraction · n)} rows and a pool of the rest (a seeded Fisher–Yates shuffle).
   *
   * @throws InvalidInputException if {@code testFraction} is outside {@code [0, 1)}
   */
  public static Dataset split(String name, Matrix features, int[] labels, int numClasses, double testFraction,
      long seed) {
    if (!(testFraction >= 0 && testFraction < 1)) {
      throw new InvalidInputException("test-fraction = " + testFraction + "; expected 0 <= test-fraction < 1");
    }
    if (labels.length != features.rows()) {
      throw new InvalidInputException("dataset '" + name + "': " + labels.length + " labels for "
          + features.rows() + " rows; expected one label per row");
    }
    int n = features.rows();
    int[] order = Sampling.shuffled(n, new SplittableRandom(seed));
    int testSize = (int) Math.round(testFraction * n);
    int[] test = Arrays.copyOf(order, testSize);
    int[] pool = Arrays.copyOfRange(order, testSize, n);
    return new Dataset(name, features.select(pool), Arrays.stream(pool).map(i -> labels[i]).toArray(),
        features.select(test), Arrays.stream(test).map(i -> labels[i]).toArray(), numClasses);
  }

  /** Pool labels (a copy). */
  @Override
  public int[] poolLabels() {
    return poolLabels.clone();
  }

  /** Test labels (a copy). */
  @Override
  public int[] testLabels() {
    return testLabels.clone();
  }

  private static void checkLabels(String name, String split, Matrix x, int[] labels, int numClasses) {
    if (labels.length != x.rows()) {
      throw new InvalidInputException("dataset '" + name + "': " + split + " has " + x.rows() + " rows but "
          + labels.length + " labels; expected one label per row");
    }
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] < 0 || labels[i] >= numClasses) {
        throw new InvalidInputException("dataset '" + name + "': " + split + " label " + i + " = " + labels[i]
            + "; expected a class in [0, " + numClasses + ")");
      }
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Dataset d && d.name.equals(name) && d.pool.equals(pool) && d.test.equals(test)
        && Arrays.equals(d.poolLabels, poolLabels) && Arrays.equals(d.testLabels, testLabels)
        && d.numClasses == numClasses;
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, pool, test, Arrays.hashCode(poolLabels), Arrays.hashCode(testLabels), numClasses);
  }

  @Override
  public String toString() {
    return "Dataset[" + name + ", pool " + pool.rows() + " × " + pool.cols() + ", test " + test.rows()
        + ", " + numClasses + " classes]";
  }
}
