package org.alkit.eval.matrix;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.stat.inference.WilcoxonSignedRankTest;
import org.apiguardian.api.API;

/**
 * A paired comparison of two strategies in one (data set, scenario) on their per-seed AUBC: the
 * two-sided Wilcoxon signed-rank test (Wilcoxon 1945) of Apache Commons Math, exact for up to 30
 * pairs and by the normal approximation beyond. Pairs with equal values (zero differences) are
 * dropped first, as Wilcoxon's test prescribes; without a non-zero difference the strategies tie
 * with p = 1. A strategy wins when p &lt; α and its sum of differences is positive.
 *
 * <p>With n seeds the smallest attainable two-sided p is 2 / 2<sup>n</sup>: at α = 0.05 a
 * significant result needs at least 6 seeds without ties.
 *
 * @param dataset the data set
 * @param scenario the scenario
 * @param strategy the strategy compared
 * @param other the strategy it is compared with
 * @param pairs non-zero differences the test used
 * @param meanDifference mean AUBC of {@code strategy} minus that of {@code other}, over the seeds
 * @param p the two-sided p-value
 * @param outcome win, tie or loss of {@code strategy}
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record PairedTest(String dataset, String scenario, String strategy, String other, int pairs,
    double meanDifference, double p, Outcome outcome) {

  /** The result of a comparison, for the first strategy. */
  public enum Outcome {
    /** Significantly better. */
    WIN,
    /** No significant difference. */
    TIE,
    /** Significantly worse. */
    LOSS
  }

  /** The largest number of pairs for which the exact distribution is used. */
  static final int EXACT_LIMIT = 30;

  /**
   * The smallest two-sided p the exact test attains with {@code pairs} non-zero differences,
   * 2 / 2<sup>pairs</sup> (every difference of one sign).
   */
  public static double smallestP(int pairs) {
    return Math.min(1, 2 / Math.pow(2, pairs));
  }

  /** The fewest pairs with which a comparison can be significant at {@code alpha}: 6 at α = 0.05. */
  public static int pairsForSignificance(double alpha) {
    int n = 1;
    while (smallestP(n) >= alpha) {
      n++;
    }
    return n;
  }

  /**
   * Compares {@code a} with {@code b}, paired by position.
   *
   * @param alpha the significance level
   */
  public static PairedTest of(String dataset, String scenario, String strategy, String other, double[] a, double[] b,
      double alpha) {
    if (a.length != b.length) {
      throw new IllegalArgumentException(a.length + " values paired with " + b.length + "; expected as many");
    }
    List<double[]> pairs = new ArrayList<>();
    double sum = 0;
    double difference = 0;
    int counted = 0;
    for (int k = 0; k < a.length; k++) {
      if (Double.isNaN(a[k]) || Double.isNaN(b[k])) {
        continue;
      }
      difference += a[k] - b[k];
      counted++;
      if (a[k] != b[k]) {
        pairs.add(new double[] {a[k], b[k]});
        sum += a[k] - b[k];
      }
    }
    double mean = counted == 0 ? Double.NaN : difference / counted;
    if (pairs.isEmpty()) {
      return new PairedTest(dataset, scenario, strategy, other, 0, mean, 1, Outcome.TIE);
    }
    double[] x = pairs.stream().mapToDouble(pair -> pair[0]).toArray();
    double[] y = pairs.stream().mapToDouble(pair -> pair[1]).toArray();
    double p = new WilcoxonSignedRankTest().wilcoxonSignedRankTest(x, y, x.length <= EXACT_LIMIT);
    p = Math.min(1, p);
    Outcome outcome = p >= alpha ? Outcome.TIE : sum > 0 ? Outcome.WIN : Outcome.LOSS;
    return new PairedTest(dataset, scenario, strategy, other, x.length, mean, p, outcome);
  }
}
