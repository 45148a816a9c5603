package com.example.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.training.loss.Loss;
import ai.djl.util.PairList;
import java.util.List;
import java.util.Set;
import org.alkit.api.AuxiliaryHead;
import org.alkit.api.FitPlan;
import org.alkit.api.InvalidInputException;
import org.alkit.api.Matrix;
import org.alkit.api.Options;
import org.alkit.api.Parameter;
import org.alkit.api.Selection;
import org.alkit.api.SelectionContext;
import org.alkit.api.Signal;
import org.alkit.api.Strategy;
import org.alkit.api.StrategyProvider;
import org.alkit.api.TrainingParticipant;

/**
 * {@code loss-prediction-lite}: learning loss (Yoo and Kweon, "Learning Loss for Active Learning",
 * CVPR 2019). A loss-prediction module beside the classifier ({@link FitPlan#auxiliaryHead}): each
 * tapped layer global-average-pooled when it is an image (as is otherwise), all concatenated, then
 * FC(32) → ReLU → FC(1), trained with the paper's margin ranking loss over the pairs of the batch
 * split in two halves, L = mean max(0, −sign(l_i − l_j)·(l̂_i − l̂_j) + ξ), weight λ, its gradient
 * into the classifier stopped after {@code detach-after} of the epochs. It picks the unlabeled
 * items with the highest predicted loss, read from the head's outputs on the pool after the fit.
 */
public final class LossPredictionLiteProvider implements StrategyProvider {
  private LossPrediction last;

  @Override
  public String name() {
    return "loss-prediction-lite";
  }

  @Override
  public Set<Signal> requires() {
    return Set.of();
  }

  /** Probabilities, when the model has them: kept for tests, which compare the predicted losses with the true ones. */
  @Override
  public Set<Signal> uses() {
    return Set.of(Signal.PROBABILITIES);
  }

  @Override
  public List<Parameter> parameters() {
    return List.of(Parameter.real("weight", 1, "lambda, the weight of the loss-prediction loss"),
        Parameter.real("margin", 1, "xi, the ranking margin"),
        Parameter.real("detach-after", 0.6, "fraction of the epochs after which the head's gradient stops at the backbone"));
  }

  @Override
  public Strategy create(Options options) {
    last = new LossPrediction(name(), options);
    return last;
  }

  /** The strategy made last, for tests. */
  public LossPrediction last() {
    return last;
  }

  /** The strategy: one per run; its head's outputs of the last fit are what it selects by. */
  public static final class LossPrediction implements Strategy, TrainingParticipant {
    private final String name;
    private final Options options;
    private Matrix outputs;
    private Matrix probabilities;

    LossPrediction(String name, Options options) {
      this.name = name;
      this.options = options;
    }

    @Override
    public Set<FitPlan.Hook> hooks() {
      return Set.of(FitPlan.Hook.AUXILIARY_HEAD);
    }

    @Override
    public void beforeFit(FitPlan plan) {
      outputs = null;
      plan.auxiliaryHead(new Head(options.getDouble("weight"), (float) options.getDouble("margin"),
          options.getDouble("detach-after"), m -> outputs = m));
    }

    @Override
    public Selection select(SelectionContext ctx) {
      if (outputs == null) {
        throw new IllegalStateException(name + " has no predicted losses: its head was not trained before this selection");
      }
      probabilities = ctx.has(Signal.PROBABILITIES) ? ctx.matrix(Signal.PROBABILITIES) : null;
      int[] candidates = ctx.unlabeled();
      double[] scores = new double[candidates.length];
      for (int k = 0; k < candidates.length; k++) {
        scores[k] = outputs.get(candidates[k], 0);
      }
      return Picks.best(name, options, ctx, candidates, scores);
    }

    /** The model's probabilities in the last selection, if it had them. */
    public Matrix probabilities() {
      return probabilities;
    }

    /** The predicted losses of every pool item, from the last fit. */
    public Matrix predictedLosses() {
      return outputs;
    }
  }

  /** The loss-prediction module and its loss, for DJL. */
  public static final class Head implements AuxiliaryHead {
    private final double weight;
    private final float margin;
    private final double detachAfter;
    private final java.util.function.Consumer<Matrix> sink;

    /**
     * @param weight λ
     * @param margin ξ
     * @param detachAfter the fraction of the epochs after which the gradient into the backbone stops
     * @param sink receives the outputs on the pool after each fit
     */
    public Head(double weight, float margin, double detachAfter, java.util.function.Consumer<Matrix> sink) {
      this.weight = weight;
      this.margin = margin;
      this.detachAfter = detachAfter;
      this.sink = sink;
    }

    @Override
    public <M> M module(Class<M> type) {
      if (type != Block.class) {
        throw new InvalidInputException("the loss-prediction head is written for DJL's Block; asked for " + type.getName());
      }
      return type.cast(new SequentialBlock().add(new PoolAndConcat()).add(Linear.builder().setUnits(32).build())
          .add(Activation.reluBlock()).add(Linear.builder().setUnits(1).build()));
    }

    @Override
    public <L> L loss(Class<L> type) {
      if (type != Loss.class) {
        throw new InvalidInputException("the loss-prediction head's loss is DJL's Loss; asked for " + type.getName());
      }
      return type.cast(new MarginRankingLoss(margin));
    }

    @Override
    public double weight() {
      return weight;
    }

    @Override
    public double detachAfter() {
      return detachAfter;
    }

    @Override
    public void outputs(Matrix outputs) {
      sink.accept(outputs);
    }
  }

  /**
   * Yoo and Kweon's loss: the batch split in two halves i and j = its mirror; targets without
   * gradient, every constant an array of the predictions' manager (alive through the backward pass).
   */
  static final class MarginRankingLoss extends Loss {
    private final float margin;

    MarginRankingLoss(float margin) {
      super("margin-ranking");
      this.margin = margin;
    }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
      NDArray loss = labels.singletonOrThrow();
      NDArray predicted = predictions.singletonOrThrow().reshape(-1);
      NDManager manager = predicted.getManager();
      long half = predicted.getShape().get(0) / 2;
      if (half == 0) {
        return predicted.sum().mul(manager.create(0f));
      }
      String first = "0:" + half;
      NDArray dp = predicted.get(first).sub(predicted.flip(0).get(first));
      NDArray dl = loss.get(first).sub(loss.flip(0).get(first));
      NDArray sign = dl.gt(manager.create(0f)).toType(DataType.FLOAT32, false).mul(manager.create(2f))
          .sub(manager.create(1f));
      return Activation.relu(manager.create(margin).sub(sign.mul(dp))).mean();
    }
  }

  /** Each tapped layer as a vector (images averaged over their height and width), concatenated. */
  static final class PoolAndConcat extends AbstractBlock {
    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
        PairList<String, Object> params) {
      NDList pooled = new NDList();
      for (NDArray a : inputs) {
        pooled.add(a.getShape().dimension() == 4 ? a.mean(new int[] {3}).mean(new int[] {2}) : a);
      }
      return new NDList(pooled.size() == 1 ? pooled.get(0) : NDArrays.concat(pooled, 1));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputs) {
      long width = 0;
      for (Shape s : inputs) {
        width += s.get(1);
      }
      return new Shape[] {new Shape(inputs[0].get(0), width)};
    }
  }
}
