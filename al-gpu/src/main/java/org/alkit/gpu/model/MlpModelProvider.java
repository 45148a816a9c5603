package org.alkit.gpu.model;

import java.util.List;
import org.alkit.api.Options;
import org.alkit.api.Parameter;

/**
 * Publishes the model {@value #NAME}: a multilayer perceptron trained with DJL on PyTorch
 * (libtorch, CPU or CUDA). For hidden sizes u₁…u_L: x ↦ Linear(u₁) → ReLU → Dropout(p) → … →
 * h ↦ softmax(W h + b), on features standardised per column over the pool; Adam on the
 * cross-entropy of the labeled items, fresh weights each round unless {@code retrain: warm}.
 *
 * <p>Offers {@code probabilities}, {@code embeddings} (h, the penultimate layer),
 * {@code gradient-embeddings} ((p − onehot(ŷ)) ⊗ h, the cross-entropy gradient of the real last
 * layer at the predicted label; Ash et al., "Deep Batch Active Learning by Diverse, Uncertain
 * Gradient Lower Bounds", ICLR 2020) and {@code mc-probabilities} (T = {@code mc-samples} passes
 * with dropout active; Gal and Ghahramani, "Dropout as a Bayesian Approximation", ICML 2016).
 * Deterministic under the fit seed; see the README for threads and CUDA.
 *
 * <pre>{@code
 * model: mlp
 * model-options: {hidden: "256", dropout: 0.25, epochs: 30, mc-samples: 20}
 * }</pre>
 */
public final class MlpModelProvider extends NetworkModelProvider {
  /** The name configuration selects this model by. */
  public static final String NAME = "mlp";

  /** The ServiceLoader constructor. */
  public MlpModelProvider() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "multilayer perceptron (DJL); probabilities, embeddings, gradient embeddings, MC dropout";
  }

  @Override
  List<Parameter> architectureParameters() {
    return List.of(Parameter.text("hidden", "256", "hidden layer sizes, comma-separated (empty: softmax regression)"));
  }

  @Override
  Architecture architecture(String owner, Options options, TrainingOptions training) {
    return new Mlp(owner, TrainingOptions.sizes(options, "hidden"), training.dropout());
  }
}
