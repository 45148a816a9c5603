package org.alkit.uncertainty;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.alkit.api.Selection;

/** The golden cases under {@code testdata/reference/cases} and the comparisons they need. */
final class ReferenceCases {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ReferenceCases() {}

  /** The case files whose names start with {@code prefix}, sorted; fails when there are none. */
  static List<Path> named(String prefix) {
    try (Stream<Path> files = Files.list(directory())) {
      List<Path> cases = files.filter(f -> f.getFileName().toString().startsWith(prefix))
          .sorted().collect(Collectors.toList());
      assertThat(cases).as("reference cases %s* in %s", prefix, directory()).isNotEmpty();
      return cases;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path directory() {
    String configured = System.getProperty("alkit.reference");
    if (configured != null && Files.isDirectory(Path.of(configured))) {
      return Path.of(configured);
    }
    return Path.of("../testdata/reference/cases");
  }

  static JsonNode read(Path file) {
    try {
      return JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static double[] vector(JsonNode node) {
    return JSON.convertValue(node, double[].class);
  }

  static int[] indices(JsonNode node) {
    return JSON.convertValue(node, int[].class);
  }

  static double[][] matrix(JsonNode node) {
    return JSON.convertValue(node, double[][].class);
  }

  static double[][][] stack(JsonNode node) {
    return JSON.convertValue(node, double[][][].class);
  }

  /**
   * Asserts {@code |actual − expected| ≤ relative·|expected| + absolute} element by element.
   */
  static void assertClose(double[] actual, double[] expected, double relative, double absolute,
      String what) {
    assertThat(actual).as(what).hasSameSizeAs(expected);
    for (int i = 0; i < expected.length; i++) {
      assertThat(actual[i]).as("%s[%d]", what, i)
          .isCloseTo(expected[i], org.assertj.core.data.Offset.offset(
              relative * Math.abs(expected[i]) + absolute));
    }
  }

  /**
   * Asserts that {@code picked} is the reference's unordered top-k up to ties: both sets have k
   * items, every item in only one of them scores (by the reference) within {@code tol} of the
   * k-th best reference score, and every pick is at least that good.
   *
   * @param referenceScores the reference's score of every item, higher = picked first
   */
  static void assertSameTopK(Selection picked, int[] reference, double[] referenceScores, double tol,
      String what) {
    double[] sorted = referenceScores.clone();
    Arrays.sort(sorted);
    double kth = sorted[sorted.length - reference.length];
    Set<Integer> ours = new HashSet<>();
    Arrays.stream(picked.indices()).forEach(ours::add);
    Set<Integer> theirs = new HashSet<>();
    Arrays.stream(reference).forEach(theirs::add);
    assertThat(ours).as("%s: picks", what).hasSameSizeAs(theirs);
    for (int i : ours) {
      assertThat(referenceScores[i]).as("%s: reference score of our pick %d", what, i)
          .isGreaterThanOrEqualTo(kth - tol);
    }
    Set<Integer> differing = new HashSet<>(ours);
    differing.addAll(theirs);
    Set<Integer> common = new HashSet<>(ours);
    common.retainAll(theirs);
    differing.removeAll(common);
    for (int i : differing) {
      assertThat(referenceScores[i]).as("%s: item %d is picked by only one side, so it must tie at"
          + " the boundary", what, i).isCloseTo(kth, org.assertj.core.data.Offset.offset(tol));
    }
  }
}
