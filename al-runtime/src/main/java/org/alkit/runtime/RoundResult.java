package org.alkit.runtime;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Arrays;
import org.apiguardian.api.API;

/**
 * One round of a run.
 *
 * <p>Experimental, as the loop that makes it: one assembly of the loop for run, eval and the
 * labeling service is still to come, and a record cannot grow compatibly.
 *
 * @param round the round number, from 1
 * @param labeledCount labeled pool items the round's model was fitted on
 * @param accuracy that model's accuracy on the test split (NaN when the split is empty)
 * @param selected pool indices the strategy picked, in pick order
 * @param selectMillis wall-clock milliseconds of the selection (signals included), or
 *     {@link #REPLAYED} for a round read back from a {@link RunJournal} rather than run
 * @param fitMillis wall-clock milliseconds of the fit of the model whose accuracy the round measures
 *     (the same fit as the selection's without a selection model), 0 for a replayed round
 * @param selectionFitMillis wall-clock milliseconds of the fit whose signals the strategy read (the
 *     selection model's, or the model's without one), 0 for a replayed round
 * @param pseudoLabels how many pseudo-labelled items the round's fit trained on besides the labeled
 *     ones ({@link PseudoLabels}; 0 without them)
 * @param pseudoWrong how many of those the data set's true labels contradict
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record RoundResult(int round, int labeledCount, double accuracy, int[] selected, long selectMillis,
    long fitMillis, long selectionFitMillis, int pseudoLabels, int pseudoWrong) {
  /** The {@code selectMillis} of a round replayed from a journal: it was not selected in this process. */
  public static final long REPLAYED = -1;


  /** Copies {@code selected}. */
  public RoundResult {
    selected = selected.clone();
  }

  /** A round whose fit was not timed (a replayed one) and trained on no pseudo-label. */
  public RoundResult(int round, int labeledCount, double accuracy, int[] selected, long selectMillis) {
    this(round, labeledCount, accuracy, selected, selectMillis, 0, 0, 0, 0);
  }

  /** Whether this round was replayed from a journal rather than run. */
  public boolean replayed() {
    return selectMillis == REPLAYED;
  }

  /** The picks (a copy). */
  @Override
  public int[] selected() {
    return selected.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RoundResult r && r.round == round && r.labeledCount == labeledCount
        && Double.compare(r.accuracy, accuracy) == 0 && Arrays.equals(r.selected, selected)
        && r.selectMillis == selectMillis && r.fitMillis == fitMillis && r.selectionFitMillis == selectionFitMillis
        && r.pseudoLabels == pseudoLabels && r.pseudoWrong == pseudoWrong;
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(selected) * 31 + Double.hashCode(accuracy) + round;
  }

  @Override
  public String toString() {
    return "RoundResult[round=" + round + ", labeled=" + labeledCount + ", accuracy=" + accuracy
        + ", selected=" + Arrays.toString(selected) + ", selectMillis=" + selectMillis + ", fitMillis=" + fitMillis
        + ", selectionFitMillis=" + selectionFitMillis
        + (pseudoLabels > 0 ? ", pseudoLabels=" + pseudoLabels + ", pseudoWrong=" + pseudoWrong : "") + "]";
  }
}
