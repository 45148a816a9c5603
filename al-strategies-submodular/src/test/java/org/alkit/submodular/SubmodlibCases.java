package org.alkit.submodular;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The {@code submodlib_*} golden cases of testdata/reference: where they are, and how submodlib's
 * class and parameter names map onto alkit's function names and options.
 */
final class SubmodlibCases {
  /** |chosen − best other| below this is a near-tie, where an equal-gain alternative is accepted. */
  static final double NEAR_TIE = 1e-6;
  private static final Map<String, String> NAMES = Map.ofEntries(
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

  private SubmodlibCases() {}

  /** Every case file, sorted; at least one per function. */
  static List<Path> files() throws IOException {
    String configured = System.getProperty("alkit.reference");
    Path dir = configured != null && Files.isDirectory(Path.of(configured))
        ? Path.of(configured) : Path.of("../testdata/reference/cases");
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(p -> p.getFileName().toString().startsWith("submodlib_")).sorted().toList();
    }
    assertThat(files).hasSizeGreaterThanOrEqualTo(NAMES.size());
    return files;
  }

  static JsonNode read(Path file) {
    try {
      return new ObjectMapper().readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** alkit's name of the case's function. */
  static String function(JsonNode c) {
    String name = NAMES.get(c.get("function").asText());
    assertThat(name).as("alkit name of %s", c.get("function").asText()).isNotNull();
    return name;
  }

  /** The case's parameters as alkit options. */
  static Map<String, String> options(JsonNode c) {
    Map<String, String> options = new HashMap<>();
    c.get("params").fields().forEachRemaining(e -> {
      String value = e.getValue().asText();
      options.put(OPTIONS.get(e.getKey()), MODES.getOrDefault(value, value));
    });
    return options;
  }

  /** 1e-5 relative, with a floor for values near 0. */
  static double tolerance(double expected) {
    return 1e-5 * Math.abs(expected) + 1e-9;
  }
}
