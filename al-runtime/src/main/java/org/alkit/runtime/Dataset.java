package org.alkit.runtime;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;
import java.util.SplittableRandom;
import org.alkit.api.InvalidInputException;
import org.alkit.api.Matrix;
import org.apiguardian.api.API;

/**
 * A labeled data set split into the pool (where the strategy picks and the oracle answers) and a
 * held-out test split (where accuracy is measured after each fit).
 *
 * <p>Experimental: data sets keep gaining descriptions (item shape and class names came after
 * the first release), and a record cannot grow compatibly.
 *
 * @param name for reports, e.g. {@code optdigits}
 * @param pool pool features, {@code n × d}
 * @param poolLabels ground truth of every pool row (read only by a simulated oracle)
 * @param test test features, {@code m × d}
 * @param testLabels ground truth of every test row
 * @param numClasses C: every label lies in {@code [0, C)}
 * @param itemShape the shape of one item, whose flattened (C-order) values form a row: e.g.
 *     {@code [1, 28, 28]} for grey 28 × 28 images, {@code [3, 32, 32]} for colour ones,
 *     {@code [d]} for plain feature vectors; the product equals the number of columns
 * @param classNames a name for each class {@code 0 … C−1}, for reports
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Dataset(String name, Matrix pool, int[] poolLabels, Matrix test, int[] testLabels, int numClasses,
    int[] itemShape, List<String> classNames) {

  /**
   * Checks shapes and labels and copies the arrays.
   *
   * @throws InvalidInputException naming the component, its value and what was expected
   */
  public Dataset {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(pool, "pool");
    Objects.requireNonNull(test, "test");
    poolLabels = poolLabels.clone();
    testLabels = testLabels.clone();
    itemShape = itemShape.clone();
    classNames = List.copyOf(classNames);
    if (numClasses < 1) {
      throw new InvalidInputException("dataset '" + name + "': numClasses = " + numClasses + "; expected >= 1");
    }
    checkShape(name, itemShape, pool.cols());
    if (classNames.size() != numClasses) {
      throw new InvalidInputException("dataset '" + name + "': " + classNames.size() + " class names for "
          + numClasses + " classes; expected one name per class");
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
   * A data set of plain feature vectors: item shape {@code [d]}, classes named {@code "0" … "C−1"}.
   *
   * @throws InvalidInputException naming the component, its value and what was expected
   */
  public Dataset(String name, Matrix pool, int[] poolLabels, Matrix test, int[] testLabels, int numClasses) {
    this(name, pool, poolLabels, test, testLabels, numClasses, new int[] {pool.cols()}, numberedClasses(numClasses));
  }

  /**
   * This data set with another item shape and class names (the same rows and labels).
   *
   * @throws InvalidInputException if the shape's product is not the number of columns or the names
   *     are not one per class
   */
  public Dataset withItems(int[] itemShape, List<String> classNames) {
    return new Dataset(name, pool, poolLabels, test, testLabels, numClasses, itemShape, classNames);
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

  /** The shape of one item (a copy). */
  @Override
  public int[] itemShape() {
    return itemShape.clone();
  }

  private static List<String> numberedClasses(int numClasses) {
    return IntStream.range(0, Math.max(numClasses, 0)).mapToObj(Integer::toString).toList();
  }

  private static void checkShape(String name, int[] itemShape, int cols) {
    long size = 1;
    for (int extent : itemShape) {
      if (extent < 1) {
        throw new InvalidInputException("dataset '" + name + "': item shape " + Arrays.toString(itemShape)
            + " has an extent " + extent + "; expected extents >= 1");
      }
      size *= extent; // at most cols · extent < 2⁶², as larger products stop below
      if (size > cols) {
        break;
      }
    }
    if (itemShape.length == 0 || size != cols) {
      throw new InvalidInputException("dataset '" + name + "': item shape " + Arrays.toString(itemShape)
          + " does not hold the " + cols + " columns of a row; expected extents whose product is " + cols);
    }
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
        && d.numClasses == numClasses && Arrays.equals(d.itemShape, itemShape) && d.classNames.equals(classNames);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, pool, test, Arrays.hashCode(poolLabels), Arrays.hashCode(testLabels), numClasses,
        Arrays.hashCode(itemShape), classNames);
  }

  @Override
  public String toString() {
    return "Dataset[" + name + ", pool " + pool.rows() + " × " + Arrays.toString(itemShape) + ", test "
        + test.rows() + ", " + numClasses + " classes]";
  }
}
