package org.alkit.runtime.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.zip.GZIPInputStream;
import org.alkit.api.FittedModel;
import org.alkit.api.InvalidInputException;
import org.alkit.api.Matrix;
import org.alkit.api.MissingSignalException;
import org.alkit.api.ModelAdapter;
import org.alkit.api.ModelProvider;
import org.alkit.api.Signal;
import org.junit.jupiter.api.Test;

class ModelTest {
  /** Gaussian blobs: class c centred at 4·e_c (c < d), unit noise. */
  static Matrix blobs(int n, int d, int classes, long seed, int[] labelsOut) {
    SplittableRandom r = new SplittableRandom(seed);
    float[][] x = new float[n][d];
    for (int i = 0; i < n; i++) {
      int c = i % classes;
      labelsOut[i] = c;
      for (int j = 0; j < d; j++) {
        x[i][j] = (float) (r.nextGaussian() + (j == c ? 4 : 0));
      }
    }
    return Matrix.of(x);
  }

  static ModelAdapter adapter(ModelProvider p, Map<String, String> options) {
    return p.create(p.options(options));
  }

  static int[] range(int from, int to) {
    return java.util.stream.IntStream.range(from, to).toArray();
  }

  static double accuracy(FittedModel model, Matrix x, int[] y, int[] rows) {
    Matrix p = model.probabilities(x.select(rows));
    int hits = 0;
    for (int r = 0; r < rows.length; r++) {
      int best = 0;
      for (int c = 1; c < p.cols(); c++) {
        if (p.get(r, c) > p.get(r, best)) {
          best = c;
        }
      }
      hits += best == y[rows[r]] ? 1 : 0;
    }
    return (double) hits / rows.length;
  }

  @Test
  void logisticSeparatesBlobsAndGivesOneColumnPerClassEvenUnseen() {
    int[] y = new int[400];
    Matrix x = blobs(400, 5, 4, 1, y);
    int[] train = java.util.Arrays.stream(range(0, 200)).filter(i -> y[i] != 3).toArray();
    int[] labels = java.util.Arrays.stream(train).map(i -> y[i]).toArray();
    FittedModel m = adapter(new LogisticModelProvider(), Map.of()).fit(x, train, labels, 5, 0);
    Matrix p = m.probabilities(x);
    assertThat(p.cols()).isEqualTo(5);
    int[] test = java.util.Arrays.stream(range(200, 400)).filter(i -> y[i] != 3).toArray();
    assertThat(accuracy(m, x, y, test)).isGreaterThan(0.95);
    for (int i = 0; i < p.rows(); i++) {
      double sum = 0;
      for (int c = 0; c < 5; c++) {
        sum += p.get(i, c);
      }
      assertThat(sum).isCloseTo(1, org.assertj.core.data.Offset.offset(1e-5));
      assertThat(p.get(i, 4)).isLessThan(0.1f);
    }
  }

