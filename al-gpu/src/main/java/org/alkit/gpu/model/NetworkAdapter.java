package org.alkit.gpu.model;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.IntUnaryOperator;
import org.alkit.api.AuxiliaryHead;
import org.alkit.api.EpochObserver;
import org.alkit.api.Matrix;
import org.alkit.api.Signal;
import org.alkit.api.TrainingHooks;
import org.alkit.commons.Permutations;
import org.alkit.gpu.engine.Torch;

/**
 * Trains an {@link Architecture} with DJL on the labeled rows: Adam on the mean softmax
 * cross-entropy, shuffled mini-batches, a fixed number of epochs.
 *
 * <p>Reproducible: the fit seed is split (Tribuo's discipline) into the seed of libtorch's
 * generator, which draws the initial weights (DJL's Xavier initialiser) and the dropout masks
 * while the whole training holds {@link Torch#seeded}'s lock; the Java generator that shuffles the
 * batches; and the seed of the fitted model's Monte-Carlo passes. On one libtorch thread the same
 * seed gives the same weights bit for bit.
 *
 * <p>The scaled rows, their labels (and weights) are uploaded to the device once per fit; each
 * mini-batch is gathered there by an index array, in a manager of the step's own that is closed
 * after its update, so a step leaves nothing behind (before, each step scaled its rows on the heap
 * and uploaded them: about a tenth of an mlp fit). Adam's update is DJL's, one native call a
 * parameter ({@code adamUpdate}), called by {@link ParameterUpdate} without DJL's copy of each gradient.
 *
 * <p>With {@code retrain: warm} the adapter remembers the last fitted weights and starts the next
 * fit from them (when the feature and class counts still match); it is then stateful, one adapter
 * per run, which is how the runtime creates it.
 *
 * <p><b>Training hooks</b> ({@link TrainingHooks}, all three): extra items join the shuffled
 * training rows, each batch then minimising mean_i w_i·CE_i (labeled rows weigh 1); the epoch
 * observer gets softmax outputs (inference mode, dropout off, no draw from the generator) on its
 * items after every epoch; an auxiliary head reads the layers {@link Architecture#taps} names
 * ({@link HeadedNetwork}), adds weight · its loss to each batch's, has its gradient into those
 * layers stopped from epoch ⌈detachAfter · epochs⌉ on, and gets its outputs on every row after the
 * fit. A plan that only observes epochs trains exactly as the plain fit does (same bits); a plan
 * that requests nothing is the plain fit.
 */
final class NetworkAdapter extends HookedModel {
  private static final Set<Signal> OFFERS = Set.copyOf(EnumSet.of(Signal.PROBABILITIES, Signal.EMBEDDINGS,
      Signal.GRADIENT_EMBEDDINGS, Signal.MC_PROBABILITIES));

  private final Architecture architecture;
  private final TrainingOptions training;
  private final Device device;
  private FittedNetwork last;

  NetworkAdapter(Architecture architecture, TrainingOptions training) {
    super(architecture.owner(), architecture.hooks());
    this.architecture = architecture;
    this.training = training;
    this.device = Torch.device(architecture.owner() + ": option 'device'", training.device());
  }

  @Override
  public Set<Signal> offers() {
    return OFFERS;
  }

  @Override
  FittedNetwork fit(Matrix features, int[] labeled, int[] labels, int numClasses, long seed,
      Participation participation) {
    FitArguments.check(architecture.owner(), features, labeled, labels, numClasses);
    try (TrainingSet set = trainingSet(features, architecture.scaler(features), labeled, labels, participation)) {
      return fit(set, null, numClasses, seed, participation, Schedule.plain(training.epochs())).get(0);
    }
  }

  /**
   * The labeled rows (then the plan's extra items) scaled by {@code scaler} and uploaded to this
   * network's device, for one fit or for every member of an ensemble (checked by the caller).
   */
  TrainingSet trainingSet(Matrix features, Scaler scaler, int[] labeled, int[] labels, Participation participation) {
    Rows rows = Rows.of(labeled, labels, participation);
    NDManager manager = Torch.engine().newBaseManager(device);
    try {
      return new TrainingSet(features, scaler, labeled.length, rows, manager, Uploaded.of(manager,
          architecture.inputShape(features.cols(), rows.indices().length),
          scaler.rows(features, r -> rows.indices()[r], 0, rows.indices().length), rows,
          rows.weights() == null && !architecture.drawsWeights()));
    } catch (RuntimeException e) {
      manager.close();
      throw e;
    }
  }

