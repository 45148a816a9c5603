package org.alkit.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.alkit.api.FitPlan;
import org.alkit.api.Matrix;
import org.alkit.api.MissingSignalException;
import org.alkit.api.ModelAdapter;
import org.alkit.api.ScenarioHints;
import org.alkit.api.TrainingHooks;
import org.alkit.commons.Probabilities;
import org.junit.jupiter.api.Test;

/**
 * The loop's prediction history (recorded through the selecting model's epoch hook when the
 * strategy reads it) and selection via proxy (a selection model's signals, the model's accuracy).
 */
class SurveyLoopTest {
  private static final Registry REGISTRY = Registry.load();
  private static final Dataset BLOBS = ActiveLearningLoopTest.blobs();

  private static RunResult run(String yaml) {
    RunConfig config = RunConfig.parse("dataset: blobs\ninitial-labeled: 6\nbudget: 4\nrounds: 2\nseed: 9\n" + yaml);
    try (ActiveLearningLoop loop = Runs.assemble(new RunRequest(config, BLOBS, ScenarioHints.none()), REGISTRY)) {
      return loop.run();
    }
  }

  @Test
  void theHistoryIsTheSelectingModelsPredictedClassAfterEveryEpoch() {
    HistoryTestProvider.SEEN.clear();
    run("strategy: " + HistoryTestProvider.NAME + "\nmodel-options: {iterations: 25}");
    assertThat(HistoryTestProvider.SEEN).hasSize(2);
    Matrix first = HistoryTestProvider.SEEN.get(0);
    assertThat(first.rows()).isEqualTo(BLOBS.pool().rows());
    assertThat(first.cols()).as("one column per epoch (a gradient iteration of logistic)").isEqualTo(25);
    // round 1 fits on the initial draw with the round's fit seed: observe that fit by hand
    java.util.SplittableRandom root = new java.util.SplittableRandom(9);
    int[] labeled = Arrays.copyOf(Sampling.shuffled(BLOBS.pool().rows(), root.split()), 6);
    int[] labels = Arrays.stream(labeled).map(i -> BLOBS.poolLabels()[i]).toArray();
    long fitSeed = root.split().nextLong();
    ModelAdapter logistic = REGISTRY.createModel("logistic", java.util.Map.of("iterations", "25"));
    List<int[]> epochs = new ArrayList<>();
    int n = BLOBS.pool().rows();
    logistic.capability(TrainingHooks.class).orElseThrow().fit(BLOBS.pool(), labeled, labels, 3, fitSeed,
        FitPlan.of(1, fitSeed, n, 3, labeled, labels).observeEpochs(java.util.stream.IntStream.range(0, n).toArray(),
            (epoch, p) -> epochs.add(java.util.stream.IntStream.range(0, n).map(i -> Probabilities.argmax(p, i))
                .toArray())));
    for (int e = 0; e < 25; e++) {
      for (int i = 0; i < n; i += 7) {
        assertThat(first.get(i, e)).as("epoch %d, item %d", e, i).isEqualTo((float) epochs.get(e)[i]);
      }
    }
  }

  @Test
  void aModelWithoutTheEpochHookCannotGiveAHistory() {
    assertThatThrownBy(() -> run("strategy: " + HistoryTestProvider.NAME + "\nmodel: committee"))
        .isInstanceOf(MissingSignalException.class)
        .hasMessageContaining("strategy '" + HistoryTestProvider.NAME + "' requires prediction-history")
        .hasMessageContaining("model 'committee'");
    Runs.check(RunConfig.parse("strategy: " + HistoryTestProvider.NAME), REGISTRY);
  }

  @Test
  void aSelectionModelSelectsAndTheModelIsMeasured() {
    String lowest = "strategy: " + LowestConfidenceTestProvider.NAME + "\n";
    RunResult proxied = run(lowest + "model: logistic\nmodel-options: {iterations: 80}\nselection-model: committee\n"
        + "selection-model-options: {members: 3, iterations: 40}");
    RunResult committee = run(lowest + "model: committee\nmodel-options: {members: 3, iterations: 40}");
    RunResult logistic = run(lowest + "model: logistic\nmodel-options: {iterations: 80}");
    assertThat(proxied.rounds()).extracting(r -> Arrays.toString(r.selected())).as("the committee's picks")
        .isEqualTo(committee.rounds().stream().map(r -> Arrays.toString(r.selected())).toList());
    assertThat(proxied.rounds().get(0).accuracy()).as("round 1: the same labels, logistic's accuracy")
        .isEqualTo(logistic.rounds().get(0).accuracy());
    assertThat(proxied.rounds()).allMatch(r -> r.selectionFitMillis() >= 0);
  }

  @Test
  void eachRoundTimesTheMeasuredModelsFitAndTheSelectingOne() {
    String lowest = "strategy: " + LowestConfidenceTestProvider.NAME + "\n";
    String slow = SlowModelProvider.NAME + "\nmodel-options: {sleep-ms: 60}\n";
    RunResult measuredSlow = run(lowest + "model: " + slow + "selection-model: logistic\n");
    assertThat(measuredSlow.rounds()).allSatisfy(r -> assertThat(r.fitMillis()).isGreaterThanOrEqualTo(60));
    RunResult selectingSlow = run(lowest + "model: logistic\nselection-model: " + SlowModelProvider.NAME
        + "\nselection-model-options: {sleep-ms: 60}\n");
    assertThat(selectingSlow.rounds()).allSatisfy(r -> assertThat(r.selectionFitMillis()).isGreaterThanOrEqualTo(60));
    RunResult alone = run(lowest + "model: " + slow);
    assertThat(alone.rounds()).as("one fit both measures and selects").allSatisfy(r -> {
      assertThat(r.fitMillis()).isGreaterThanOrEqualTo(60);
      assertThat(r.selectionFitMillis()).isEqualTo(r.fitMillis());
    });
  }

  @Test
  void theSelectionModelMustOfferWhatTheStrategyReads() {
    RunConfig config = RunConfig.parse("strategy: " + HistoryTestProvider.NAME
        + "\nmodel: logistic\nselection-model: committee");
    assertThatThrownBy(() -> Runs.check(config, REGISTRY)).isInstanceOf(MissingSignalException.class)
        .hasMessageContaining("model 'committee'");
    assertThatThrownBy(() -> RunConfig.parse("selection-model-options: {members: 3}"))
        .hasMessage("selection-model-options = {members=3} without selection-model; expected a selection model"
            + " for them, or no options");
  }
}
