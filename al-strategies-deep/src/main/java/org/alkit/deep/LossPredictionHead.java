package org.alkit.deep;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.training.loss.Loss;
import java.util.function.Consumer;
import org.alkit.api.AuxiliaryHead;
import org.alkit.api.InvalidInputException;
import org.alkit.api.Matrix;

/**
 * Learning loss's head for one fit, for models written with DJL (the {@code mlp} and {@code cnn}):
 * a fresh {@link LossPredictionModule} and Yoo and Kweon's margin ranking loss
 * ({@link Losses#marginRanking}) of its outputs against the batch's per-item cross-entropies,
 * with λ and the detach fraction of the settings; the trained module's outputs on the pool go to
 * {@code sink}.
 */
final class LossPredictionHead implements AuxiliaryHead {
  private final LearningLossSettings settings;
  private final Consumer<Matrix> sink;

  LossPredictionHead(LearningLossSettings settings, Consumer<Matrix> sink) {
    this.settings = settings;
    this.sink = sink;
  }

  @Override
  public <M> M module(Class<M> type) {
    if (type != Block.class) {
      throw new InvalidInputException("learning-loss's module is written for DJL's " + Block.class.getName()
          + "; the model asked for " + type.getName());
    }
    return type.cast(new LossPredictionModule(settings.units()));
  }

  @Override
  public <L> L loss(Class<L> type) {
    if (type != Loss.class) {
      throw new InvalidInputException("learning-loss's loss is written for DJL's " + Loss.class.getName()
          + "; the model asked for " + type.getName());
    }
    return type.cast(new MarginRanking((float) settings.margin()));
  }

  @Override
  public double weight() {
    return settings.weight();
  }

  @Override
  public double detachAfter() {
    return settings.detachAfter();
  }

  @Override
  public void outputs(Matrix outputs) {
    sink.accept(outputs);
  }

  /** {@link Losses#marginRanking} as DJL's {@link Loss}: labels hold the true losses, predictions l̂. */
  static final class MarginRanking extends Loss {
    private final float margin;

    MarginRanking(float margin) {
      super("margin-ranking");
      this.margin = margin;
    }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
      return Losses.marginRanking(predictions.singletonOrThrow(), labels.singletonOrThrow(), margin);
    }
  }
}
