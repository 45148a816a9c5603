package org.alkit.gpu.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Collectors;
import org.alkit.api.AlException;
import org.alkit.api.FittedModel;
import org.alkit.api.InvalidInputException;
import org.alkit.api.Matrix;
import org.alkit.api.ModelAdapter;
import org.alkit.api.ModelProvider;
import org.alkit.api.Options;
import org.alkit.api.Parameter;
import org.alkit.api.Signal;
import org.alkit.gpu.engine.Torch;

/**
 * Publishes the model {@value #NAME}: a fixed feature extractor whose features are computed once
 * and cached, with a shallow classifier on top refitted every round — the transfer setting of
 * alamp (a frozen backbone, a trained head). The extractor is a seeded random network, never
 * trained: {@code conv} (Conv2d(filters, 5×5) → ReLU → max-pool to a 4 × 4 grid; random conv
 * features, Saxe et al., ICML 2011) for image pools, {@code dense} (Linear(units) → ReLU, random
 * ReLU features; Rahimi and Recht, NIPS 2007) for any pool. The head is the model {@code logistic}
 * or {@code svm} (al-runtime's, found by name) or {@code mlp}, with its own options in {@code head-options}
 * ({@code key=value} pairs separated by {@code ;}).
 *
 * <p>Offers the head's signals, computed on the extracted features: with {@code logistic},
 * probabilities, embeddings and gradient embeddings; with {@code svm}, probabilities and embeddings; with {@code mlp}, also Monte-Carlo dropout.
 *
 * <pre>{@code
 * model: embed
 * model-options: {extractor: conv, filters: 64, head: mlp, head-options: "hidden=128; epochs=20"}
 * }</pre>
 */
public final class EmbedModelProvider implements ModelProvider {
  /** The name configuration selects this model by. */
  public static final String NAME = "embed";

  private static final String OWNER = "model '" + NAME + "'";

  /** The ServiceLoader constructor. */
  public EmbedModelProvider() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "fixed random feature extractor and a shallow head trained each round; the head's signals";
  }

  @Override
  public List<Parameter> parameters() {
    return List.of(
        Parameter.choice("extractor", "conv", "the fixed random network: conv (images) or dense", "conv", "dense"),
        Parameter.integer("filters", 64, "conv: random 5x5 filters (16 pooled features each)").atLeast(1),
        Parameter.integer("units", 1024, "dense: random ReLU units").atLeast(1),
        Parameter.integer("extractor-seed", 0, "seed of the extractor's random weights"),
        Parameter.text(ItemShape.OPTION, "", "conv: CxHxW of one item, e.g. 1x28x28 (blank: from the data set)"),
        Parameter.text("device", "cpu", "where the extractor runs: cpu, gpu or gpu:N"),
        Parameter.choice("head", "logistic", "the classifier trained on the features", "logistic", "svm",
            MlpModelProvider.NAME),
        Parameter.text("head-options", "", "the head's options, key=value pairs separated by ';'"));
  }

  @Override
  public ModelAdapter create(Options options) {
    int units = options.getInt("units");
    Architecture architecture = options.getString("extractor").equals("conv")
        ? new RandomConv(OWNER, options.getString(ItemShape.OPTION), options.getInt("filters"))
        : new Mlp(OWNER, new int[] {units}, 0);
    Extractor extractor = new Extractor(architecture,
        Torch.device(OWNER + ": option 'device'", options.getString("device")), options.getInt("extractor-seed"));
    ModelProvider head = head(options.getString("head"));
    ModelAdapter classifier = head.create(Options.resolve(OWNER + ": head '" + head.name() + "'",
        head.parameters(), pairs(options.getString("head-options"))));
    return new ModelAdapter() {
      @Override
      public Set<Signal> offers() {
        return classifier.offers();
      }

      @Override
      public FittedModel fit(Matrix features, int[] labeled, int[] labels, int numClasses, long seed) {
        FittedModel fitted = classifier.fit(extractor.apply(features), labeled, labels, numClasses, seed);
        return new FittedModel() {
          @Override
          public Matrix matrix(Signal signal, Matrix x) {
            return fitted.matrix(signal, extractor.apply(x));
          }

          @Override
          public List<Matrix> stack(Signal signal, Matrix x) {
            return fitted.stack(signal, extractor.apply(x));
          }
        };
      }

      @Override
      public String toString() {
        return OWNER + " " + extractor + ", head " + classifier;
      }
    };
  }

  private static ModelProvider head(String name) {
    if (name.equals(MlpModelProvider.NAME)) {
      return new MlpModelProvider();
    }
    List<ModelProvider> found = ServiceLoader.load(ModelProvider.class).stream()
        .map(ServiceLoader.Provider::get).toList();
    return found.stream().filter(p -> p.name().equals(name)).findFirst()
        .orElseThrow(() -> new AlException(OWNER + ": head '" + name + "' is not installed (al-runtime publishes "
            + "it); models found: " + found.stream().map(ModelProvider::name).sorted()
                .collect(Collectors.joining(", "))));
  }

  /** {@code a=1; b=x,y} as a map; blank gives none. */
  static Map<String, String> pairs(String text) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String pair : text.split(";")) {
      if (pair.isBlank()) {
        continue;
      }
      int eq = pair.indexOf('=');
      if (eq <= 0) {
        throw new InvalidInputException(OWNER + ": option 'head-options' = '" + text + "': '" + pair.trim()
            + "' is no key=value pair; expected pairs separated by ';', e.g. hidden=128; epochs=20");
      }
      out.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
    }
    return out;
  }
}
