package org.alkit.eval.matrix;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Set;
import org.apiguardian.api.API;

/**
 * How good a model fitted on {@code labeled} items is on the test split: one point of a learning
 * curve.
 *
 * @param labeled labeled pool items the model was fitted on (OOD picks included: they cost budget)
 * @param accuracy share of test items predicted right
 * @param balancedAccuracy the mean over the classes present in the test split of each class's
 *     recall (Brodersen et al. 2010)
 * @param rareAccuracy accuracy on the test items of the scenario's rare classes; NaN without rare
 *     classes
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Quality(int labeled, double accuracy, double balancedAccuracy, double rareAccuracy) {
  /**
   * The quality of {@code predicted} against {@code truth}.
   *
   * @param rareClasses the classes of {@link #rareAccuracy()}
   */
  public static Quality of(int labeled, int[] predicted, int[] truth, int numClasses,
      Set<Integer> rareClasses) {
    if (truth.length == 0) {
      return new Quality(labeled, Double.NaN, Double.NaN, Double.NaN);
    }
    int[] hits = new int[numClasses];
    int[] totals = new int[numClasses];
    for (int i = 0; i < truth.length; i++) {
      totals[truth[i]]++;
      hits[truth[i]] += predicted[i] == truth[i] ? 1 : 0;
    }
    int allHits = 0;
    int rareHits = 0;
    int rareTotal = 0;
    double recallSum = 0;
    int present = 0;
    for (int c = 0; c < numClasses; c++) {
      allHits += hits[c];
      if (totals[c] > 0) {
        recallSum += (double) hits[c] / totals[c];
        present++;
      }
      if (rareClasses.contains(c)) {
        rareHits += hits[c];
        rareTotal += totals[c];
      }
    }
    return new Quality(labeled, (double) allHits / truth.length, recallSum / present,
        rareTotal == 0 ? Double.NaN : (double) rareHits / rareTotal);
  }
}
