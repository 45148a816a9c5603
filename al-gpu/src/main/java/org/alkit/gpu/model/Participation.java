package org.alkit.gpu.model;

import java.util.Optional;
import org.alkit.api.AuxiliaryHead;
import org.alkit.api.EpochObserver;
import org.alkit.api.FitPlan;

/**
 * What a {@link FitPlan} asks of one network's training, as that training reads it: extra
 * weighted items, an epoch observer on chosen items, an auxiliary head. An ensemble hands each
 * member its own (the same extra items, an observer that collects the member's epochs, a head of
 * its own whose outputs it averages).
 *
 * @param extraItems pool items trained on besides the labeled rows
 * @param extraLabels their labels
 * @param extraWeights their weights
 * @param observed the items the observer gets probabilities of
 * @param observer called after every epoch, if present
 * @param head trained jointly with the network, if present
 */
record Participation(int[] extraItems, int[] extraLabels, float[] extraWeights, int[] observed,
    Optional<EpochObserver> observer, Optional<AuxiliaryHead> head) {

  /** A plain fit: nothing added, nothing observed. */
  static final Participation NONE = new Participation(new int[0], new int[0], new float[0], new int[0],
      Optional.empty(), Optional.empty());

  /** What {@code plan} requests ({@link #NONE} when it requests nothing). */
  static Participation of(FitPlan plan) {
    if (plan.requested().isEmpty()) {
      return NONE;
    }
    return new Participation(plan.extraItems(), plan.extraLabels(), plan.extraWeights(), plan.observedItems(),
        plan.epochObserver(), plan.auxiliaryHead());
  }

  /** The same, with {@code replacement} as the head (when a head is present). */
  Participation headedBy(AuxiliaryHead replacement) {
    return head.isEmpty() ? this
        : new Participation(extraItems, extraLabels, extraWeights, observed, observer, Optional.of(replacement));
  }

  /** The same, with {@code replacement} observing the same items (when an observer is present). */
  Participation observedBy(EpochObserver replacement) {
    return observer.isEmpty() ? this
        : new Participation(extraItems, extraLabels, extraWeights, observed, Optional.of(replacement), head);
  }
}
