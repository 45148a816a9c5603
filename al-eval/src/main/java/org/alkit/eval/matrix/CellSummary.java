package org.alkit.eval.matrix;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.List;
import org.apiguardian.api.API;

/**
 * One cell of a matrix over its seeds: each quantity's mean ± standard deviation.
 *
 * @param cell the cell
 * @param seeds runs it holds
 * @param aubc normalised area under the budget curve ({@link RunRecord#aubc()})
 * @param finalAccuracy accuracy of the last model
 * @param finalBalancedAccuracy balanced accuracy of the last model
 * @param finalRareAccuracy rare-class accuracy of the last model (no values without rare classes)
 * @param labelsToTarget labeled items needed to reach the matrix's target accuracy, over the runs
 *     that reached it
 * @param reachedTarget runs that reached the target accuracy
 * @param oodPickFraction share of out-of-distribution picks, over all rounds
 * @param uniquePickFraction share of unique picks, over all rounds
 * @param selectMillis milliseconds per selection
 * @param selectAllocatedMegabytes megabytes allocated per selection
 * @param fitMillis milliseconds per fit of the model
 * @param pseudoPrecision the share of right pseudo-labels (CEAL) over each run's rounds, over the
 *     runs that had any (no values without them)
 * @param curve the learning curve, point by point
 * @param picksPerClass mean picks of each class in a run, over the seeds
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record CellSummary(RunKey.Cell cell, int seeds, Stat aubc, Stat finalAccuracy, Stat finalBalancedAccuracy,
    Stat finalRareAccuracy, Stat labelsToTarget, int reachedTarget, Stat oodPickFraction,
    Stat uniquePickFraction, Stat selectMillis, Stat selectAllocatedMegabytes, Stat fitMillis, Stat pseudoPrecision,
    List<CurvePoint> curve,
    double[] picksPerClass) {

  /** Copies the collections. */
  public CellSummary {
    curve = List.copyOf(curve);
    picksPerClass = picksPerClass.clone();
  }

  /** The mean picks per class (a copy). */
  @Override
  public double[] picksPerClass() {
    return picksPerClass.clone();
  }

  /**
   * One point of a learning curve over the seeds.
   *
   * @param labeled labeled items (the mean over seeds; equal in every seed unless the pool ran out)
   * @param accuracy accuracy
   * @param balancedAccuracy balanced accuracy
   * @param rareAccuracy rare-class accuracy
   */
  public record CurvePoint(double labeled, Stat accuracy, Stat balancedAccuracy, Stat rareAccuracy) {}
}
