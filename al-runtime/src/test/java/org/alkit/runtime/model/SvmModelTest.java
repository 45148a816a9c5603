package org.alkit.runtime.model;

import static org.alkit.runtime.model.ModelTest.accuracy;
import static org.alkit.runtime.model.ModelTest.adapter;
import static org.alkit.runtime.model.ModelTest.blobs;
import static org.alkit.runtime.model.ModelTest.range;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.alkit.api.FittedModel;
import org.alkit.api.InvalidInputException;
import org.alkit.api.Matrix;
import org.alkit.api.MissingSignalException;
import org.alkit.api.Signal;
import org.junit.jupiter.api.Test;

/**
 * The svm model: its decision function and Platt's fit against the numpy golden cases of
 * {@code testdata/svm} (computed outside alkit by {@code generate.py}), and its behaviour.
 */
class SvmModelTest {
  private static final SvmModelProvider PROVIDER = new SvmModelProvider();

  private static JsonNode golden(String name) throws IOException {
    Path dir = Path.of(System.getProperty("alkit.root", "..")).resolve("testdata/svm");
    return new ObjectMapper().readTree(dir.resolve(name + ".json").toFile());
  }

  private static double[][] doubles(JsonNode rows) {
    double[][] out = new double[rows.size()][];
    for (int i = 0; i < out.length; i++) {
      JsonNode row = rows.get(i);
      out[i] = IntStream.range(0, row.size()).mapToDouble(j -> row.get(j).asDouble()).toArray();
    }
    return out;
  }

  private static int[] ints(JsonNode values) {
    return IntStream.range(0, values.size()).map(i -> values.get(i).asInt()).toArray();
  }

  private static Matrix matrix(double[][] rows) {
    float[][] x = new float[rows.length][];
    for (int i = 0; i < rows.length; i++) {
      x[i] = new float[rows[i].length];
      for (int j = 0; j < rows[i].length; j++) {
        x[i][j] = (float) rows[i][j];
      }
    }
    return Matrix.of(x);
  }

  @Test
  void decisionFunctionOfAFixedModelMatchesNumpy() throws IOException {
    JsonNode golden = golden("svm_decision");
    FittedModel model = adapter(PROVIDER, Map.of("c", golden.get("c").asText(), "class-weight", "balanced"))
        .fit(matrix(doubles(golden.get("pool"))), ints(golden.get("labeled")), ints(golden.get("labels")),
            golden.get("classes").asInt(), 7);
    double[][] expected = doubles(golden.get("decision"));
    double[][] actual = ((SvmModelProvider.Fitted) model).decision(matrix(doubles(golden.get("test"))));
    for (int i = 0; i < expected.length; i++) {
      for (int k = 0; k < expected[i].length; k++) {
        assertThat(actual[i][k]).as("f_%d of test row %d", k, i).isCloseTo(expected[i][k], offset(1e-3));
      }
    }
  }

  @Test
  void plattsFitOnFixedDecisionValuesMatchesNumpy() throws IOException {
    JsonNode golden = golden("platt");
    double[] f = IntStream.range(0, golden.get("decision").size())
        .mapToDouble(i -> golden.get("decision").get(i).asDouble()).toArray();
    boolean[] positive = new boolean[f.length];
    for (int i = 0; i < f.length; i++) {
      positive[i] = golden.get("positive").get(i).asBoolean();
    }
    PlattScaling fitted = PlattScaling.fit(f, positive);
    assertThat(fitted.a()).isCloseTo(golden.get("a").asDouble(), offset(1e-5));
    assertThat(fitted.b()).isCloseTo(golden.get("b").asDouble(), offset(1e-5));
    for (int i = 0; i < golden.get("probe").size(); i++) {
      assertThat(fitted.probability(golden.get("probe").get(i).asDouble()))
          .isCloseTo(golden.get("probability").get(i).asDouble(), offset(1e-6));
    }
  }

  @Test
  void separatesBlobsWithNormalisedProbabilitiesAndAColumnForEveryClass() {
    int[] y = new int[400];
    Matrix x = blobs(400, 5, 4, 1, y);
    int[] train = Arrays.stream(range(0, 200)).filter(i -> y[i] != 3).toArray();
    int[] labels = Arrays.stream(train).map(i -> y[i]).toArray();
    FittedModel m = adapter(PROVIDER, Map.of()).fit(x, train, labels, 5, 0);
    Matrix p = m.probabilities(x);
    assertThat(p.cols()).isEqualTo(5);
    int[] test = Arrays.stream(range(200, 400)).filter(i -> y[i] != 3).toArray();
    assertThat(accuracy(m, x, y, test)).isGreaterThan(0.95);
    for (int i = 0; i < p.rows(); i++) {
      double sum = 0;
      for (int c = 0; c < 5; c++) {
        sum += p.get(i, c);
      }
      assertThat(sum).isCloseTo(1, offset(1e-5));
      assertThat(p.get(i, 3)).as("never-labeled class 3").isZero();
      assertThat(p.get(i, 4)).as("never-labeled class 4").isZero();
    }
    assertThat(m.matrix(Signal.EMBEDDINGS, x).cols()).isEqualTo(5);
    assertThatThrownBy(() -> m.matrix(Signal.GRADIENT_EMBEDDINGS, x)).isInstanceOf(MissingSignalException.class);
  }

