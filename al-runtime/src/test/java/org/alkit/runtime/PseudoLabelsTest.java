package org.alkit.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.alkit.api.AlException;
import org.alkit.api.InvalidInputException;
import org.alkit.api.Matrix;
import org.alkit.api.Oracle;
import org.alkit.api.ScenarioHints;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CEAL's pseudo-labels as a loop option: the threshold and its decay, the choice of confident
 * items, the configuration key, and runs of the logistic model on three blobs: pseudo-labels join
 * each fit after the first, never the labeled set nor the oracle, are counted (and their errors)
 * per round and in the journal, and a resumed run ends as the uninterrupted one.
 */
class PseudoLabelsTest {
  @TempDir
  Path dir;

  private static final Dataset DATA = ActiveLearningLoopTest.blobs();
  private static final Registry REGISTRY = Registry.load();

  /** The test's base configuration, {@code extra} lines replacing its keys (YAML refuses a key given twice). */
  private static RunConfig config(String extra) {
    java.util.Map<String, String> lines = new java.util.LinkedHashMap<>();
    String base = "dataset: blobs\nstrategy: " + LowestConfidenceTestProvider.NAME
        + "\ninitial-labeled: 6\nbudget: 4\nrounds: 4\nseed: 9\nmodel-options: {iterations: 60}\n" + extra;
    for (String line : base.split("\n")) {
      lines.put(line.substring(0, line.indexOf(':')), line);
    }
    return RunConfig.parse(String.join("\n", lines.values()) + "\n");
  }

  /** Runs {@code config} through the one assembly, counting the items the oracle is asked for. */
  private static RunResult run(RunConfig config, List<Integer> asked, RunJournal journal) {
    try (ActiveLearningLoop loop = Runs.assemble(new RunRequest(config, DATA, ScenarioHints.none()), REGISTRY,
        parts -> new LoopParts(parts.model(), parts.strategy(), parts.backend(), counting(parts.oracle(), asked),
            parts.selectionModel()))) {
      return journal == null ? loop.run() : loop.run(ScenarioHints.none(), r -> {}, journal, 0);
    }
  }

  private static Oracle counting(Oracle oracle, List<Integer> asked) {
    return indices -> {
      Arrays.stream(indices).forEach(asked::add);
      return oracle.label(indices);
    };
  }

  private static RunResult run(RunConfig config) {
    return run(config, new ArrayList<>(), null);
  }

  /** A run's rounds (accuracy, picks, pseudo-labels) and final accuracy, without the times. */
  private static List<String> untimed(RunResult r) {
    List<String> out = new ArrayList<>();
    r.rounds().forEach(round -> out.add(round.round() + " " + round.accuracy() + " " + Arrays.toString(round.selected())
        + " " + round.pseudoLabels() + "/" + round.pseudoWrong()));
    out.add("final " + r.finalLabeledCount() + " " + r.finalAccuracy());
    return out;
  }

  @Test
  void theThresholdFallsByTheDecayEachRoundAndPicksTheConfidentItemsWithTheirClass() {
    PseudoLabels p = new PseudoLabels(0.5, 0.1);
    assertThat(p.threshold(1)).isEqualTo(0.4);
    assertThat(p.threshold(3)).isCloseTo(0.2, org.assertj.core.api.Assertions.within(1e-12));
    // entropies: row 0 ln 2 ≈ 0.693, row 1 ≈ 0.199 (0.95/0.05), row 2 0 (one-hot), row 3 ≈ 0.325 (0.1/0.9)
    Matrix probabilities = Matrix.of(new float[][] {{0.5f, 0.5f}, {0.95f, 0.05f}, {0, 1}, {0.1f, 0.9f}});
    PseudoLabels.Chosen chosen = p.choose(probabilities, new int[] {0, 1, 2, 3}, 1);
    assertThat(chosen.items()).containsExactly(1, 2, 3);
    assertThat(chosen.labels()).containsExactly(0, 1, 1);
    assertThat(chosen.wrong(new int[] {0, 0, 0, 1})).as("item 2 is class 0").isEqualTo(1);
    assertThat(p.choose(probabilities, new int[] {0, 1, 2, 3}, 3).items()).as("δ_3 = 0.2").containsExactly(1, 2);
    assertThat(p.choose(probabilities, new int[] {0, 3}, 1).items()).as("only among the candidates").containsExactly(3);
  }