  /**
   * Trains one network on {@code set} with the plan's participation, on {@code schedule}: one
   * fitted network per snapshot.
   *
   * @param picks positions into the set's labeled rows to train on instead of all of them (a
   *     position may repeat, as in a bootstrap resample; the extra items follow), or null for all
   */
  List<FittedNetwork> fit(TrainingSet set, int[] picks, int numClasses, long seed, Participation participation,
      Schedule schedule) {
    SplittableRandom random = new SplittableRandom(seed);
    long torchSeed = random.nextLong();
    long mcSeed = random.nextLong();
    Weights start = startingWeights(set.features.cols(), numClasses);
    List<Weights> snapshots = Torch.seeded(torchSeed,
        () -> train(set, picks, numClasses, random, start, participation, schedule));
    List<FittedNetwork> fitted = new ArrayList<>();
    for (Weights weights : snapshots) {
      fitted.add(new FittedNetwork(architecture, set.features.cols(), numClasses, set.scaler, weights, device,
          training.mcSamples(), mcSeed));
    }
    if (training.warm()) {
      synchronized (this) {
        last = fitted.get(fitted.size() - 1);
      }
    }
    return fitted;
  }

  /** The input scaling this network fits on {@code features}. */
  Scaler scaler(Matrix features) {
    return architecture.scaler(features);
  }

  private synchronized Weights startingWeights(int columns, int classes) {
    return training.warm() && last != null && last.fits(columns, classes) ? last.weights() : null;
  }

  /**
   * The rows trained on: the labeled ones, then the extra items of a plan.
   *
   * @param weights each row's weight, or null when every row weighs 1 and the plain loss applies
   */
  private record Rows(int[] indices, int[] labels, float[] weights) {
    static Rows of(int[] labeled, int[] labels, Participation p) {
      int[] extra = p.extraItems();
      if (extra.length == 0 && p.head().isEmpty()) {
        return new Rows(labeled, labels, null);
      }
      int n = labeled.length;
      int[] indices = Arrays.copyOf(labeled, n + extra.length);
      System.arraycopy(extra, 0, indices, n, extra.length);
      int[] all = Arrays.copyOf(labels, n + extra.length);
      System.arraycopy(p.extraLabels(), 0, all, n, extra.length);
      float[] weights = new float[n + extra.length];
      Arrays.fill(weights, 0, n, 1f);
      System.arraycopy(p.extraWeights(), 0, weights, n, extra.length);
      return new Rows(indices, all, weights);
    }

    /** Each row's weight, 1 where {@link #weights} is null. */
    float[] weightsOrOnes() {
      if (weights != null) {
        return weights;
      }
      float[] ones = new float[indices.length];
      Arrays.fill(ones, 1f);
      return ones;
    }
  }

