package org.alkit.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.alkit.api.ComputeBackend;
import org.alkit.api.InvalidInputException;
import org.alkit.api.Matrix;
import org.alkit.api.MissingSignalException;
import org.alkit.api.Signal;
import org.alkit.api.UnknownNameException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A selection request checks in the runtime, without the command line, what {@code alkit select}
 * refuses, with its messages, and then selects as the command does.
 */
class SelectionRequestTest {
  private static final Registry REGISTRY = Registry.load();
  private static final String LEAST = LowestConfidenceTestProvider.NAME;

  @TempDir Path dir;
  private Path probs;

  /** Six items, two classes; item k's top probability is 0.5 + k / 20, so item 0 is the least confident. */
  @BeforeEach
  void probabilities() {
    float[][] p = new float[6][];
    for (int k = 0; k < 6; k++) {
      float top = 0.5f + k / 20f;
      p[k] = new float[] {top, 1 - top};
    }
    probs = dir.resolve("probs.npy");
    Npy.writeMatrix(probs, Matrix.of(p));
  }

  private Path ints(String name, int... values) {
    Path file = dir.resolve(name + ".npy");
    Npy.writeInts(file, values);
    return file;
  }

  private Path bools(String name, int... values) {
    Path file = dir.resolve(name + ".npy");
    double[] v = new double[values.length];
    for (int k = 0; k < v.length; k++) {
      v[k] = values[k];
    }
    Npy.write(file, new NpyArray(NpyArray.Dtype.BOOL, new int[] {v.length}, v));
    return file;
  }

  private SelectionRequest.Builder request(int budget) {
    return SelectionRequest.builder(LEAST, Map.of(), budget).signal(Signal.PROBABILITIES, probs);
  }

  @Test
  void selectsWhatTheStrategyPicksOnTheGivenSignalsAndLabeledSet() {
    SelectionRequest request = request(2).labeled(bools("mask", 1, 0, 0, 0, 0, 0)).build(REGISTRY);
    assertThat(request.poolSize()).isEqualTo(6);
    try (ComputeBackend backend = REGISTRY.createBackend("java", Map.of("threads", "1"))) {
      SelectionRequest.Selected s = request.select(backend, REGISTRY::backends, line -> {});
      assertThat(s.selection().indices()).containsExactly(1, 2);
      assertThat(s.nanos()).isPositive();
    }
  }

  @Test
  void refusesTheRoundScenarioStrategyAndOptionsFirst() {
    assertThatThrownBy(() -> request(1).round(0).build(REGISTRY))
        .hasMessage("--round = 0; expected 1 for the first round or more");
    assertThatThrownBy(() -> request(1).hints("rare", List.of(), List.of()).build(REGISTRY))
        .isInstanceOf(UnknownNameException.class).hasMessageContaining("'rare'").hasMessageContaining("rare-classes");
    assertThatThrownBy(() -> SelectionRequest.builder("nope", Map.of(), 1).build(REGISTRY))
        .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("--strategy: unknown strategy 'nope'");
    assertThatThrownBy(() -> SelectionRequest.builder(LEAST, Map.of("beam", "2"), 1).build(REGISTRY))
        .hasMessage("strategy '" + LEAST + "' has no option 'beam'; known options: none");
  }

  @Test
  void refusesSignalsThatDisagreeAndABudgetThePoolCannotMeet() {
    Path three = dir.resolve("three.npy");
    Npy.writeMatrix(three, Matrix.of(new float[][] {{1, 0}, {0, 1}, {1, 0}}));
    assertThatThrownBy(() -> request(1).signal(Signal.EMBEDDINGS, three).build(REGISTRY))
        .hasMessage("--embeddings has 3 rows but --probs has 6; expected one row per pool item in both");
    Path oneClass = dir.resolve("one.npy");
    Npy.writeMatrix(oneClass, Matrix.of(new float[][] {{1}, {1}, {1}, {1}, {1}, {1}}));
    assertThatThrownBy(() -> request(1).signal(Signal.PREVIOUS_PROBABILITIES, oneClass).build(REGISTRY))
        .hasMessageStartingWith("--prev-probs has 1 class (shape ");
    assertThatThrownBy(() -> request(7).build(REGISTRY))
        .hasMessage("--budget = 7; expected 1 <= budget <= pool size (6)");
    assertThatThrownBy(() -> SelectionRequest.builder(LEAST, Map.of(), 1).build(REGISTRY))
        .hasMessage("the pool size is unknown; give a signal file (--probs, --embeddings, ...) or --pool-size");
    assertThatThrownBy(() -> request(1).signal(Signal.MC_PROBABILITIES, probs).build(REGISTRY))
        .hasMessageContaining("--mc-probs: ").hasMessageContaining("expected 3 (T, rows, cols)");
  }

