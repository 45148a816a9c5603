package org.alkit.testkit;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How the golden cases computed with submodlib (Kaushal, Iyer et al., "submodlib: A Submodular
 * Optimization Library", 2022; cases in {@code testdata/reference/cases/submodlib_*}) name alkit's
 * set functions and options: submodlib's class names ({@code FacilityLocationFunction}, …,
 * {@code LogDeterminantConditionalMutualInformationFunction}) to alkit's function names
 * ({@code facility-location}, …, {@code logdet-cmi}), and its parameters ({@code lambdaVal},
 * {@code magnificationEta}, {@code queryDiversityEta}, {@code privacyHardness}, {@code mode}) and
 * concave-over-modular modes to alkit's options. One translation for every test that replays
 * those cases, on any backend.
 */
public final class SubmodlibNames {
  private static final Map<String, String> FUNCTIONS = Map.ofEntries(
      Map.entry("FacilityLocationFunction", "facility-location"),
      Map.entry("GraphCutFunction", "graph-cut"),
      Map.entry("LogDeterminantFunction", "log-det"),
      Map.entry("DisparitySumFunction", "disparity-sum"),
      Map.entry("DisparityMinFunction", "disparity-min"),
      Map.entry("FacilityLocationMutualInformationFunction", "flmi"),
      Map.entry("FacilityLocationVariantMutualInformationFunction", "flvmi"),
      Map.entry("GraphCutMutualInformationFunction", "gcmi"),
      Map.entry("LogDeterminantMutualInformationFunction", "logdet-mi"),
      Map.entry("ConcaveOverModularFunction", "com"),
      Map.entry("FacilityLocationConditionalGainFunction", "flcg"),
      Map.entry("GraphCutConditionalGainFunction", "gccg"),
      Map.entry("LogDeterminantConditionalGainFunction", "logdet-cg"),
      Map.entry("FacilityLocationConditionalMutualInformationFunction", "flcmi"),
      Map.entry("LogDeterminantConditionalMutualInformationFunction", "logdet-cmi"));
  private static final Map<String, String> OPTIONS = Map.of(
      "lambdaVal", "lambda", "magnificationEta", "eta", "queryDiversityEta", "eta",
      "privacyHardness", "nu", "mode", "mode");
  private static final Map<String, String> MODES = Map.of(
      "logarithmic", "log", "squareRoot", "sqrt", "inverse", "inverse");

  private SubmodlibNames() {}

  /** How many submodlib functions have an alkit name. */
  public static int functionCount() {
    return FUNCTIONS.size();
  }

  /**
   * alkit's name of a submodlib function class.
   *
   * @throws IllegalArgumentException naming the class when alkit has no such function
   */
  public static String function(String submodlibClass) {
    String name = FUNCTIONS.get(submodlibClass);
    if (name == null) {
      throw new IllegalArgumentException("submodlib function '" + submodlibClass + "' has no alkit name; known: "
          + String.join(", ", FUNCTIONS.keySet()));
    }
    return name;
  }

  /**
   * submodlib's parameters as alkit's options, concave-over-modular modes translated.
   *
   * @throws IllegalArgumentException naming a parameter alkit has no option for
   */
  public static Map<String, String> options(Map<String, String> submodlibParams) {
    Map<String, String> out = new LinkedHashMap<>();
    submodlibParams.forEach((key, value) -> {
      String option = OPTIONS.get(key);
      if (option == null) {
        throw new IllegalArgumentException("submodlib parameter '" + key + "' = " + value
            + " has no alkit option; known: " + String.join(", ", OPTIONS.keySet()));
      }
      out.put(option, MODES.getOrDefault(value, value));
    });
    return out;
  }
}
