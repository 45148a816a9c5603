package org.alkit.deep;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Activation;

/**
 * The loss terms of the three strategies, each per row of a batch (or one scalar where so
 * stated), on DJL arrays so that they train:
 *
 * <pre>  squared error   ½ ‖x̂ − x‖²                                  (a Gaussian likelihood, unit variance)
 *  KL              KL(N(μ, σ²) ‖ N(0, I)) = −½ Σ_j (1 + ln σ_j² − μ_j² − σ_j²)
 *  BCE             −ln σ(ℓ) = softplus(−ℓ) for the target "labeled", −ln(1 − σ(ℓ)) = softplus(ℓ) for "unlabeled"
 *  cross-entropy   −Σ_c y_c ln softmax(ℓ)_c
 *  entropy         H = −Σ_c p_c ln p_c,  p = softmax(ℓ)
 *  reversal        R(f) = 2·stop(f) − f: the value f, the gradient −1
 *  margin ranking  mean over the pairs (i, j = B−1−i), i &lt; ⌊B/2⌋, of max(0, ξ − s·(l̂_i − l̂_j)),
 *                  s = +1 if l_i &gt; l_j, else −1                   (one scalar)</pre>
 *
 * The last is Yoo and Kweon's loss of learning loss (CVPR 2019), as their code computes it: the
 * batch split into halves paired by mirror, an equal pair counted as s = −1, the true losses held
 * constant. Every constant is an array of the manager of the arrays it meets (never a
 * {@code Number} argument: DJL frees the tensor it wraps a number in while libtorch's autograd
 * may still read it in the backward pass; see VaB-AL's {@code Vae}).
 */
final class Losses {
  private final NDArray half;
  private final NDArray one;
  private final NDArray minusHalf;
  private final NDArray two;

  /** The constants, as arrays of {@code manager}, which must outlive every backward pass that reads them. */
  Losses(NDManager manager) {
    this.half = manager.create(0.5f);
    this.one = manager.create(1f);
    this.minusHalf = manager.create(-0.5f);
    this.two = manager.create(2f);
  }

  /** ½ ‖x̂ − x‖² per row; {@code x} of any shape {@code batch × …}. */
  NDArray squaredError(NDArray reconstruction, NDArray x) {
    long batch = x.getShape().get(0);
    return reconstruction.sub(x).reshape(batch, -1).square().sum(new int[] {1}).mul(half);
  }

  /** The draw z = μ + σ ⊙ ε of N(μ, σ²), from μ, ln σ² and a standard normal ε. */
  NDArray reparameterised(NDArray mu, NDArray logVariance, NDArray eps) {
    return mu.add(logVariance.mul(half).exp().mul(eps));
  }

  /** KL(N(μ, σ²) ‖ N(0, I)) per row, from μ and ln σ². */
  NDArray kl(NDArray mu, NDArray logVariance) {
    return logVariance.add(one).sub(mu.square()).sub(logVariance.exp()).sum(new int[] {1}).mul(minusHalf);
  }

  /**
   * The gradient reversal of minimax entropy (Saito et al., ICCV 2019; Ganin and Lempitsky 2015):
   * R(f) = 2·stop(f) − f, whose value is f (exactly: 2f − f is exact in floating point) and whose
   * gradient is −1, so a loss term on R(f) trains what reads it one way and f's makers the other.
   */
  NDArray reversed(NDArray f) {
    return f.stopGradient().mul(two).sub(f);
  }

  /** The binary cross-entropy of logits ℓ (any shape, one per row) against "labeled" (1) or "unlabeled" (0), per row. */
  static NDArray bce(NDArray logits, boolean labeled) {
    NDArray l = logits.reshape(-1);
    return Activation.softPlus(labeled ? l.neg() : l);
  }

  /** −Σ_c y_c ln softmax(ℓ)_c per row, {@code oneHot} holding y. */
  static NDArray crossEntropy(NDArray logits, NDArray oneHot) {
    return logits.logSoftmax(1).mul(oneHot).sum(new int[] {1}).neg();
  }

  /** H(softmax(ℓ)) per row, in nats. */
  static NDArray entropy(NDArray logits) {
    return logits.softmax(1).mul(logits.logSoftmax(1)).sum(new int[] {1}).neg();
  }

  /**
   * Yoo and Kweon's margin ranking loss of predicted losses l̂ (one per row) against true losses l
   * (constants), one scalar; a batch of one row gives 0, still joined to l̂'s graph.
   */
  static NDArray marginRanking(NDArray predicted, NDArray losses, float margin) {
    NDArray p = predicted.reshape(-1);
    NDManager manager = p.getManager();
    long half = p.getShape().get(0) / 2;
    if (half == 0) {
      return p.sum().mul(manager.create(0f));
    }
    String first = "0:" + half;
    NDArray dp = p.get(first).sub(p.flip(0).get(first));
    NDArray dl = losses.reshape(-1).stopGradient();
    dl = dl.get(first).sub(dl.flip(0).get(first));
    NDArray sign = dl.gt(manager.create(0f)).toType(DataType.FLOAT32, false).mul(manager.create(2f))
        .sub(manager.create(1f));
    return Activation.relu(manager.create(margin).sub(sign.mul(dp))).mean();
  }
}