  @Test
  void refusesALabeledSetThatDoesNotFit() {
    assertThatThrownBy(() -> request(1).labels(ints("labels", 0)).build(REGISTRY))
        .hasMessage("--labels is given without --labeled; expected both or neither");
    assertThatThrownBy(() -> request(1).labeled(ints("far", 9)).build(REGISTRY))
        .hasMessage("--labeled[0] = 9 is outside the pool [0, 6); expected pool indices (or a boolean mask of 6 entries)");
    assertThatThrownBy(() -> request(1).labeled(ints("twice", 1, 0, 0, 0, 0, 1)).build(REGISTRY))
        .hasMessageContaining("--labeled holds index 0 twice").hasMessageContaining("looks like a 0/1 mask");
    assertThatThrownBy(() -> request(1).labeled(bools("short", 1, 0)).build(REGISTRY))
        .hasMessage("--labeled is a boolean mask of 2 entries; expected one entry per pool item (6), or integer indices");
    assertThatThrownBy(() -> request(1).labeled(ints("two", 0, 1)).labels(ints("one", 0)).build(REGISTRY))
        .hasMessage("--labels has 1 entries but --labeled has 2; expected one label per labeled item");
    assertThatThrownBy(() -> request(1).labeled(ints("two", 0, 1)).labels(ints("bad", 0, 2)).build(REGISTRY))
        .hasMessage("--labels[1] = 2; expected a class in [0, 2) (the probabilities have 2 classes)");
    assertThatThrownBy(() -> request(1).labeled(ints("all", 0, 1, 2, 3, 4, 5)).build(REGISTRY))
        .hasMessage("--labeled covers all 6 pool items; expected at least one unlabeled item to pick");
    assertThatThrownBy(() -> request(3).labeled(ints("four", 0, 1, 2, 3)).build(REGISTRY))
        .hasMessage("--budget = 3 but only 2 of the 6 pool items are unlabeled; expected 1 <= budget <= 2");
  }

  @Test
  void refusesHintsThatAreNotClassesOrItemsAndReportsMissingSignalsWhenSelecting() {
    assertThatThrownBy(() -> request(1).hints("rare-classes", List.of(2), List.of()).build(REGISTRY))
        .hasMessage("--rare-classes holds 2; expected a class in [0, 2) (the probabilities have 2 classes)");
    assertThatThrownBy(() -> request(1).hints("ood", List.of(), List.of(-1)).build(REGISTRY))
        .hasMessage("--ood-classes holds -1; expected a class in [0, 2) (the probabilities have 2 classes)");
    assertThatThrownBy(() -> request(1).query(ints("q", 6)).build(REGISTRY))
        .hasMessageStartingWith("--query[0] = 6 is outside the pool [0, 6)");
    SelectionRequest noProbabilities = SelectionRequest.builder(LEAST, Map.of(), 1).poolSize(6).build(REGISTRY);
    try (ComputeBackend backend = REGISTRY.createBackend("java", Map.of("threads", "1"))) {
      assertThatThrownBy(() -> noProbabilities.select(backend, REGISTRY::backends, line -> {}))
          .isInstanceOf(MissingSignalException.class).hasMessageContaining("--probs missing");
    }
  }

