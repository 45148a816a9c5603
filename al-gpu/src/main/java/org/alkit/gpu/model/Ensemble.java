package org.alkit.gpu.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.alkit.api.AuxiliaryHead;
import org.alkit.api.EpochObserver;
import org.alkit.api.FitPlan;
import org.alkit.api.FittedModel;
import org.alkit.api.Matrix;
import org.alkit.api.Signal;
import org.alkit.commons.Permutations;

/**
 * The adapter of {@link EnsembleModelProvider}: fits its members one after the other (each under
 * alkit's training lock, so a seed gives the same members whatever else runs) on input scaled and
 * uploaded to the device once for all ({@link NetworkAdapter.TrainingSet}; a bootstrap member
 * gathers its resample there), and returns a {@link FittedEnsemble}.
 */
final class Ensemble extends HookedModel {
  private static final Set<Signal> OFFERS = Set.copyOf(EnumSet.of(Signal.PROBABILITIES, Signal.EMBEDDINGS,
      Signal.GRADIENT_EMBEDDINGS, Signal.MC_PROBABILITIES, Signal.COMMITTEE_PROBABILITIES));
  private static final Set<FitPlan.Hook> HOOKS = Set.copyOf(EnumSet.of(FitPlan.Hook.EXTRA_ITEMS,
      FitPlan.Hook.EPOCH_PREDICTIONS, FitPlan.Hook.AUXILIARY_HEAD));

  /** How the members come about. */
  enum Kind {
    /** Members trained apart. */
    INDEPENDENT,
    /** Snapshots of one network on a cyclic learning rate. */
    SNAPSHOT,
    /** Members trained apart, sampled with Monte-Carlo dropout. */
    STOCHASTIC;

    String key() {
      return name().toLowerCase(Locale.ROOT);
    }

    static String[] keys() {
      return Arrays.stream(values()).map(Kind::key).toArray(String[]::new);
    }

    /** The kind of a validated option value. */
    static Kind of(String key) {
      return valueOf(key.toUpperCase(Locale.ROOT));
    }
  }

  private final String owner;
  private final Kind kind;
  private final int members;
  private final boolean bootstrap;
  private final List<NetworkAdapter> networks;
  private final int epochs;

  /**
   * @param networks one adapter per member (one for a snapshot ensemble), each keeping its own
   *     warm-start weights
   * @param epochs each member's epochs (snapshot: each cycle's)
   */
  Ensemble(String owner, Kind kind, int members, boolean bootstrap, List<NetworkAdapter> networks, int epochs) {
    super(owner, HOOKS);
    this.owner = owner;
    this.kind = kind;
    this.members = members;
    this.bootstrap = bootstrap;
    this.networks = List.copyOf(networks);
    this.epochs = epochs;
  }

  @Override
  public Set<Signal> offers() {
    return OFFERS;
  }

  @Override
  FittedModel fit(Matrix features, int[] labeled, int[] labels, int numClasses, long seed,
      Participation participation) {
    FitArguments.check(owner, features, labeled, labels, numClasses);
    Scaler scaler = networks.get(0).scaler(features);
    SplittableRandom root = new SplittableRandom(seed);
    try (NetworkAdapter.TrainingSet set = networks.get(0).trainingSet(features, scaler, labeled, labels,
        participation)) {
      if (kind == Kind.SNAPSHOT) {
        return new FittedEnsemble(owner, networks.get(0).fit(set, null, numClasses, root.nextLong(), participation,
            Schedule.snapshots(members, epochs)), false);
      }
      return fitMembers(set, labeled.length, numClasses, root, participation);
    }
  }

  /**
   * Trains the independent (or stochastic) members one after the other on the shared
   * {@code set}: member m gets the m-th split of {@code root}, whose first draw is its seed and
   * whose next ones (with {@code bootstrap}) its resample of the {@code labeled} rows.
   */
  private FittedModel fitMembers(NetworkAdapter.TrainingSet set, int labeled, int numClasses, SplittableRandom root,
      Participation participation) {
    EpochMeans means = new EpochMeans();
    Optional<MeanHead> heads = participation.head().map(MeanHead::new);
    Participation each = heads.map(participation::headedBy).orElse(participation).observedBy(means);
    List<FittedNetwork> fitted = new ArrayList<>();
    for (NetworkAdapter network : networks) {
      SplittableRandom random = root.split();
      long memberSeed = random.nextLong();
      int[] picks = bootstrap ? Permutations.bootstrap(labeled, random) : null;
      fitted.add(network.fit(set, picks, numClasses, memberSeed, each, Schedule.plain(epochs)).get(0));
    }
    participation.observer().ifPresent(means::deliver);
    heads.ifPresent(MeanHead::deliver);
    return new FittedEnsemble(owner, fitted, kind == Kind.STOCHASTIC);
  }

  /** The mean of equal-shaped matrices, summed as they come. */
  private static final class Mean {
    private float[] sum;
    private int rows;
    private int cols;
    private int count;

    void add(Matrix m) {
      if (sum == null) {
        rows = m.rows();
        cols = m.cols();
        sum = new float[Math.multiplyExact(rows, cols)];
      }
      float[] values = m.toArray();
      for (int k = 0; k < sum.length; k++) {
        sum[k] += values[k];
      }
      count++;
    }

    Matrix get() {
      float[] mean = new float[sum.length];
      for (int k = 0; k < mean.length; k++) {
        mean[k] = sum[k] / count;
      }
      return Matrix.wrap(rows, cols, mean);
    }
  }

  /**
   * Sums the members' probabilities per epoch as they train, one member after the other, and hands
   * the observer the mean of each epoch once all have trained, in epoch order.
   */
  private static final class EpochMeans implements EpochObserver {
    private final List<Mean> epochs = new ArrayList<>();

    @Override
    public void epoch(int epoch, Matrix probabilities) {
      if (epoch > epochs.size()) {
        epochs.add(new Mean());
      }
      epochs.get(epoch - 1).add(probabilities);
    }

    void deliver(EpochObserver observer) {
      for (int e = 0; e < epochs.size(); e++) {
        observer.epoch(e + 1, epochs.get(e).get());
      }
    }
  }

  /**
   * The strategy's head, lent to each member: each takes a fresh module of it (trained with that
   * member, on the member's rows), and the head receives the mean of the members' outputs once all
   * have trained, as it would receive one network's.
   */
  private static final class MeanHead implements AuxiliaryHead {
    private final AuxiliaryHead head;
    private final Mean outputs = new Mean();

    MeanHead(AuxiliaryHead head) {
      this.head = head;
    }

    @Override
    public <M> M module(Class<M> type) {
      return head.module(type);
    }

    @Override
    public <L> L loss(Class<L> type) {
      return head.loss(type);
    }

    @Override
    public double weight() {
      return head.weight();
    }

    @Override
    public double detachAfter() {
      return head.detachAfter();
    }

    @Override
    public void outputs(Matrix memberOutputs) {
      outputs.add(memberOutputs);
    }

    void deliver() {
      head.outputs(outputs.get());
    }
  }

  @Override
  public String toString() {
    return owner + " kind=" + kind.key() + " members=" + members + " bootstrap=" + bootstrap + " " + networks.get(0);
  }
}
