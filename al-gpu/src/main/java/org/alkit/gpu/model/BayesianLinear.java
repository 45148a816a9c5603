package org.alkit.gpu.model;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.ConstantInitializer;
import ai.djl.util.PairList;

/**
 * A linear layer with a mean-field Gaussian over its weights and biases (Blundell, Cornebise,
 * Kavukcuoglu and Wierstra, "Weight Uncertainty in Neural Networks", ICML 2015): each parameter
 * θ has a mean μ and σ = log(1 + exp ρ), and a training forward pass draws θ = μ + σ·ε, ε ~ N(0, 1)
 * from libtorch's generator (the reparameterisation trick, so μ and ρ get gradients). It keeps
 * that draw's complexity cost log q(θ | μ, σ) − log P(θ) summed over its parameters, for the ELBO
 * ({@link #complexity()}). An inference pass ({@code training = false}) uses the means μ; a
 * Monte-Carlo pass runs with {@code training = true} and draws anew per batch.
 */
final class BayesianLinear extends AbstractBlock {
  private static final byte VERSION = 1;
  private static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

  private final long units;
  private final ScaleMixturePrior prior;
  private final Parameter weightMean;
  private final Parameter weightRho;
  private final Parameter biasMean;
  private final Parameter biasRho;
  private NDArray complexity;

  /**
   * @param units outputs
   * @param prior P(θ), the same for every parameter
   * @param initialSigma σ of every parameter before training (ρ starts at log(exp σ − 1))
   */
  BayesianLinear(long units, ScaleMixturePrior prior, double initialSigma) {
    super(VERSION);
    this.units = units;
    this.prior = prior;
    float rho = (float) Math.log(Math.expm1(initialSigma));
    weightMean = addParameter(Parameter.builder().setName("weightMean").setType(Parameter.Type.WEIGHT).build());
    weightRho = addParameter(Parameter.builder().setName("weightRho").setType(Parameter.Type.OTHER)
        .optInitializer(new ConstantInitializer(rho)).build());
    biasMean = addParameter(Parameter.builder().setName("biasMean").setType(Parameter.Type.BIAS).build());
    biasRho = addParameter(Parameter.builder().setName("biasRho").setType(Parameter.Type.OTHER)
        .optInitializer(new ConstantInitializer(rho)).build());
  }

  @Override
  protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
      PairList<String, Object> params) {
    NDArray x = inputs.singletonOrThrow();
    Device device = x.getDevice();
    NDArray wMean = store.getValue(weightMean, device, training);
    NDArray bMean = store.getValue(biasMean, device, training);
    if (!training) {
      return Linear.linear(x, wMean, bMean);
    }
    NDArray w = sample(wMean, store.getValue(weightRho, device, training), x.getManager());
    NDArray b = sample(bMean, store.getValue(biasRho, device, training), x.getManager());
    return Linear.linear(x, w, b);
  }

  /**
   * θ = μ + σ·ε with σ = log(1 + exp ρ); adds log q(θ) − log P(θ) of the draw to this pass's
   * complexity (log q = Σ −½ log 2π − log σ − ε²/2).
   */
  private NDArray sample(NDArray mean, NDArray rho, NDManager manager) {
    NDArray sigma = rho.exp().add(1).log();
    NDArray epsilon = manager.randomNormal(mean.getShape());
    NDArray theta = mean.add(sigma.mul(epsilon));
    NDArray logQ = sigma.log().add(epsilon.square().mul(0.5f)).add((float) HALF_LOG_TWO_PI).neg().sum();
    NDArray cost = logQ.sub(prior.logDensity(theta));
    complexity = complexity == null ? cost : complexity.add(cost);
    return theta;
  }

  /**
   * The complexity cost Σ log q(θ) − log P(θ) of the draws since the last call (one training forward
   * pass), and forgets them.
   *
   * @throws IllegalStateException when no training pass drew weights
   */
  NDArray complexity() {
    if (complexity == null) {
      throw new IllegalStateException("no training forward pass drew weights");
    }
    NDArray out = complexity;
    complexity = null;
    return out;
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {inputShapes[0].slice(0, inputShapes[0].dimension() - 1).add(units)};
  }

  @Override
  protected void prepare(Shape[] inputShapes) {
    long in = inputShapes[0].get(inputShapes[0].dimension() - 1);
    weightMean.setShape(new Shape(units, in));
    weightRho.setShape(new Shape(units, in));
    biasMean.setShape(new Shape(units));
    biasRho.setShape(new Shape(units));
  }
}
