package org.alkit.gpu.model;

import java.util.List;
import java.util.stream.Stream;
import org.alkit.api.ModelAdapter;
import org.alkit.api.ModelProvider;
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
 * Deterministic under the fit seed on one libtorch thread; see the README for more threads and
 * CUDA.
 *
 * <pre>{@code
 * model: mlp
 * model-options: {hidden: "256", dropout: 0.25, epochs: 30, mc-samples: 20}
 * }</pre>
 *
 * DJL is loaded only when {@link #create} runs, never to list the provider.
 */
public final class MlpModelProvider implements ModelProvider {
  /** The name configuration selects this model by. */
  public static final String NAME = "mlp";

  /** The ServiceLoader constructor. */
  public MlpModelProvider() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<Parameter> parameters() {
    return Stream.concat(
        Stream.of(Parameter.text("hidden", "256", "hidden layer sizes, comma-separated (empty: softmax regression)")),
        TrainingOptions.PARAMETERS.stream()).toList();
  }

  @Override
  public ModelAdapter create(Options options) {
    TrainingOptions training = TrainingOptions.from(options);
    String owner = "model '" + NAME + "'";
    return new NetworkAdapter(new Mlp(owner, TrainingOptions.sizes(options, "hidden"), training.dropout()), training);
  }
}
