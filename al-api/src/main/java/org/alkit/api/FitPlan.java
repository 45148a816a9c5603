package org.alkit.api;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * What a {@link TrainingParticipant} asks of one fit of the classifier. The runtime makes one plan
 * per fit (each round's, and the final one), hands it to the participant's
 * {@link TrainingParticipant#beforeFit}, and fits through the model's {@link TrainingHooks} when
 * the plan {@linkplain #requested() requests} something. Three hooks:
 *
 * <ul>
 *   <li>{@link Hook#EXTRA_ITEMS}: unlabeled pool items trained on with a label and a weight, e.g.
 *       CEAL's confident pseudo-labels (Wang et al., IEEE TCSVT 2016). They never count as
 *       labeled, never reach the oracle, and last for this fit only;</li>
 *   <li>{@link Hook#EPOCH_PREDICTIONS}: the model's class probabilities on chosen items after every
 *       epoch, for forgetting events (Toneva et al., ICLR 2019) and label dispersion (Bengar et al.
 *       2021);</li>
 *   <li>{@link Hook#AUXILIARY_HEAD}: a module trained jointly with the classifier, e.g. learning
 *       loss's loss-prediction module (Yoo and Kweon, CVPR 2019).</li>
 * </ul>
 *
 * <pre>{@code
 * public void beforeFit(FitPlan plan) {
 *   plan.addItems(confident, predictedClasses, weights)
 *       .observeEpochs(plan.unlabeled(), (epoch, p) -> record(epoch, p));
 * }
 * }</pre>
 *
 * <p>Every argument is checked here, at the boundary: a bad index, label or weight raises
 * {@link InvalidInputException} naming it. A plan is used by one thread (the loop's) and lives for
 * one fit; its getters return copies.
 */
@API(status = EXPERIMENTAL, since = "0.2")
public final class FitPlan {
  /** The ways a fit can be taken part in. */
  public enum Hook {
    /** Extra training items with labels and weights ({@link #addItems}). */
    EXTRA_ITEMS,
    /** Class probabilities on chosen items after every epoch ({@link #observeEpochs}). */
    EPOCH_PREDICTIONS,
    /** A module trained jointly with the classifier ({@link #auxiliaryHead(AuxiliaryHead)}). */
    AUXILIARY_HEAD
  }

  private final int round;
  private final long seed;
  private final int poolSize;
  private final int numClasses;
  private final int[] labeled;
  private final int[] labels;
  private final boolean[] isLabeled;
  private final Set<Hook> requested = EnumSet.noneOf(Hook.class);
  private int[] extraItems = new int[0];
  private int[] extraLabels = new int[0];
  private float[] extraWeights = new float[0];
  private boolean[] isExtra;
  private int[] observed = new int[0];
  private EpochObserver observer;
  private AuxiliaryHead head;

  private FitPlan(int round, long seed, int poolSize, int numClasses, int[] labeled, int[] labels) {
    this.round = round;
    this.seed = seed;
    this.poolSize = poolSize;
    this.numClasses = numClasses;
    this.labeled = labeled;
    this.labels = labels;
    this.isLabeled = new boolean[poolSize];
    this.isExtra = new boolean[poolSize];
    for (int i : labeled) {
      isLabeled[i] = true;
    }
  }

  /**
   * The plan of one fit, requesting nothing yet.
   *
   * @param round the round whose selection follows the fit, 1 for the first; one past the last
   *     round for the final fit
   * @param seed the fit's seed
   * @param poolSize the rows of the features the model is fitted on
   * @param numClasses C
   * @param labeled the labeled pool items, distinct
   * @param labels their labels, in {@code [0, C)}, position by position
   * @throws InvalidInputException on a bad round, size, index or label
   */
  public static FitPlan of(int round, long seed, int poolSize, int numClasses, int[] labeled, int[] labels) {
    if (round < 1) {
      throw new InvalidInputException("round = " + round + "; expected >= 1");
    }
    if (poolSize < 0) {
      throw new InvalidInputException("poolSize = " + poolSize + "; expected >= 0");
    }
    if (numClasses < 1) {
      throw new InvalidInputException("numClasses = " + numClasses + "; expected >= 1");
    }
    if (labels.length != labeled.length) {
      throw new InvalidInputException("labels has " + labels.length + " entries but labeled has "
          + labeled.length + "; expected one label per labeled item");
    }
    boolean[] seen = new boolean[poolSize];
    for (int k = 0; k < labeled.length; k++) {
      requireItem("labeled", k, labeled[k], poolSize);
      if (seen[labeled[k]]) {
        throw new InvalidInputException("labeled[" + k + "] = " + labeled[k] + " appears twice");
      }
      seen[labeled[k]] = true;
      requireClass("labels", k, labels[k], numClasses);
    }
    return new FitPlan(round, seed, poolSize, numClasses, labeled.clone(), labels.clone());
  }

  /** The round whose selection follows this fit, 1 for the first; one past the last for the final fit. */
  public int round() {
    return round;
  }

  /** The fit's seed. */
  public long seed() {
    return seed;
  }

  /** The number of pool items, the rows of the features the model is fitted on. */
  public int poolSize() {
    return poolSize;
  }

  /** C, the number of classes. */
  public int numClasses() {
    return numClasses;
  }

  /** The labeled pool items (a copy). */
  public int[] labeled() {
    return labeled.clone();
  }

  /** The labels of {@link #labeled()}, position by position (a copy). */
  public int[] labels() {
    return labels.clone();
  }

  /** The pool items without a label, ascending (a copy). */
  public int[] unlabeled() {
    return SelectionContext.complement(poolSize, labeled);
  }

  /**
   * Adds unlabeled pool items to this fit's training with a label and a weight each (appended to
   * items added before); they count in the objective as w·CE, a labeled item weighing 1.
   *
   * @param poolIndices unlabeled pool items, each added once
   * @param labels their labels, in {@code [0, C)}
   * @param weights their weights, finite and &gt; 0
   * @throws InvalidInputException on a length mismatch, an index outside the pool, a labeled or
   *     repeated item, a label outside [0, C) or a bad weight
   */
  public FitPlan addItems(int[] poolIndices, int[] labels, float[] weights) {
    if (labels.length != poolIndices.length || weights.length != poolIndices.length) {
      throw new InvalidInputException("addItems: " + poolIndices.length + " items, " + labels.length
          + " labels and " + weights.length + " weights; expected one label and one weight per item");
    }
    boolean[] added = isExtra.clone();
    for (int k = 0; k < poolIndices.length; k++) {
      int i = poolIndices[k];
      requireItem("addItems: poolIndices", k, i, poolSize);
      if (isLabeled[i]) {
        throw new InvalidInputException("addItems: poolIndices[" + k + "] = " + i
            + " is labeled; expected an unlabeled item");
      }
      if (added[i]) {
        throw new InvalidInputException("addItems: poolIndices[" + k + "] = " + i
            + " is added twice; expected each item once");
      }
      added[i] = true;
      requireClass("addItems: labels", k, labels[k], numClasses);
      if (!(weights[k] > 0 && weights[k] < Float.POSITIVE_INFINITY)) {
        throw new InvalidInputException("addItems: weights[" + k + "] = " + weights[k]
            + "; expected a finite weight > 0");
      }
    }
    isExtra = added;
    extraItems = concat(extraItems, poolIndices);
    extraLabels = concat(extraLabels, labels);
    float[] w = Arrays.copyOf(extraWeights, extraWeights.length + weights.length);
    System.arraycopy(weights, 0, w, extraWeights.length, weights.length);
    extraWeights = w;
    if (extraItems.length > 0) {
      requested.add(Hook.EXTRA_ITEMS);
    }
    return this;
  }

  /**
   * Asks for the model's class probabilities on {@code poolIndices} after every epoch of this fit,
   * delivered to {@code observer} (at most one observer a fit).
   *
   * @param poolIndices pool items, labeled or not, in the order of the rows {@code observer} gets
   * @throws InvalidInputException if no item is given, an index is outside the pool, or an observer
   *     was set before
   */
  public FitPlan observeEpochs(int[] poolIndices, EpochObserver observer) {
    Objects.requireNonNull(observer, "observer");
    if (this.observer != null) {
      throw new InvalidInputException("observeEpochs: this fit already has an epoch observer; expected one");
    }
    if (poolIndices.length == 0) {
      throw new InvalidInputException("observeEpochs: no item given; expected at least one pool item");
    }
    for (int k = 0; k < poolIndices.length; k++) {
      requireItem("observeEpochs: poolIndices", k, poolIndices[k], poolSize);
    }
    this.observed = poolIndices.clone();
    this.observer = observer;
    requested.add(Hook.EPOCH_PREDICTIONS);
    return this;
  }

  /**
   * Trains {@code head} jointly with the classifier in this fit (at most one head a fit).
   *
   * @throws InvalidInputException if a head was set before, or its weight or detach fraction is
   *     out of range
   */
  public FitPlan auxiliaryHead(AuxiliaryHead head) {
    Objects.requireNonNull(head, "head");
    if (this.head != null) {
      throw new InvalidInputException("auxiliaryHead: this fit already has an auxiliary head; expected one");
    }
    double weight = head.weight();
    if (!(weight >= 0 && weight < Double.POSITIVE_INFINITY)) {
      throw new InvalidInputException("auxiliaryHead: weight() = " + weight + "; expected a finite weight >= 0");
    }
    double detach = head.detachAfter();
    if (!(detach >= 0 && detach <= 1)) {
      throw new InvalidInputException("auxiliaryHead: detachAfter() = " + detach + "; expected a fraction in [0, 1]");
    }
    this.head = head;
    requested.add(Hook.AUXILIARY_HEAD);
    return this;
  }

  /**
   * Checks, for a {@link TrainingHooks} implementation, that this plan fits the call it came with:
   * the model supports every requested hook, the features have {@link #poolSize()} rows, and no
   * extra item is among the rows trained on as labeled.
   *
   * @param owner the model, for messages, e.g. {@code model 'mlp'}
   * @throws InvalidInputException naming what does not fit
   */
  public void checkFit(String owner, Set<Hook> supported, int rows, int[] labeled) {
    Set<Hook> lacking = EnumSet.noneOf(Hook.class);
    lacking.addAll(requested);
    lacking.removeAll(supported);
    if (!lacking.isEmpty()) {
      throw new InvalidInputException(owner + " does not perform the hooks " + lacking + " this plan requests; it performs "
          + (supported.isEmpty() ? "none" : supported));
    }
    if (rows != poolSize) {
      throw new InvalidInputException(owner + ": the features have " + rows + " rows but the plan is for a pool of "
          + poolSize + "; expected the same");
    }
    for (int k = 0; k < labeled.length; k++) {
      if (labeled[k] >= 0 && labeled[k] < poolSize && isExtra[labeled[k]]) {
        throw new InvalidInputException(owner + ": labeled[" + k + "] = " + labeled[k]
            + " is also an extra item of the plan; expected extra items among the unlabeled");
      }
    }
  }

  /** The hooks this plan requests so far (a copy); empty means a plain fit. */
  public Set<Hook> requested() {
    return Collections.unmodifiableSet(requested.isEmpty() ? EnumSet.noneOf(Hook.class) : EnumSet.copyOf(requested));
  }

  /** The extra items, in the order added (a copy; empty without {@link Hook#EXTRA_ITEMS}). */
  public int[] extraItems() {
    return extraItems.clone();
  }

  /** The labels of {@link #extraItems()}, position by position (a copy). */
  public int[] extraLabels() {
    return extraLabels.clone();
  }

  /** The weights of {@link #extraItems()}, position by position (a copy). */
  public float[] extraWeights() {
    return extraWeights.clone();
  }

  /** The items whose per-epoch predictions are asked for (a copy; empty without an observer). */
  public int[] observedItems() {
    return observed.clone();
  }

  /** The epoch observer, if one was set. */
  public Optional<EpochObserver> epochObserver() {
    return Optional.ofNullable(observer);
  }

  /** The auxiliary head, if one was set. */
  public Optional<AuxiliaryHead> auxiliaryHead() {
    return Optional.ofNullable(head);
  }

  @Override
  public String toString() {
    return "FitPlan[round=" + round + ", labeled=" + labeled.length + ", extra=" + extraItems.length
        + ", observed=" + observed.length + ", head=" + (head != null) + "]";
  }

  private static void requireItem(String what, int k, int i, int poolSize) {
    if (i < 0 || i >= poolSize) {
      throw new InvalidInputException(what + "[" + k + "] = " + i + " is outside the pool [0, " + poolSize + ")");
    }
  }

  private static void requireClass(String what, int k, int label, int numClasses) {
    if (label < 0 || label >= numClasses) {
      throw new InvalidInputException(what + "[" + k + "] = " + label + "; expected a class in [0, " + numClasses + ")");
    }
  }

  private static int[] concat(int[] a, int[] b) {
    int[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
