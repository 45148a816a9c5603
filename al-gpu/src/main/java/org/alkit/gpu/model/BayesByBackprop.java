package org.alkit.gpu.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.alkit.api.FitPlan;
import org.alkit.api.Matrix;

/**
 * A multilayer perceptron with a Gaussian over every weight, trained by Bayes by backprop
 * (Blundell et al., ICML 2015): for each hidden size u, {@link BayesianLinear}(u) → ReLU, then a
 * {@link BayesianLinear} head, over features standardised per column. Each training step
 * minimises the minibatch ELBO per item,
 *
 * <pre>  mean_i CE_i(θ) + klWeight · [log q(θ | μ, σ) − log P(θ)] / N,   θ = μ + σ·ε</pre>
 *
 * N the items trained on (the paper's π_i = 1/M minibatch weighting, divided by the batch size),
 * P the {@link ScaleMixturePrior}. No dropout: the uncertainty is the weights'. Performs the
 * extra-items and epoch-predictions hooks, not the auxiliary head.
 *
 * @param layout the mlp whose layout (hidden sizes, input scaling) the network has; its dropout is not used
 * @param klWeight the weight of the complexity cost, 1 for the ELBO itself
 */
record BayesByBackprop(Mlp layout, ScaleMixturePrior prior, double initialSigma, double klWeight)
    implements Architecture {
  @Override
  public String owner() {
    return layout.owner();
  }

  @Override
  public Scaler scaler(Matrix x) {
    return layout.scaler(x);
  }

  @Override
  public Shape inputShape(int columns, long n) {
    return layout.inputShape(columns, n);
  }

  @Override
  public int embeddingSize(int columns) {
    return layout.embeddingSize(columns);
  }

  @Override
  public SequentialBlock features(int columns) {
    SequentialBlock block = new SequentialBlock();
    for (int units : layout.hidden()) {
      block.add(new BayesianLinear(units, prior, initialSigma)).add(Activation.reluBlock());
    }
    return block;
  }

  @Override
  public List<Integer> taps(int columns) {
    return List.of();
  }

  @Override
  public Network network(int columns, int classes) {
    SequentialBlock features = features(columns);
    Block head = new BayesianLinear(classes, prior, initialSigma);
    // without hidden layers the (empty) feature block stays out: DJL cannot size an empty block
    SequentialBlock all = layout.hidden().length == 0 ? new SequentialBlock().add(head)
        : new SequentialBlock().add(features).add(head);
    return new Network(all, features, head);
  }

  @Override
  public Set<FitPlan.Hook> hooks() {
    return EnumSet.of(FitPlan.Hook.EXTRA_ITEMS, FitPlan.Hook.EPOCH_PREDICTIONS);
  }

  @Override
  public boolean drawsWeights() {
    return true;
  }

  /** klWeight · Σ over the layers of the last training pass's log q − log P. */
  @Override
  public Optional<NDArray> complexity(Network network) {
    NDArray sum = ((BayesianLinear) network.head()).complexity();
    for (Block layer : network.features().getChildren().values()) {
      if (layer instanceof BayesianLinear bayesian) {
        sum = sum.add(bayesian.complexity());
      }
    }
    return Optional.of(sum.mul((float) klWeight));
  }

  @Override
  public String toString() {
    return "hidden=" + Arrays.toString(layout.hidden()) + " " + prior + " initial-sigma=" + initialSigma
        + " kl-weight=" + klWeight;
  }
}
