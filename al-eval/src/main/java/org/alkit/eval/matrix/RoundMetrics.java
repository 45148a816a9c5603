package org.alkit.eval.matrix;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Arrays;
import java.util.Objects;
import org.alkit.eval.data.ScenarioData;
import org.apiguardian.api.API;

/**
 * One round of a run: the model before the round's selection, and what the strategy picked.
 *
 * @param round the round, from 1
 * @param quality the model fitted on the items labeled before this round's picks
 * @param picked the pool indices picked, in pick order
 * @param picksPerClass how many of the round's picks each (true) class had
 * @param oodPickFraction the share of picks from out-of-distribution classes (0 without them)
 * @param uniquePickFraction the share of picks whose original item (see
 *     {@link ScenarioData#origin()}) was neither labeled before nor picked earlier in the round;
 *     below 1 only with redundant copies
 * @param selectMillis wall-clock milliseconds of the selection, signals included
 * @param selectAllocatedBytes bytes the selecting thread allocated during the selection (with a
 *     single-threaded backend its kernels run on that thread); −1 where the JVM cannot tell
 * @param selectionFitMillis wall-clock milliseconds of the fit whose signals the strategy read (a
 *     selection model's, else the model's); selection via proxy saves this time
 * @param fitMillis wall-clock milliseconds of the round's fit of the model (0 in a journal written
 *     before it was measured)
 * @param pseudoLabels pseudo-labelled items the round's fit trained on (CEAL; 0 without them)
 * @param pseudoWrong how many of those were wrong
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record RoundMetrics(int round, Quality quality, int[] picked, int[] picksPerClass, double oodPickFraction,
    double uniquePickFraction, long selectMillis, long selectAllocatedBytes, long selectionFitMillis, long fitMillis,
    int pseudoLabels, int pseudoWrong) {
  /** Copies the arrays. */
  public RoundMetrics {
    Objects.requireNonNull(quality, "quality");
    picked = picked.clone();
    picksPerClass = picksPerClass.clone();
  }

  /** A round whose fits were not timed (0 ms) and trained on no pseudo-label. */
  public RoundMetrics(int round, Quality quality, int[] picked, int[] picksPerClass, double oodPickFraction,
      double uniquePickFraction, long selectMillis, long selectAllocatedBytes) {
    this(round, quality, picked, picksPerClass, oodPickFraction, uniquePickFraction, selectMillis,
        selectAllocatedBytes, 0, 0, 0, 0);
  }

  /** The picks (a copy). */
  @Override
  public int[] picked() {
    return picked.clone();
  }

  /** The counts (a copy). */
  @Override
  public int[] picksPerClass() {
    return picksPerClass.clone();
  }

  /** This round without its timing and memory figures, which vary from run to run. */
  RoundMetrics withoutTiming() {
    return new RoundMetrics(round, quality, picked, picksPerClass, oodPickFraction, uniquePickFraction, 0, 0, 0, 0,
        pseudoLabels, pseudoWrong);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RoundMetrics r && r.round == round && r.quality.equals(quality)
        && Arrays.equals(r.picked, picked) && Arrays.equals(r.picksPerClass, picksPerClass)
        && Double.compare(r.oodPickFraction, oodPickFraction) == 0
        && Double.compare(r.uniquePickFraction, uniquePickFraction) == 0
        && r.selectMillis == selectMillis && r.selectAllocatedBytes == selectAllocatedBytes
        && r.selectionFitMillis == selectionFitMillis && r.fitMillis == fitMillis && r.pseudoLabels == pseudoLabels
        && r.pseudoWrong == pseudoWrong;
  }

  @Override
  public int hashCode() {
    return Objects.hash(round, quality, Arrays.hashCode(picked), Arrays.hashCode(picksPerClass), oodPickFraction, uniquePickFraction,
        selectMillis, selectAllocatedBytes, selectionFitMillis, fitMillis, pseudoLabels, pseudoWrong);
  }

  @Override
  public String toString() {
    return "RoundMetrics[round=" + round + ", " + quality + ", picked=" + Arrays.toString(picked)
        + ", picksPerClass=" + Arrays.toString(picksPerClass)
        + ", ood=" + oodPickFraction + ", unique=" + uniquePickFraction + ", selectMillis=" + selectMillis
        + ", selectAllocatedBytes=" + selectAllocatedBytes + ", selectionFitMillis=" + selectionFitMillis
        + ", fitMillis=" + fitMillis + ", pseudoLabels=" + pseudoLabels + ", pseudoWrong=" + pseudoWrong + "]";
  }
}
