package org.alkit.deep;

import ai.djl.ndarray.NDManager;
import java.util.SplittableRandom;
import org.alkit.api.InvalidInputException;
import org.alkit.api.Matrix;
import org.alkit.api.NetworkTraining;
import org.alkit.api.Options;
import org.alkit.api.SelectionContext;
import org.alkit.api.Signal;

/**
 * What one selection of VAAL or MAL trains on: the pool's items standardised for their network,
 * the labeled and unlabeled items, and the context's training capability; {@link #train} runs
 * the training in one session seeded from the context's seed, with a Java generator split from
 * the same seed for every batch and draw.
 *
 * @param network the layers the items enter through
 * @param x the standardised items, row-major
 * @param labeled the labeled pool items, at least one
 * @param unlabeled the unlabeled pool items, at least one
 * @param training the context's training capability
 * @param ctx the selection's context, whose seed seeds the training
 */
record TrainingRound(ItemNetwork network, float[] x, int[] labeled, int[] unlabeled, NetworkTraining training,
    SelectionContext ctx) {
  /** The largest accepted epoch and step counts of VAAL's and MAL's options. */
  static final int MAX_STEPS = 100_000;

  /**
   * The round of {@code ctx} for strategy {@code who}, which trains {@code what} (for messages).
   *
   * @throws InvalidInputException if no item is labeled or none is unlabeled, or the options do not fit the items
   * @throws org.alkit.api.AlException if the context offers no {@link NetworkTraining}
   */
  static TrainingRound of(SelectionContext ctx, Options options, String who, String what) {
    Matrix items = ctx.matrix(Signal.FEATURES);
    int[] labeled = ctx.labeled();
    int[] unlabeled = ctx.unlabeled();
    if (labeled.length == 0 || unlabeled.length == 0) {
      throw new InvalidInputException("strategy '" + who + "' needs labeled and unlabeled items: it trains " + what
          + " on both; got " + labeled.length + " labeled and " + unlabeled.length + " unlabeled");
    }
    NetworkTraining training = Networks.training(ctx, who, what);
    ItemNetwork network = ItemNetwork.of(options, items.cols());
    return new TrainingRound(network, Standardised.rows(items, network), labeled, unlabeled, training, ctx);
  }

  /** {@code work} on a session's manager and a generator for batches and draws, both from the context's seed. */
  <R> R train(TrainingWork<R> work) {
    SplittableRandom random = ctx.random();
    long seed = random.nextLong();
    SplittableRandom draws = random.split();
    return training.session(NDManager.class, seed, manager -> work.apply(manager, draws));
  }

  /** A training in one session. */
  @FunctionalInterface
  interface TrainingWork<R> {
    R apply(NDManager manager, SplittableRandom draws);
  }
}
