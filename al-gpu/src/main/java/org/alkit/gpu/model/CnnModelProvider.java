package org.alkit.gpu.model;

import java.util.List;
import org.alkit.api.Options;
import org.alkit.api.Parameter;

/**
 * Publishes the model {@value #NAME}: a small convolutional network for image pools (1 × 28 × 28
 * grey, 3 × 32 × 32 colour, any C × H × W), trained with DJL on PyTorch. Per entry c of
 * {@code channels}: Conv2d(c, 3×3, same) → ReLU → 2×2 max-pool; then Dropout(p) → flatten →
 * Linear({@code dense}) → ReLU → Dropout(p) → h ↦ softmax(W h + b), the layout Gal, Islam and
 * Ghahramani train for Bayesian active learning on images ("Deep Bayesian Active Learning with
 * Image Data", ICML 2017). Pixels are standardised per channel over the pool.
 *
 * <p>A pool row holds one image's pixels flattened channel-major (C order). Its shape comes from
 * option {@code item-shape} ({@code CxHxW}), which the runtime fills in from the data set when
 * the loader knows it; left blank, a square grey or colour image is assumed (784 → 1x28x28,
 * 3072 → 3x32x32).
 *
 * <p>Offers the same signals as {@code mlp}: probabilities, embeddings (h), gradient embeddings of
 * the head and Monte-Carlo dropout probabilities.
 */
public final class CnnModelProvider extends NetworkModelProvider {
  /** The name configuration selects this model by. */
  public static final String NAME = "cnn";

  /** The ServiceLoader constructor. */
  public CnnModelProvider() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "convolutional network for image pools (DJL); the signals of mlp";
  }

  @Override
  List<Parameter> architectureParameters() {
    return List.of(
        Parameter.text(ItemShape.OPTION, "", "CxHxW of one item, e.g. 1x28x28 (blank: from the data set)"),
        Parameter.text("channels", "32,64", "filters of each 3x3 convolution (each followed by a 2x2 max-pool)"),
        Parameter.integer("dense", 128, "units of the penultimate dense layer (the embeddings)").atLeast(1));
  }

  @Override
  Architecture architecture(String owner, Options options, TrainingOptions training) {
    return new Cnn(owner, options.getString(ItemShape.OPTION), TrainingOptions.sizes(options, "channels"),
        options.getInt("dense"), training.dropout());
  }
}
