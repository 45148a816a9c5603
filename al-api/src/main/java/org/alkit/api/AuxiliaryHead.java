package org.alkit.api;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * A module trained jointly with the classifier on each batch of its fit
 * ({@link FitPlan#auxiliaryHead}): the loss-prediction module of learning loss (Yoo and Kweon,
 * "Learning Loss for Active Learning", CVPR 2019) reads the classifier's hidden layers and learns
 * to predict each item's classification loss. The model minimises, per batch,
 *
 * <pre>  L = mean_i w_i·CE_i + weight() · loss(outputs, CE)</pre>
 *
 * where CE holds the batch's per-item cross-entropies (as targets: they carry no gradient) and
 * {@code outputs} the head's outputs on the batch. The head's gradient reaches the classifier's
 * layers during the first {@link #detachAfter()} of the epochs and stops afterwards (the paper
 * stops it after 120 of 200 epochs).
 *
 * <p><b>Engine-typed, through unwrapping</b> (as {@link NetworkTraining}): the model asks for the
 * types of its engine and the head throws {@link InvalidInputException} for a type it is not
 * written for. With DJL ({@code mlp} and {@code cnn}):
 * <ul>
 *   <li>{@code module(ai.djl.nn.Block.class)}: a fresh, uninitialised block mapping the tapped
 *       hidden layers, an {@code NDList} of one batch-major array per tapped layer (which layers,
 *       the model documents), to {@code batch × k} outputs. The model initialises it with its own
 *       initialiser under the fit's seed and trains it with the classifier's optimiser;</li>
 *   <li>{@code loss(ai.djl.training.loss.Loss.class)}: a loss whose
 *       {@code evaluate(labels, predictions)} gets {@code labels = NDList(CE)} (shape
 *       {@code batch}) and {@code predictions = NDList(outputs)} and returns a scalar.</li>
 * </ul>
 *
 * <p><b>Outputs.</b> After the fit the model runs the trained head over every row of the features
 * it was fitted on (inference mode) and hands them to {@link #outputs}: that is how the head's
 * predictions reach the strategy, which keeps the head object and reads them in its next
 * {@link Strategy#select}.
 *
 * <p><b>Lifetime and threads.</b> {@link #module} is called once per fit, on the fitting thread
 * while the engine's lock is held; the model owns the module's native parameters and frees them
 * when the fit ends. Deterministic when the module draws only through the engine (seeded by the
 * fit).
 */
@API(status = EXPERIMENTAL, since = "0.2")
public interface AuxiliaryHead {
  /**
   * A fresh, uninitialised module of the engine's type {@code M} (DJL: {@code ai.djl.nn.Block}).
   *
   * @throws InvalidInputException if the head is not written for {@code type}
   */
  <M> M module(Class<M> type);

  /**
   * The head's loss of the engine's type {@code L} (DJL: {@code ai.djl.training.loss.Loss}).
   *
   * @throws InvalidInputException if the head is not written for {@code type}
   */
  <L> L loss(Class<L> type);

  /** λ, the weight of the head's loss beside the classifier's, ≥ 0. */
  double weight();

  /**
   * The fraction of the epochs, in [0, 1], after which the head's gradient stops flowing into the
   * classifier's layers (the head itself trains on); 1 never stops it.
   */
  double detachAfter();

  /**
   * Receives the trained head's outputs on every row of the features the model was fitted on,
   * {@code rows × k}, once per fit, after training.
   */
  void outputs(Matrix outputs);
}