  @Test
  void logisticReachesNinetyPercentOnOptdigitsWithFiveHundredLabels() throws IOException {
    String root = System.getProperty("alkit.root");
    assertThat(root).as("system property alkit.root, the reactor's folder (the Maven build sets it)").isNotNull();
    Path csv = Path.of(root, "al-eval/src/main/resources/org/alkit/eval/data/optdigits.csv.gz");
    assertThat(csv).as("the embedded optdigits data").isRegularFile();
    List<float[]> rows = new ArrayList<>();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(
        new GZIPInputStream(Files.newInputStream(csv)), StandardCharsets.US_ASCII))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        String[] f = line.split(",");
        float[] v = new float[f.length];
        for (int j = 0; j < f.length; j++) {
          v[j] = Float.parseFloat(f[j]);
        }
        rows.add(v);
      }
    }
    int n = rows.size();
    float[][] features = new float[n][64];
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      System.arraycopy(rows.get(i), 0, features[i], 0, 64);
      y[i] = (int) rows.get(i)[64];
    }
    Matrix x = Matrix.of(features);
    int[] order = range(0, n);
    SplittableRandom r = new SplittableRandom(7);
    for (int i = n - 1; i > 0; i--) {
      int j = r.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    int[] train = java.util.Arrays.copyOf(order, 500);
    int[] test = java.util.Arrays.copyOfRange(order, 500, n);
    int[] labels = java.util.Arrays.stream(train).map(i -> y[i]).toArray();
    FittedModel m = adapter(new LogisticModelProvider(), Map.of()).fit(x, train, labels, 10, 0);
    assertThat(accuracy(m, x, y, test)).isGreaterThanOrEqualTo(0.90);
  }

  @Test
  void embeddingsAreStandardizedAndGradientEmbeddingsFollowTheBadgeFormula() {
    int[] y = new int[60];
    Matrix x = blobs(60, 3, 3, 2, y);
    FittedModel m = adapter(new LogisticModelProvider(), Map.of("iterations", "50"))
        .fit(x, range(0, 30), java.util.Arrays.copyOf(y, 30), 3, 0);
    Matrix h = m.matrix(Signal.EMBEDDINGS, x);
    for (int j = 0; j < 3; j++) {
      double mean = 0;
      for (int i = 0; i < 60; i++) {
        mean += h.get(i, j) / 60.0;
      }
      assertThat(mean).isCloseTo(0, org.assertj.core.data.Offset.offset(1e-5));
    }
    Matrix p = m.probabilities(x);
    Matrix g = m.matrix(Signal.GRADIENT_EMBEDDINGS, x);
    assertThat(g.cols()).isEqualTo(9);
    for (int i = 0; i < 60; i++) {
      int best = 0;
      for (int c = 1; c < 3; c++) {
        best = p.get(i, c) > p.get(i, best) ? c : best;
      }
      for (int c = 0; c < 3; c++) {
        for (int j = 0; j < 3; j++) {
          double expected = (p.get(i, c) - (c == best ? 1 : 0)) * h.get(i, j);
          assertThat((double) g.get(i, c * 3 + j)).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-5));
        }
      }
    }
    assertThatThrownBy(() -> m.stack(Signal.COMMITTEE_PROBABILITIES, x))
        .isInstanceOf(MissingSignalException.class).hasMessageContaining("model 'logistic'");
  }

  @Test
  void committeeHasMembersWhoseMeanIsTheProbabilitiesAndIsFixedBySeed() {
    int[] y = new int[90];
    Matrix x = blobs(90, 4, 3, 3, y);
    ModelAdapter committee = adapter(new CommitteeModelProvider(), Map.of("members", "4", "iterations", "60"));
    assertThat(committee.offers()).containsExactlyInAnyOrder(
        Signal.PROBABILITIES, Signal.EMBEDDINGS, Signal.COMMITTEE_PROBABILITIES);
    int[] train = range(0, 30);
    int[] labels = java.util.Arrays.copyOf(y, 30);
    FittedModel a = committee.fit(x, train, labels, 3, 11);
    List<Matrix> members = a.stack(Signal.COMMITTEE_PROBABILITIES, x);
    assertThat(members).hasSize(4).allSatisfy(mm -> {
      assertThat(mm.rows()).isEqualTo(90);
      assertThat(mm.cols()).isEqualTo(3);
    });
    assertThat(members.get(0)).isNotEqualTo(members.get(1));
    Matrix mean = a.probabilities(x);
    for (int i = 0; i < 90; i++) {
      for (int c = 0; c < 3; c++) {
        double m = 0;
        for (Matrix mm : members) {
          m += mm.get(i, c) / 4.0;
        }
        assertThat((double) mean.get(i, c)).isCloseTo(m, org.assertj.core.data.Offset.offset(1e-6));
      }
    }
    assertThat(committee.fit(x, train, labels, 3, 11).stack(Signal.COMMITTEE_PROBABILITIES, x))
        .isEqualTo(members);
    assertThat(committee.fit(x, train, labels, 3, 12).stack(Signal.COMMITTEE_PROBABILITIES, x))
        .isNotEqualTo(members);
    assertThatThrownBy(() -> a.matrix(Signal.GRADIENT_EMBEDDINGS, x)).isInstanceOf(MissingSignalException.class);
  }

  @Test
  void badOptionsAndInputsNameTheValue() {
    assertThatThrownBy(() -> adapter(new LogisticModelProvider(), Map.of("l2", "-1")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("model 'logistic': option 'l2' = -1.0: expected >= 0");
    assertThatThrownBy(() -> adapter(new CommitteeModelProvider(), Map.of("members", "0")))
        .hasMessageContaining("option 'members' = 0");
    ModelAdapter m = adapter(new LogisticModelProvider(), Map.of());
    Matrix x = Matrix.of(new float[][] {{1}, {2}});
    assertThatThrownBy(() -> m.fit(x, new int[] {0, 1}, new int[] {0, 3}, 2, 0))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("labels[1] = 3; expected a class in [0, 2)");
    assertThatThrownBy(() -> m.fit(x, new int[] {5}, new int[] {0}, 2, 0))
        .hasMessageContaining("labeled[0] = 5 is outside the 2 rows");
    FittedModel f = m.fit(x, new int[] {0, 1}, new int[] {0, 1}, 2, 0);
    assertThatThrownBy(() -> f.probabilities(Matrix.of(new float[][] {{1, 2}})))
        .hasMessageContaining("x is 1 × 2; model 'logistic' was fitted on 1 features");
  }
}
