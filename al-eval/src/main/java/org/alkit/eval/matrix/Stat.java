package org.alkit.eval.matrix;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Arrays;
import org.apache.commons.math3.stat.descriptive.moment.Mean;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;
import org.apiguardian.api.API;

/**
 * The mean and the sample standard deviation (n − 1 in the denominator; 0 for one value) of a
 * quantity over seeds, NaN values left out (Apache Commons Math's {@link Mean} and
 * {@link StandardDeviation}).
 *
 * @param mean the mean; NaN when no value was a number
 * @param std the sample standard deviation; NaN when no value was a number
 * @param n how many values were numbers
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Stat(double mean, double std, int n) {
  /** The statistics of {@code values}, NaN left out. */
  public static Stat of(double... values) {
    double[] numbers = Arrays.stream(values).filter(v -> !Double.isNaN(v)).toArray();
    if (numbers.length == 0) {
      return new Stat(Double.NaN, Double.NaN, 0);
    }
    return new Stat(new Mean().evaluate(numbers), new StandardDeviation(true).evaluate(numbers), numbers.length);
  }

  /** {@code mean ± std} with {@code digits} decimals, or {@code —} without values. */
  public String format(int digits) {
    if (n == 0) {
      return "—";
    }
    String f = "%." + digits + "f";
    return String.format(java.util.Locale.ROOT, f + " ± " + f, mean, std);
  }
}