  private List<Weights> train(TrainingSet set, int[] picks, int classes, SplittableRandom random,
      Weights start, Participation participation, Schedule schedule) {
    Matrix features = set.features;
    Scaler scaler = set.scaler;
    int columns = features.cols();
    Optional<AuxiliaryHead> aux = participation.head();
    Optional<EpochObserver> observer = participation.observer();
    boolean plain = set.data.weights() == null;
    int n = set.size(picks);
    int epochs = schedule.epochs();
    int steps = (n + training.batchSize() - 1) / training.batchSize();
    List<Weights> snapshots = new ArrayList<>();
    try (Model model = Model.newInstance(architecture.owner(), device, Torch.ENGINE)) {
      Architecture.Network network = architecture.network(columns, classes);
      Optional<HeadedNetwork> headed = aux.map(h -> new HeadedNetwork(network, architecture.taps(columns),
          h.module(Block.class)));
      model.setBlock(headed.isPresent() ? headed.get() : network.all());
      if (start != null) {
        start.loadInto(network.all(), model.getNDManager());
      }
      Optimizer adam = Optimizer.adam()
          .optLearningRateTracker(schedule.learningRate((float) training.learningRate(), steps))
          .optWeightDecays((float) training.weightDecay())
          .build();
      DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
          .optOptimizer(adam)
          .optDevices(new Device[] {device});
      try (Trainer trainer = model.newTrainer(config);
          NDManager resident = trainer.getManager().newSubManager()) {
        trainer.initialize(architecture.inputShape(columns, 1));
        ParameterUpdate update = new ParameterUpdate(adam, model.getBlock().getParameters().values());
        Uploaded data = set.rows(picks, resident);
        int[] order = new int[n];
        Arrays.setAll(order, r -> r);
        long[] epochOrder = new long[n];
        Optional<Loss> auxLoss = aux.map(h -> h.loss(Loss.class));
        for (int epoch = 0; epoch < epochs; epoch++) {
          int e = epoch;
          headed.ifPresent(h -> h.detach(e >= Math.ceil(aux.get().detachAfter() * epochs)));
          Permutations.shuffle(order, random);
          for (int r = 0; r < n; r++) {
            epochOrder[r] = order[r];
          }
          try (NDManager epochManager = resident.newSubManager()) {
            NDArray permutation = epochManager.create(epochOrder);
            for (int from = 0; from < n; from += training.batchSize()) {
              int to = Math.min(n, from + training.batchSize());
              try (NDManager step = resident.newSubManager()) {
                NDArray batch = permutation.get(from + ":" + to);
                batch.attach(step);
                if (plain) {
                  step(trainer, data, batch, step);
                } else {
                  step(trainer, network, data, batch, step, classes, n, aux, auxLoss);
                }
                update.apply();
              }
            }
          }
          if (observer.isPresent()) {
            int[] observed = participation.observed();
            observer.get().epoch(epoch + 1, outputs(trainer, features, scaler, observed.length, k -> observed[k], 0));
          }
          if (schedule.snapshotAfter(epoch) && epoch < epochs - 1) {
            snapshots.add(Weights.of(network.all()));
          }
        }
        if (aux.isPresent()) {
          aux.get().outputs(outputs(trainer, features, scaler, features.rows(), i -> i, 1));
        }
      }
      snapshots.add(Weights.of(network.all()));
      return snapshots;
    }
  }

  /**
   * The rows a fit trains on, scaled and uploaded once: a network's fit uses them all, and the
   * members of an ensemble share them (each picking its bootstrap resample on the device), so an
   * ensemble scales and uploads its labeled set once rather than once a member. Closing it frees
   * the upload.
   */
  static final class TrainingSet implements AutoCloseable {
    private final Matrix features;
    private final Scaler scaler;
    private final int labeled;
    private final int extra;
    private final NDManager manager;
    private final Uploaded data;

    private TrainingSet(Matrix features, Scaler scaler, int labeled, Rows rows, NDManager manager, Uploaded data) {
      this.features = features;
      this.scaler = scaler;
      this.labeled = labeled;
      this.extra = rows.indices().length - labeled;
      this.manager = manager;
      this.data = data;
    }

    /** How many rows a fit of {@code picks} (null: all labeled rows) trains on. */
    int size(int[] picks) {
      return (picks == null ? labeled : picks.length) + extra;
    }

    /**
     * The uploaded rows, or those at {@code picks} then the extra items, gathered on the device
     * into arrays that {@code owner} owns.
     */
    Uploaded rows(int[] picks, NDManager owner) {
      if (picks == null) {
        return data;
      }
      long[] positions = new long[size(picks)];
      for (int r = 0; r < picks.length; r++) {
        positions[r] = picks[r];
      }
      for (int e = 0; e < extra; e++) {
        positions[picks.length + e] = labeled + e;
      }
      NDArray index = owner.create(positions);
      return new Uploaded(Uploaded.rows(data.x(), index, owner), Uploaded.rows(data.labels(), index, owner),
          data.weights() == null ? null : Uploaded.rows(data.weights(), index, owner));
    }

    @Override
    public void close() {
      manager.close();
    }
  }

