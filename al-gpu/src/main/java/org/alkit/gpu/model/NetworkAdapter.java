package org.alkit.gpu.model;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.EasyTrain;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.Batch;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.translate.Batchifier;
import java.util.EnumSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.alkit.api.FittedModel;
import org.alkit.api.Matrix;
import org.alkit.api.ModelAdapter;
import org.alkit.api.Signal;
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
 * <p>With {@code retrain: warm} the adapter remembers the last fitted weights and starts the next
 * fit from them (when the feature and class counts still match); it is then stateful, one adapter
 * per run, which is how the runtime creates it.
 */
final class NetworkAdapter implements ModelAdapter {
  private static final Set<Signal> OFFERS = Set.copyOf(EnumSet.of(Signal.PROBABILITIES, Signal.EMBEDDINGS,
      Signal.GRADIENT_EMBEDDINGS, Signal.MC_PROBABILITIES));

  private final Architecture architecture;
  private final TrainingOptions training;
  private final Device device;
  private FittedNetwork last;

  NetworkAdapter(Architecture architecture, TrainingOptions training) {
    this.architecture = architecture;
    this.training = training;
    this.device = Torch.device(architecture.owner() + ": option 'device'", training.device());
  }

  @Override
  public Set<Signal> offers() {
    return OFFERS;
  }

  @Override
  public FittedModel fit(Matrix features, int[] labeled, int[] labels, int numClasses, long seed) {
    FitArguments.check(architecture.owner(), features, labeled, labels, numClasses);
    SplittableRandom random = new SplittableRandom(seed);
    Scaler scaler = architecture.scaler(features);
    long torchSeed = random.nextLong();
    long mcSeed = random.nextLong();
    Weights start = startingWeights(features.cols(), numClasses);
    Weights weights = Torch.seeded(torchSeed,
        () -> train(features, scaler, labeled, labels, numClasses, random, start));
    FittedNetwork fitted = new FittedNetwork(architecture, features.cols(), numClasses, scaler, weights,
        device, training.mcSamples(), mcSeed);
    if (training.warm()) {
      synchronized (this) {
        last = fitted;
      }
    }
    return fitted;
  }

  private synchronized Weights startingWeights(int columns, int classes) {
    return training.warm() && last != null && last.fits(columns, classes) ? last.weights() : null;
  }

  private Weights train(Matrix features, Scaler scaler, int[] labeled, int[] labels, int classes,
      SplittableRandom random, Weights start) {
    int columns = features.cols();
    try (Model model = Model.newInstance(architecture.owner(), device, Torch.ENGINE)) {
      Architecture.Network network = architecture.network(columns, classes);
      model.setBlock(network.all());
      if (start != null) {
        start.loadInto(network.all(), model.getNDManager());
      }
      DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
          .optOptimizer(Optimizer.adam()
              .optLearningRateTracker(Tracker.fixed((float) training.learningRate()))
              .optWeightDecays((float) training.weightDecay())
              .build())
          .optDevices(new Device[] {device});
      try (Trainer trainer = model.newTrainer(config)) {
        trainer.initialize(architecture.inputShape(columns, 1));
        int[] order = new int[labeled.length];
        for (int r = 0; r < order.length; r++) {
          order[r] = r;
        }
        for (int epoch = 0; epoch < training.epochs(); epoch++) {
          Permutations.shuffle(order, random);
          for (int from = 0; from < order.length; from += training.batchSize()) {
            int to = Math.min(order.length, from + training.batchSize());
            step(trainer, scaler.rows(features, r -> labeled[order[r]], from, to),
                labels(labels, order, from, to), columns);
          }
        }
      }
      return Weights.of(network.all());
    }
  }

  private void step(Trainer trainer, float[] x, long[] y, int columns) {
    try (NDManager manager = trainer.getManager().newSubManager()) {
      NDList data = new NDList(manager.create(x, architecture.inputShape(columns, y.length)));
      NDList target = new NDList(manager.create(y));
      EasyTrain.trainBatch(trainer,
          new Batch(manager, data, target, y.length, Batchifier.STACK, Batchifier.STACK, 0, 0));
      trainer.step();
    }
  }

  private static long[] labels(int[] labels, int[] order, int from, int to) {
    long[] y = new long[to - from];
    for (int r = from; r < to; r++) {
      y[r - from] = labels[order[r]];
    }
    return y;
  }

  @Override
  public String toString() {
    return architecture.owner() + " " + architecture + " " + training;
  }
}