  private Path history(String name, NpyArray.Dtype dtype, int[][] epochsByItems) {
    Path file = dir.resolve(name + ".npy");
    int epochs = epochsByItems.length;
    int n = epochsByItems[0].length;
    double[] v = new double[epochs * n];
    for (int e = 0; e < epochs; e++) {
      for (int i = 0; i < n; i++) {
        v[e * n + i] = epochsByItems[e][i];
      }
    }
    Npy.write(file, new NpyArray(dtype, new int[] {epochs, n}, v));
    return file;
  }

  @Test
  void aPredictionHistoryIsEpochsByItemsOfClassIdsAndReachesTheStrategyItemByItem() {
    HistoryTestProvider.SEEN.clear();
    Path file = history("history", NpyArray.Dtype.INT32, new int[][] {{0, 1, 1, 0, 1, 0}, {1, 1, 0, 0, 1, 1},
        {1, 1, 0, 0, 0, 1}});
    SelectionRequest request = SelectionRequest.builder(HistoryTestProvider.NAME, Map.of(), 2)
        .signal(Signal.PREDICTION_HISTORY, file).signal(Signal.PROBABILITIES, probs).build(REGISTRY);
    try (ComputeBackend backend = REGISTRY.createBackend("java", Map.of("threads", "1"))) {
      request.select(backend, REGISTRY::backends, line -> {});
    }
    Matrix seen = HistoryTestProvider.SEEN.get(0);
    assertThat(seen.rows()).isEqualTo(6);
    assertThat(seen.row(4)).containsExactly(1, 1, 0);
  }

  @Test
  void aPredictionHistoryOfAnotherPoolOrBadClassIdsIsRefusedInOneLine() {
    Path wide = history("wide", NpyArray.Dtype.INT32, new int[][] {{0, 1, 1, 0, 1, 0, 1}});
    assertThatThrownBy(() -> SelectionRequest.builder(HistoryTestProvider.NAME, Map.of(), 2)
        .signal(Signal.PROBABILITIES, probs).signal(Signal.PREDICTION_HISTORY, wide).build(REGISTRY))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("--prediction-history holds 7 items per epoch (shape (1, 7), epochs × items) but --probs has 6;"
            + " expected one per pool item");
    Path beyond = history("beyond", NpyArray.Dtype.INT32, new int[][] {{0, 1, 1, 0, 1, 0}, {0, 1, 2, 0, 1, 0}});
    SelectionRequest request = SelectionRequest.builder(HistoryTestProvider.NAME, Map.of(), 2)
        .signal(Signal.PROBABILITIES, probs).signal(Signal.PREDICTION_HISTORY, beyond).build(REGISTRY);
    try (ComputeBackend backend = REGISTRY.createBackend("java", Map.of("threads", "1"))) {
      assertThatThrownBy(() -> request.select(backend, REGISTRY::backends, line -> {}))
          .isInstanceOf(InvalidInputException.class)
          .hasMessage("--prediction-history: " + beyond + ": [1][2] = 2; expected a class id in [0, 2)");
    }
    Path negative = history("negative", NpyArray.Dtype.INT32, new int[][] {{0, -1, 1, 0, 1, 0}});
    Path floats = history("floats", NpyArray.Dtype.FLOAT32, new int[][] {{0, 1, 1, 0, 1, 0}});
    for (Path bad : List.of(negative, floats)) {
      SelectionRequest r = SelectionRequest.builder(HistoryTestProvider.NAME, Map.of(), 2)
          .signal(Signal.PREDICTION_HISTORY, bad).build(REGISTRY);
      try (ComputeBackend backend = REGISTRY.createBackend("java", Map.of("threads", "1"))) {
        assertThatThrownBy(() -> r.select(backend, REGISTRY::backends, line -> {}))
            .isInstanceOf(InvalidInputException.class)
            .hasMessageStartingWith("--prediction-history: " + bad + ": ")
            .hasMessageMatching(".*(\\[0\\]\\[1\\] = -1; expected a class id >= 0|dtype <f4 holds no class ids.*)");
      }
    }
  }
}