  @Test
  void theKeyIsReadCheckedAndWrittenBack() {
    RunConfig config = config("pseudo-labels: {threshold: 0.05, decay: 0.001}\n");
    assertThat(config.pseudoLabels()).contains(new PseudoLabels(0.05, 0.001));
    assertThat(RunConfig.fromTree(config.toTree())).isEqualTo(config);
    assertThat(config("pseudo-labels: {threshold: 0.2}\n").pseudoLabels()).contains(new PseudoLabels(0.2, 0));
    assertThat(config("").pseudoLabels()).isEmpty();
    assertThat(config("").toTree()).as("a run without them writes no key").doesNotContainKey(PseudoLabels.KEY);
    assertThatThrownBy(() -> config("pseudo-labels: {threshold: -1}\n")).isInstanceOf(InvalidInputException.class)
        .hasMessage("pseudo-labels.threshold = -1.0; expected a finite threshold >= 0");
    assertThatThrownBy(() -> config("pseudo-labels: {decay: 0.1}\n")).isInstanceOf(InvalidInputException.class)
        .hasMessage("pseudo-labels has no 'threshold'; expected {threshold: δ₀, decay: d}");
    assertThatThrownBy(() -> config("pseudo-labels: {threshold: 0.1, rate: 2}\n"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("pseudo-labels has an unknown key 'rate'; known keys: threshold, decay");
    assertThatThrownBy(() -> config("pseudo-labels: 0.1\n")).isInstanceOf(InvalidInputException.class)
        .hasMessage("pseudo-labels = 0.1; expected {threshold: δ₀, decay: d}");
    assertThatThrownBy(() -> config("pseudo-labels: {threshold: 0.1}\nselection-model: committee\n"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("pseudo-labels with selection-model 'committee'; expected one of the two (CEAL's pseudo-labels"
            + " train the model that both selects and is measured)");
  }

  @Test
  void pseudoLabelsJoinEachFitAfterTheFirstButNeverTheLabeledSetNorTheOracle() {
    List<Integer> asked = new ArrayList<>();
    RunConfig ceal = config("pseudo-labels: {threshold: 0.3, decay: 0.01}\n");
    RunResult result = run(ceal, asked, null);
    RunResult plain = run(config(""));
    assertThat(result.rounds().get(0).pseudoLabels()).as("round 1: no fit before it").isZero();
    assertThat(result.rounds().get(0).selected()).as("so round 1 is the plain run's")
        .isEqualTo(plain.rounds().get(0).selected());
    for (RoundResult r : result.rounds().subList(1, 4)) {
      assertThat(r.pseudoLabels()).as("round %d", r.round()).isPositive();
      assertThat(r.pseudoWrong()).as("round %d: wrong ones, of %d", r.round(), r.pseudoLabels())
          .isBetween(0, r.pseudoLabels() / 5);
    }
    assertThat(result.rounds()).extracting(RoundResult::labeledCount).as("labeled: 6, then 4 more a round")
        .containsExactly(6, 10, 14, 18);
    assertThat(asked).as("the oracle saw the initial draw and the picks alone").hasSize(6 + 4 * 4);
    assertThat(result.rounds().get(1).accuracy()).as("round 2's fit trained on them")
        .isNotEqualTo(plain.rounds().get(1).accuracy());
    assertThat(untimed(run(ceal, new ArrayList<>(), null))).as("the same seed, the same run")
        .isEqualTo(untimed(result));
    RunResult none = run(config("pseudo-labels: {threshold: 0}\n"));
    assertThat(untimed(none)).as("a threshold no entropy is below: the plain run").isEqualTo(untimed(plain));
  }

  @Test
  void aModelThatDoesNotTrainOnExtraItemsIsRefusedBeforeRoundOne() {
    List<Integer> asked = new ArrayList<>();
    assertThatThrownBy(() -> run(config("model: committee\nmodel-options: {}\npseudo-labels: {threshold: 0.1}\n"),
        asked, null))
        .isInstanceOf(AlException.class)
        .hasMessage("pseudo-labels: model 'committee' does not train on extra items (the hook extra-items); "
            + "expected a model that does (mlp, cnn, logistic)");
    assertThat(asked).as("before the initial draw").isEmpty();
  }

  @Test
  void theJournalRecordsThemAndAResumedRunEndsAsTheUninterruptedOne() throws IOException {
    RunConfig ceal = config("pseudo-labels: {threshold: 0.3, decay: 0.01}\n");
    RunResult whole = run(ceal);
    Path cut = dir.resolve("cut");
    try (RunJournal journal = RunJournal.create(cut, ceal, DATA)) {
      run(ceal, new ArrayList<>(), journal);
    }
    String round2 = Files.readString(cut.resolve("rounds/round-0002.yml"));
    RoundResult second = whole.rounds().get(1);
    assertThat(round2).contains("pseudo-labels: " + second.pseudoLabels(),
        "pseudo-labels-wrong: " + second.pseudoWrong());
    assertThat(Files.readString(cut.resolve("rounds/final.yml"))).contains("pseudo-labels: ");
    Files.delete(cut.resolve("rounds/final.yml"));
    Files.delete(cut.resolve("rounds/round-0004.yml"));
    Files.delete(cut.resolve("rounds/round-0003.yml"));
    RunResult again;
    try (RunJournal journal = RunJournal.resume(cut, ceal, DATA)) {
      again = run(ceal, new ArrayList<>(), journal);
    }
    assertThat(again.rounds()).extracting(RoundResult::replayed).containsExactly(true, true, false, false);
    assertThat(again.rounds()).extracting(RoundResult::pseudoLabels)
        .containsExactlyElementsOf(whole.rounds().stream().map(RoundResult::pseudoLabels).toList());
    assertThat(untimed(again)).isEqualTo(untimed(whole));
    assertThat(Optional.of(Files.readString(cut.resolve("rounds/round-0002.yml")))).contains(round2);
  }
}