  /**
   * The rows trained on, uploaded to the device once per fit (or per ensemble) so that each
   * mini-batch is gathered there by an index array (one copy on the device instead of a host-side
   * copy and an upload per step).
   *
   * @param x the scaled inputs, rows × the architecture's input shape
   * @param labels the class of each row (int64)
   * @param weights each row's loss weight, or null for the plain loss
   */
  private record Uploaded(NDArray x, NDArray labels, NDArray weights) {
    static Uploaded of(NDManager manager, Shape shape, float[] x, Rows rows, boolean plain) {
      NDArray labels = manager.create(Arrays.stream(rows.labels()).asLongStream().toArray());
      return new Uploaded(manager.create(x, shape), labels, plain ? null : manager.create(rows.weightsOrOnes()));
    }

    /** The rows {@code batch} of {@code all} (one of this record's arrays), owned by {@code owner}. */
    static NDArray rows(NDArray all, NDArray batch, NDManager owner) {
      NDArray picked = all.get("{}", batch);
      picked.attach(owner);
      return picked;
    }
  }

  /** One step on the mean cross-entropy of the rows {@code batch} (positions into {@code data}). */
  private static void step(Trainer trainer, Uploaded data, NDArray batch, NDManager step) {
    NDArray input = Uploaded.rows(data.x(), batch, step);
    NDArray target = Uploaded.rows(data.labels(), batch, step);
    try (GradientCollector collector = trainer.newGradientCollector()) {
      NDList out = trainer.forward(new NDList(input));
      collector.backward(trainer.getLoss().evaluate(new NDList(target), out));
    }
  }

  /**
   * One step on mean_i w_i·CE_i over the rows {@code batch}, plus the architecture's complexity cost
   * over the {@code items} trained on (Bayes by backprop), plus weight · the auxiliary head's loss
   * given its outputs and the per-item cross-entropies (as targets, without gradient). Every
   * constant is an array of the step's manager, which outlives the backward pass (see {@code Vae}
   * in VaB-AL on DJL's scalars).
   */
  private void step(Trainer trainer, Architecture.Network network, Uploaded data, NDArray batch, NDManager step,
      int classes, int items, Optional<AuxiliaryHead> aux, Optional<Loss> auxLoss) {
    NDArray input = Uploaded.rows(data.x(), batch, step);
    NDArray oneHot = Uploaded.rows(data.labels(), batch, step).oneHot(classes);
    NDArray weights = Uploaded.rows(data.weights(), batch, step);
    try (GradientCollector collector = trainer.newGradientCollector()) {
      NDList out = trainer.forward(new NDList(input));
      NDArray crossEntropy = out.get(0).logSoftmax(1).mul(oneHot).sum(new int[] {1}).neg();
      NDArray loss = crossEntropy.mul(weights).mean();
      Optional<NDArray> complexity = architecture.complexity(network);
      if (complexity.isPresent()) {
        loss = loss.add(complexity.get().div(step.create((float) items)));
      }
      if (aux.isPresent()) {
        NDArray headLoss = auxLoss.get().evaluate(new NDList(crossEntropy.stopGradient()), new NDList(out.get(1)));
        loss = loss.add(headLoss.mul(step.create((float) aux.get().weight())));
      }
      collector.backward(loss);
    }
  }

  /**
   * Output {@code which} of the network in inference mode (0: softmax of the logits; 1: the
   * auxiliary head's outputs) for {@code count} rows of {@code features}, row {@code k} being
   * {@code row(k)}.
   */
  private Matrix outputs(Trainer trainer, Matrix features, Scaler scaler, int count, IntUnaryOperator row, int which) {
    float[] out = null;
    int width = 0;
    for (int from = 0; from < count; from += Forward.BATCH) {
      int to = Math.min(count, from + Forward.BATCH);
      try (NDManager batch = trainer.getManager().newSubManager()) {
        NDArray input = batch.create(scaler.rows(features, row, from, to),
            architecture.inputShape(features.cols(), to - from));
        NDArray result = trainer.evaluate(new NDList(input)).get(which);
        if (which == 0) {
          result = result.softmax(1);
        }
        float[] values = result.toFloatArray();
        if (out == null) {
          width = values.length / (to - from);
          out = new float[Math.multiplyExact(count, width)];
        }
        System.arraycopy(values, 0, out, from * width, values.length);
      }
    }
    return Matrix.wrap(count, width, out == null ? new float[0] : out);
  }

  @Override
  public String toString() {
    return architecture.owner() + " " + architecture + " " + training;
  }
}