  @Test
  void crossValidationChoosesCFromTheGridAndAFixedCIsKept() {
    int[] y = new int[120];
    Matrix x = blobs(120, 4, 3, 5, y);
    int[] train = range(0, 60);
    int[] labels = Arrays.stream(train).map(i -> y[i]).toArray();
    SvmModelProvider.Fitted chosen = (SvmModelProvider.Fitted) adapter(PROVIDER, Map.of("c-grid", "0.5,0.05,5"))
        .fit(x, train, labels, 3, 3);
    assertThat(chosen.c()).isIn(0.05, 0.5, 5.0);
    SvmModelProvider.Fitted fixed = (SvmModelProvider.Fitted) adapter(PROVIDER, Map.of("c", "0.25"))
        .fit(x, train, labels, 3, 3);
    assertThat(fixed.c()).isEqualTo(0.25);
  }

  @Test
  void sameSeedGivesTheSameProbabilities() {
    int[] y = new int[150];
    Matrix x = blobs(150, 6, 3, 9, y);
    int[] train = range(0, 45);
    int[] labels = Arrays.stream(train).map(i -> y[i]).toArray();
    Matrix a = adapter(PROVIDER, Map.of()).fit(x, train, labels, 3, 11).probabilities(x);
    Matrix b = adapter(PROVIDER, Map.of()).fit(x, train, labels, 3, 11).probabilities(x);
    assertThat(a.toArray()).containsExactly(b.toArray());
  }

  @Test
  void foldsAreStratifiedAndSeeded() {
    int[] labels = {0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2};
    int[] folds = SvmModelProvider.folds(labels, 3, 5, 4);
    for (int c = 0; c < 3; c++) {
      int cls = c;
      assertThat(IntStream.range(0, labels.length).filter(i -> labels[i] == cls).map(i -> folds[i]).sorted()
          .toArray()).as("class %d spread over the 5 folds", c).containsExactly(0, 1, 2, 3, 4);
    }
    assertThat(SvmModelProvider.folds(labels, 3, 5, 4)).containsExactly(folds);
  }

  @Test
  void balancedClassWeightRaisesTheMinorityRecallOfTheDecisionFunction() {
    SplittableRandom random = new SplittableRandom(3);
    int n = 600;
    float[][] rows = new float[n][2];
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      y[i] = i % 10 == 0 ? 1 : 0;
      rows[i][0] = (float) (random.nextGaussian() + (y[i] == 1 ? 1.2 : 0));
      rows[i][1] = (float) random.nextGaussian();
    }
    Matrix x = Matrix.of(rows);
    int[] train = range(0, 300);
    int[] labels = Arrays.stream(train).map(i -> y[i]).toArray();
    Matrix minority = x.select(Arrays.stream(range(300, n)).filter(i -> y[i] == 1).toArray());
    double plain = minorityRecall(adapter(PROVIDER, Map.of("c", "1")).fit(x, train, labels, 2, 0), minority);
    double balanced = minorityRecall(adapter(PROVIDER, Map.of("c", "1", "class-weight", "balanced"))
        .fit(x, train, labels, 2, 0), minority);
    assertThat(balanced).isGreaterThan(plain + 0.2);
  }

  /** The share of {@code rows} (all of class 1) whose decision value for class 1 beats class 0's. */
  private static double minorityRecall(FittedModel model, Matrix rows) {
    double[][] f = ((SvmModelProvider.Fitted) model).decision(rows);
    return Arrays.stream(f).filter(v -> v[1] > v[0]).count() / (double) f.length;
  }

  @Test
  void oneLabeledItemGivesItsClassProbabilityOne() {
    int[] y = new int[20];
    Matrix x = blobs(20, 3, 2, 2, y);
    Matrix p = adapter(PROVIDER, Map.of()).fit(x, new int[] {4}, new int[] {y[4]}, 2, 0).probabilities(x);
    for (int i = 0; i < p.rows(); i++) {
      assertThat(p.get(i, y[4])).isEqualTo(1f);
    }
  }

  @Test
  void rejectsBadOptionsAndInputsNamingThem() {
    assertThatThrownBy(() -> adapter(PROVIDER, Map.of("c", "-1")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("'c'").hasMessageContaining("-1");
    assertThatThrownBy(() -> adapter(PROVIDER, Map.of("c-grid", "1,x")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("c-grid").hasMessageContaining("'x'");
    assertThatThrownBy(() -> adapter(PROVIDER, Map.of("c-grid", "0,1")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("c-grid").hasMessageContaining("C > 0");
    assertThatThrownBy(() -> adapter(PROVIDER, Map.of("folds", "1")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("folds");
    assertThatThrownBy(() -> adapter(PROVIDER, Map.of("class-weight", "auto")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("balanced");
    int[] y = new int[20];
    Matrix x = blobs(20, 3, 2, 2, y);
    FittedModel m = adapter(PROVIDER, Map.of()).fit(x, range(0, 10), Arrays.copyOf(y, 10), 2, 0);
    assertThatThrownBy(() -> m.probabilities(Matrix.wrap(1, 2, new float[2])))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("3 features");
    assertThatThrownBy(() -> adapter(PROVIDER, Map.of()).fit(x, new int[] {0}, new int[] {2}, 2, 0))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("labels[0] = 2");
  }
}
