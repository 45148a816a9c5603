package org.alkit.deep;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.optimizer.Optimizer;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One round of MAL's training (Ebrahimi, Gan, Chen, Biamby, Salahi, Laielli, Zhu and Darrell,
 * "Minimax Active Learning", arXiv:2012.10467, 2021), in one session of the engine: an encoder F,
 * a cosine classifier C ({@link CosineClassifier}) and a discriminator D on the features f = F(x).
 *
 * <pre>  F, C   L = mean_L CE(C(f), y) − λ·mean_U H(C(R(f))) + α·(mean_L BCE(D(f), 1) + mean_U BCE(D(f), 1))
 *  D      L_D = mean_L BCE(D(f), 1) + mean_U BCE(D(f), 0)                  (f held constant)</pre>
 *
 * R is the gradient reversal of minimax entropy (Saito et al., ICCV 2019): R(f) = 2·stop(f) − f
 * has the value f and the gradient −1, so one backward pass makes C maximise the entropy H of its
 * predictions on unlabeled items while F minimises it. Each iteration takes one Adam step on F
 * and C, then one on D, each on a fresh batch of labeled and one of unlabeled items drawn with
 * replacement; an epoch is ⌈|L| / batch⌉ iterations, as the classifier's ({@link Networks#iterations}).
 */
final class MalTraining {
  private final ItemNetwork network;
  private final MalSettings settings;
  private final int classes;
  private final String who;
  private final SequentialBlock encoder;
  private final Block classifier;
  private final Adversary discriminator;

  MalTraining(String who, ItemNetwork network, MalSettings settings, int classes) {
    this.who = who;
    this.network = network;
    this.settings = settings;
    this.classes = classes;
    this.encoder = network.trunk().add(Linear.builder().setUnits(settings.latent()).build());
    this.classifier = new CosineClassifier(classes, settings.temperature());
    this.discriminator = new Adversary(settings.discriminatorUnits());
  }

  /**
   * Trains on the standardised pool {@code x} and returns, for every pool item, the
   * discriminator's probability that it is labeled and the classifier's entropy, as
   * {@code {p_0, H_0, p_1, H_1, …}}.
   *
   * @param session the session's manager, its engine generator seeded (it draws the initial weights)
   * @param labels the class of each labeled item, position by position
   * @param random the source of every batch
   */
  float[] train(NDManager session, float[] x, int[] labeled, int[] labels, int[] unlabeled, SplittableRandom random) {
    try (NDManager manager = session.newSubManager()) {
      Networks.initialize(encoder, manager, network.inputShape(1));
      Shape features = new Shape(1, settings.latent());
      Networks.initialize(classifier, manager, features);
      discriminator.initialize(manager, settings.latent());
      List<Block> learner = List.of(encoder, classifier);
      List<Block> adversary = List.of(discriminator.block());
      ParameterStore store = new ParameterStore(manager, false);
      Losses losses = new Losses(manager);
      NDArray lambda = manager.create((float) settings.entropyWeight());
      NDArray alpha = manager.create((float) settings.adversarial());
      Optimizer adam = Networks.adam(settings.learningRate());
      Optimizer discriminatorAdam = Networks.adam(settings.discriminatorLearningRate());
      int[] positions = new int[labeled.length];
      for (int k = 0; k < positions.length; k++) {
        positions[k] = k;
      }
      int bl = Math.min(settings.batchSize(), labeled.length);
      int bu = Math.min(settings.batchSize(), unlabeled.length);
      long iterations = Networks.iterations(settings.epochs(), labeled.length, bl);
      for (long it = 0; it < iterations; it++) {
        try (NDManager batch = manager.newSubManager()) {
          int[] drawn = Networks.draw(positions, bl, random);
          int[] rows = new int[bl];
          float[] oneHot = new float[bl * classes];
          for (int k = 0; k < bl; k++) {
            rows[k] = labeled[drawn[k]];
            oneHot[k * classes + labels[drawn[k]]] = 1;
          }
          NDArray xl = Networks.rows(batch, x, network, rows);
          NDArray yl = batch.create(oneHot, new Shape(bl, classes));
          NDArray xu = Networks.rows(batch, x, network, Networks.draw(unlabeled, bu, random));
          try (GradientCollector collector = manager.getEngine().newGradientCollector()) {
            NDArray fl = Networks.forward(encoder, store, xl, true);
            NDArray fu = Networks.forward(encoder, store, xu, true);
            NDArray reversed = losses.reversed(fu);
            NDArray loss = Losses.crossEntropy(Networks.forward(classifier, store, fl, true), yl).mean()
                .sub(Losses.entropy(Networks.forward(classifier, store, reversed, true)).mean().mul(lambda))
                .add(discriminator.fooling(store, fl, fu).mul(alpha));
            Networks.requireFinite(loss, who, (int) Math.min(2 * it, Integer.MAX_VALUE));
            collector.backward(loss);
          }
          Networks.step(adam, learner, batch);
          Networks.zero(adversary, batch);
        }
        try (NDManager batch = manager.newSubManager()) {
          NDArray xl = Networks.rows(batch, x, network, Networks.draw(labeled, bl, random));
          NDArray xu = Networks.rows(batch, x, network, Networks.draw(unlabeled, bu, random));
          try (GradientCollector collector = manager.getEngine().newGradientCollector()) {
            NDArray loss = discriminator.loss(store, Networks.forward(encoder, store, xl, true).stopGradient(),
                Networks.forward(encoder, store, xu, true).stopGradient());
            Networks.requireFinite(loss, who, (int) Math.min(2 * it + 1, Integer.MAX_VALUE));
            collector.backward(loss);
          }
          Networks.step(discriminatorAdam, adversary, batch);
        }
      }
      return scores(manager, store, x);
    }
  }

  /** σ(D(f)) and H(C(f)) of every pool row, interleaved, in batches. */
  private float[] scores(NDManager manager, ParameterStore store, float[] x) {
    int n = x.length / network.columns();
    float[] out = new float[2 * n];
    for (int from = 0; from < n; from += Networks.SCORING_BATCH) {
      int to = Math.min(n, from + Networks.SCORING_BATCH);
      try (NDManager batch = manager.newSubManager()) {
        NDArray f = Networks.forward(encoder, store, Networks.rows(batch, x, network, from, to), false);
        float[] labeled = discriminator.labeledProbability(store, f);
        float[] entropy = Losses.entropy(Networks.forward(classifier, store, f, false)).toFloatArray();
        for (int k = 0; k < to - from; k++) {
          out[2 * (from + k)] = labeled[k];
          out[2 * (from + k) + 1] = entropy[k];
        }
      }
    }
    return out;
  }
}
