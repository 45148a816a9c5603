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
import org.alkit.testkit.SubmodlibNames;

/**
 * The {@code submodlib_*} golden cases of testdata/reference: where they are, and how submodlib's
 * class and parameter names map onto alkit's function names and options.
 */
final class SubmodlibCases {
  /** |chosen − best other| below this is a near-tie, where an equal-gain alternative is accepted. */
  static final double NEAR_TIE = 1e-6;
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
    assertThat(files).hasSizeGreaterThanOrEqualTo(SubmodlibNames.functionCount());
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
    return SubmodlibNames.function(c.get("function").asText());
  }

  /** The case's parameters as alkit options. */
  static Map<String, String> options(JsonNode c) {
    return SubmodlibNames.options(params(c));
  }

  /** The case's submodlib parameters as text. */
  private static Map<String, String> params(JsonNode c) {
    Map<String, String> params = new HashMap<>();
    c.get("params").fields().forEachRemaining(e -> params.put(e.getKey(), e.getValue().asText()));
    return params;
  }

  /** 1e-5 relative, with a floor for values near 0. */
  static double tolerance(double expected) {
    return 1e-5 * Math.abs(expected) + 1e-9;
  }
}
