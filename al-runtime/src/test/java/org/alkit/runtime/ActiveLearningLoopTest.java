package org.alkit.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.Guice;
import com.google.inject.ProvisionException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.alkit.api.InvalidInputException;
import org.alkit.api.Matrix;
import org.alkit.api.ModelAdapter;
import org.alkit.api.MissingSignalException;
import org.alkit.api.ScenarioHints;
import org.alkit.api.UnknownNameException;
import org.junit.jupiter.api.Test;

class ActiveLearningLoopTest {
  /** Three Gaussian blobs in 4-D, 240 rows, split 3:1 into pool and test. */
  static Dataset blobs() {
    SplittableRandom r = new SplittableRandom(5);
    float[][] x = new float[240][4];
    int[] y = new int[240];
    for (int i = 0; i < x.length; i++) {
      y[i] = i % 3;
      for (int j = 0; j < 4; j++) {
        x[i][j] = (float) (r.nextGaussian() + (j == y[i] ? 3 : 0));
      }
    }
    return Dataset.split("blobs", Matrix.of(x), y, 3, 0.25, 1);
  }

  /** The test's base configuration, {@code extra} lines replacing its keys (YAML refuses a key given twice). */
  private static RunConfig config(String extra) {
    java.util.Map<String, String> lines = new java.util.LinkedHashMap<>();
    String base = "dataset: blobs\nstrategy: " + LowestConfidenceTestProvider.NAME
        + "\ninitial-labeled: 6\nbudget: 4\nrounds: 2\nseed: 9\nmodel-options: {iterations: 80}\n" + extra;
    for (String line : base.split("\n")) {
      if (!line.isBlank()) {
        lines.put(line.substring(0, line.indexOf(':')), line);
      }
    }
    return RunConfig.parse(String.join("\n", lines.values()));
  }

  private static ActiveLearningLoop loop(RunConfig config) {
    return Guice.createInjector(new AlkitModule(config, blobs())).getInstance(ActiveLearningLoop.class);
  }

  @Test
  void guiceWiresTheConfiguredPartsAndTheLoopRunsTwoRounds() {
    List<RoundResult> seen = new ArrayList<>();
    RunResult result = loop(config("")).run(ScenarioHints.none(), seen::add);
    assertThat(result.rounds()).hasSize(2).isEqualTo(seen);
    assertThat(result.rounds()).extracting(RoundResult::round).containsExactly(1, 2);
    assertThat(result.rounds()).extracting(RoundResult::labeledCount).containsExactly(6, 10);
    assertThat(result.finalLabeledCount()).isEqualTo(14);
    assertThat(result.finalAccuracy()).isGreaterThan(0.8);
    List<Integer> picked = new ArrayList<>();
    for (RoundResult round : result.rounds()) {
      assertThat(round.selected()).hasSize(4);
      assertThat(round.accuracy()).isBetween(0.0, 1.0);
      for (int i : round.selected()) {
        picked.add(i);
      }
    }
    assertThat(picked).doesNotHaveDuplicates();
  }

  @Test
  void theSameSeedGivesTheSameSelectionsAndAccuracies() {
    RunResult a = loop(config("backend-options: {threads: 1}")).run();
    RunResult b = loop(config("backend-options: {threads: 3}")).run();
    RunResult other = loop(config("").forScenario(new ScenarioConfig("s", LowestConfidenceTestProvider.NAME,
        java.util.Map.of()))).run();
    for (int k = 0; k < a.rounds().size(); k++) {
      assertThat(b.rounds().get(k).selected()).isEqualTo(a.rounds().get(k).selected());
      assertThat(b.rounds().get(k).accuracy()).isEqualTo(a.rounds().get(k).accuracy());
      assertThat(other.rounds().get(k).selected()).isEqualTo(a.rounds().get(k).selected());
    }
    assertThat(b.finalAccuracy()).isEqualTo(a.finalAccuracy());
  }

  @Test
  void aDifferentSeedDrawsADifferentInitialSet() {
    RunResult a = loop(config("")).run();
    RunResult b = loop(RunConfig.parse(("dataset: blobs\nstrategy: " + LowestConfidenceTestProvider.NAME
        + "\ninitial-labeled: 6\nbudget: 4\nrounds: 2\nseed: 10\nmodel-options: {iterations: 80}\n"))).run();
    assertThat(b.rounds().get(0).selected()).isNotEqualTo(a.rounds().get(0).selected());
  }

  @Test
  void theCapabilityCheckRunsBeforeRoundOne() {
    ActiveLearningLoop needy = new ActiveLearningLoop(config(""), blobs(), new LoopParts(
        new org.alkit.api.ModelAdapter() {
          @Override
          public java.util.Set<org.alkit.api.Signal> offers() {
            return java.util.Set.of(org.alkit.api.Signal.EMBEDDINGS);
          }

          @Override
          public org.alkit.api.FittedModel fit(Matrix f, int[] l, int[] y, int c, long s) {
            throw new AssertionError("fit must not run before the capability check");
          }
        },
        new LowestConfidenceTestProvider(), Registry.load().createBackend("java", java.util.Map.of("threads", "1")),
        OracleFactory.simulated(blobs())), Registry.load());
    try (needy) {
      assertThatThrownBy(needy::run).isInstanceOf(MissingSignalException.class)
          .hasMessageContaining("strategy 'test-least-confidence' requires probabilities");
    }
  }

  @Test
  void unknownNamesAndOversizedInitialSetsAreReported() {
    assertThatThrownBy(() -> loop(config("model: forest")))
        .isInstanceOf(ProvisionException.class)
        .hasCauseInstanceOf(UnknownNameException.class)
        .hasMessageContaining("unknown model 'forest'; known: committee, logistic");
    assertThatThrownBy(() -> loop(config("oracle: human")))
        .hasMessageContaining("unknown oracle 'human'; known: simulated");
    assertThatThrownBy(() -> loop(config("initial-labeled: 500")).run())
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("initial-labeled = 500; expected at most the pool size (180)");
  }

  @Test
  void datasetChecksItsShapes() {
    Matrix x = Matrix.of(new float[][] {{1, 2}, {3, 4}});
    assertThatThrownBy(() -> new Dataset("d", x, new int[] {0}, x, new int[] {0, 1}, 2))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("pool has 2 rows but 1 labels");
    assertThatThrownBy(() -> new Dataset("d", x, new int[] {0, 2}, x, new int[] {0, 1}, 2))
        .hasMessageContaining("pool label 1 = 2; expected a class in [0, 2)");
    assertThatThrownBy(() -> new Dataset("d", x, new int[] {0, 1}, Matrix.of(new float[][] {{1}}), new int[] {0}, 2))
        .hasMessageContaining("test is 1 × 1 but pool is 2 × 2");
    Dataset plain = new Dataset("d", x, new int[] {0, 1}, x, new int[] {0, 1}, 2);
    assertThat(plain.itemShape()).containsExactly(2);
    assertThat(plain.classNames()).containsExactly("0", "1");
    assertThat(plain.withItems(new int[] {1, 2, 1}, List.of("cat", "dog")).classNames()).containsExactly("cat", "dog");
    assertThatThrownBy(() -> plain.withItems(new int[] {3}, plain.classNames()))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("item shape [3]")
        .hasMessageContaining("2 columns");
    assertThatThrownBy(() -> plain.withItems(new int[] {2, 0}, plain.classNames()))
        .hasMessageContaining("extent 0");
    assertThatThrownBy(() -> plain.withItems(new int[] {2}, List.of("only one")))
        .hasMessageContaining("1 class names for 2 classes");
  }

  @Test
  void aModelDeclaringItemShapeReceivesTheDatasetsUnlessConfigured() {
    Dataset images = blobs().withItems(new int[] {1, 2, 2}, List.of("a", "b", "c"));
    RunConfig plain = RunConfig.parse("model: " + ItemShapeModelProvider.NAME);
    assertThat(Guice.createInjector(new AlkitModule(plain, images)).getInstance(ModelAdapter.class))
        .hasToString("1x2x2");
    RunConfig set = RunConfig.parse("model: " + ItemShapeModelProvider.NAME + "\nmodel-options: {item-shape: 4x1x1}");
    assertThat(Guice.createInjector(new AlkitModule(set, images)).getInstance(ModelAdapter.class))
        .hasToString("4x1x1");
    assertThat(Guice.createInjector(new AlkitModule(plain, blobs())).getInstance(ModelAdapter.class))
        .as("a flat item shape [4] says nothing about images").hasToString("");
  }
}
