package org.alkit.eval.matrix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.alkit.api.AlException;
import org.alkit.api.InvalidInputException;
import org.alkit.api.UnknownNameException;
import org.alkit.eval.data.LoadersTest;
import org.alkit.eval.report.Reports;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MatrixRunnerTest {
  static final String MATRIX = """
      name: resumable
      datasets: [optdigits]
      scenarios: [balanced, "rare:3"]
      strategies: [random, margin, coreset]
      seeds: 3
      model-options: {iterations: 60}
      initial-labeled: 20
      budget: 10
      rounds: 4
      parallel: %d
      """;

  @TempDir
  Path dir;

  static EvalMatrix matrix(int parallel) {
    return EvalMatrix.parse(MATRIX.formatted(parallel), "x");
  }

  static List<RunRecord> withoutTiming(EvalResults results) {
    return results.runs().stream().map(RunRecord::withoutTiming).toList();
  }

  @Test
  void strategiesOfOneSeedStartFromTheSameSetSplitAndModel() {
    EvalResults results = MatrixRunner.run(matrix(2), dir.resolve("out"), MatrixRunner.Listener.NONE);
    assertThat(results.runs()).hasSize(18);
    for (String scenario : List.of("balanced", "rare:3")) {
      for (long seed = 1; seed <= 3; seed++) {
        long s = seed;
        List<RunRecord> same = results.runs().stream()
            .filter(r -> r.key().scenario().equals(scenario) && r.key().seed() == s).toList();
        assertThat(same).hasSize(3);
        // the same initial set and model give the same round-1 model, so the same quality
        assertThat(same).extracting(r -> r.rounds().get(0).quality()).containsOnly(same.get(0).rounds().get(0).quality());
        assertThat(same).extracting(r -> r.rounds().get(0).picked()).doesNotHaveDuplicates();
      }
    }
    assertThat(results.runs().get(0).rounds()).hasSize(4);
    assertThat(results.runs().get(0).last().labeled()).isEqualTo(60);
    assertThat(results.runs()).allSatisfy(r -> assertThat(r.last().accuracy()).isGreaterThan(0.5));
  }

  @Test
  void theLowBudgetAndDensityStrategiesRunInAMatrixWithTheLogisticModel() {
    EvalMatrix m = EvalMatrix.parse("""
        name: parity
        datasets: [optdigits]
        scenarios: [balanced]
        strategies: [probcover, typiclust, ranked-batch, information-density]
        seeds: 1
        model: logistic
        model-options: {iterations: 60}
        initial-labeled: 10
        budget: 10
        rounds: 3
        """, "x");
    EvalResults results = MatrixRunner.run(m, dir.resolve("out"), MatrixRunner.Listener.NONE);
    assertThat(results.runs()).extracting(r -> r.key().strategy())
        .containsExactlyInAnyOrder("probcover", "typiclust", "ranked-batch", "information-density");
    assertThat(results.runs()).allSatisfy(r -> {
      assertThat(r.rounds()).hasSize(3);
      assertThat(r.last().labeled()).isEqualTo(40);
      assertThat(r.last().accuracy()).isGreaterThan(0.5);
    });
  }

  @Test
  void aCellWithPseudoLabelsReportsTheirCountAndPrecision() throws IOException {
    String yaml = """
        name: ceal
        datasets: [optdigits]
        scenarios: [balanced]
        strategies:
          - entropy
          - {name: entropy, label: entropy-ceal, pseudo-labels: {threshold: 0.3, decay: 0.01}}
        seeds: 2
        model-options: {iterations: 60}
        initial-labeled: 20
        budget: 10
        rounds: 3
        """;
    EvalMatrix matrix = EvalMatrix.parse(yaml, "x");
    assertThat(matrix.fingerprint()).as("the key is part of what determines the results")
        .isNotEqualTo(EvalMatrix.parse(yaml.replace("decay: 0.01", "decay: 0.02"), "x").fingerprint());
    Path out = dir.resolve("ceal");
    EvalResults results = MatrixRunner.run(matrix, out, MatrixRunner.Listener.NONE);
    for (RunRecord run : results.runs()) {
      boolean ceal = run.key().strategy().equals("entropy-ceal");
      assertThat(run.rounds().get(0).pseudoLabels()).as("round 1 has no earlier fit").isZero();
      assertThat(run.rounds().get(2).pseudoLabels()).as("%s, round 3", run.key()).matches(n -> ceal == n > 0);
      assertThat(run.rounds()).allSatisfy(r -> assertThat(r.fitMillis()).isNotNegative());
    }
    Reports.write(results, out, List.of());
    String summary = Files.readString(out.resolve(Reports.SUMMARY));
    assertThat(summary).contains("| select ms | fit ms | pseudo-label precision | vs random (p) |")
        .containsPattern("\\| entropy-ceal \\|.*\\| 0\\.9\\d\\d ± 0\\.0\\d\\d \\| — \\|")
        .containsPattern("\\| entropy \\|.*\\| — \\| — \\|");
    assertThat(Files.readAllLines(out.resolve(Reports.METRICS)).get(0)).contains(",fit_ms,pseudo_labels,pseudo_precision,");
  }

  @Test
  void resultsDoNotDependOnTheThreadCountAndAFinishedMatrixRunsNothing() {
    EvalResults serial = MatrixRunner.run(matrix(1), dir.resolve("serial"), MatrixRunner.Listener.NONE);
    EvalResults parallel = MatrixRunner.run(matrix(2), dir.resolve("parallel"), MatrixRunner.Listener.NONE);
    assertThat(withoutTiming(parallel)).isEqualTo(withoutTiming(serial));
    List<int[]> started = new ArrayList<>();
    EvalResults again = MatrixRunner.run(matrix(2), dir.resolve("serial"), new MatrixRunner.Listener() {
      @Override
      public void started(int total, int done) {
        started.add(new int[] {total, done});
      }
    });
    assertThat(started).containsExactly(new int[] {18, 18});
    assertThat(again.runs()).isEqualTo(serial.runs());
  }

  @Test
  void aKilledMatrixResumesWithTheResultsOfAnUninterruptedOne() throws Exception {
    Path yaml = dir.resolve("matrix.yml");
    Files.writeString(yaml, MATRIX.formatted(1));
    Path killed = dir.resolve("killed");
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process child = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
        MatrixMain.class.getName(), yaml.toString(), killed.toString())
        .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
    Path journal = killed.resolve(MatrixRunner.JOURNAL);
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
    while (runsIn(journal) < 3 && child.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    child.destroyForcibly().waitFor();
    int journaled = runsIn(journal);
    assertThat(journaled).as("runs journaled when the child was killed; its log: %s",
        Files.exists(dir.resolve("child.log")) ? Files.readString(dir.resolve("child.log")) : "")
        .isBetween(3, 17);

    List<int[]> started = new ArrayList<>();
    EvalResults resumed = MatrixRunner.run(matrix(2), killed, new MatrixRunner.Listener() {
      @Override
      public void started(int total, int done) {
        started.add(new int[] {total, done});
      }
    });
    assertThat(started.get(0)[1]).as("runs taken from the journal").isGreaterThanOrEqualTo(journaled);
    EvalResults uninterrupted = MatrixRunner.run(matrix(1), dir.resolve("whole"), MatrixRunner.Listener.NONE);
    assertThat(withoutTiming(resumed)).isEqualTo(withoutTiming(uninterrupted));
  }

  private static int runsIn(Path journal) throws IOException {
    if (!Files.exists(journal)) {
      return 0;
    }
    String text = Files.readString(journal);
    return Math.max(0, (int) text.chars().filter(c -> c == '\n').count() - 1);
  }

  @Test
  void aBadStrategyFailsBeforeAnyRun() {
    EvalMatrix bad = EvalMatrix.parse(MATRIX.formatted(1).replace("coreset", "corset"), "x");
    assertThatThrownBy(() -> MatrixRunner.run(bad, dir.resolve("bad"), MatrixRunner.Listener.NONE))
        .isInstanceOf(UnknownNameException.class).hasMessageContaining("corset").hasMessageContaining("coreset");
    assertThat(dir.resolve("bad").resolve(MatrixRunner.JOURNAL)).doesNotExist();
  }

  @Test
  void aScenarioTheDataSetCannotGiveFailsBeforeAnyRunAndLeavesNoJournal() {
    EvalMatrix impossible = EvalMatrix.parse(MATRIX.formatted(1).replace("\"rare:3\"", "\"rare:99\""), "x");
    java.util.concurrent.atomic.AtomicInteger started = new java.util.concurrent.atomic.AtomicInteger();
    MatrixRunner.Listener listener = new MatrixRunner.Listener() {
      @Override
      public void started(int total, int done) {
        started.incrementAndGet();
      }
    };
    assertThatThrownBy(() -> MatrixRunner.run(impossible, dir.resolve("rare"), listener))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("data set optdigits, seed 1: scenario 'rare:99': class 99 is outside");
    assertThat(started).as("no run started").hasValue(0);
    assertThat(dir.resolve("rare")).as("not even the output folder").doesNotExist();

    EvalMatrix tooSmall = EvalMatrix.parse(MATRIX.formatted(1).replace("rounds: 4", "rounds: 4\npool-size: 50"), "x");
    assertThatThrownBy(() -> MatrixRunner.run(tooSmall, dir.resolve("small"), listener))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("data set optdigits, seed 1: scenario balanced: initial-labeled + rounds × budget = "
            + "20 + 4 × 10 = 60 exceeds the pool (50 items)");
    assertThat(dir.resolve("small")).doesNotExist();
  }

  @Test
  void aParticipantWhoseHooksTheModelLacksFailsBeforeAnyRunAsTheLoopWouldRefuseIt() {
    EvalMatrix m = EvalMatrix.parse("""
        datasets: [optdigits]
        scenarios: [balanced]
        strategies: [random, test-participant]
        seeds: 2
        model: committee
        """, "hooks");
    int fits = ParticipantTestProvider.FITS.get();
    assertThatThrownBy(() -> MatrixRunner.run(m, dir.resolve("hooks"), MatrixRunner.Listener.NONE))
        .isInstanceOf(AlException.class)
        .hasMessage("strategy 'test-participant' takes part in training with hooks epoch-predictions, which model "
            + "'committee' does not perform: it offers no training hooks");
    assertThat(dir.resolve("hooks").resolve(MatrixRunner.JOURNAL)).doesNotExist();
    assertThat(ParticipantTestProvider.FITS.get()).isEqualTo(fits);
  }

  @Test
  void aBadOptionOfALabelledStrategyNamesItsEntry() {
    EvalMatrix m = EvalMatrix.parse(MATRIX.formatted(1).replace("coreset]",
        "{name: coreset-doubt, label: wide, options: {beam: 0}}]"), "x");
    assertThatThrownBy(() -> MatrixRunner.run(m, dir.resolve("option"), MatrixRunner.Listener.NONE))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("strategies entry 'wide': strategy 'coreset-doubt': option 'beam' = 0: expected 1 <= beam <= 256");
  }

  @Test
  void reportsNameTheClassesAsTheDataSetDoes() throws java.io.IOException {
    String images = "images:" + LoadersTest.neuFolders(dir);
    EvalMatrix m = EvalMatrix.parse("""
        datasets: ["%s"]
        scenarios: [balanced]
        strategies: [random]
        seeds: 1
        initial-labeled: 3
        budget: 2
        rounds: 2
        """.formatted(images), "named");
    EvalResults results = MatrixRunner.run(m, dir.resolve("named"), MatrixRunner.Listener.NONE);
    assertThat(results.className(images, 1)).isEqualTo("inclusion");
  }

  @Test
  void oodPicksAreCountedAndTheModelNeverTrainsOnThem() {
    EvalMatrix m = EvalMatrix.parse("""
        datasets: [optdigits]
        scenarios: ["ood:0,1,2,3,4"]
        strategies: [random]
        seeds: 1
        initial-labeled: 30
        budget: 30
        rounds: 3
        """, "ood");
    RunRecord r = MatrixRunner.run(m, dir.resolve("ood"), MatrixRunner.Listener.NONE).runs().get(0);
    for (RoundMetrics round : r.rounds()) {
      int[] perClass = round.picksPerClass();
      int ood = perClass[0] + perClass[1] + perClass[2] + perClass[3] + perClass[4];
      assertThat(round.oodPickFraction()).isEqualTo(ood / 30.0);
    }
    assertThat(r.rounds()).extracting(RoundMetrics::oodPickFraction).anySatisfy(f -> assertThat(f).isPositive());
    // the test split holds only classes 5..9; a model that never saw 0..4 still predicts them right
    assertThat(r.last().accuracy()).isGreaterThan(0.8);
  }

  @Test
  void aParticipantTakesPartInEveryFitOfAMatrixRunAndOodLabelsStillNeverTrainTheModel() {
    EvalMatrix m = EvalMatrix.parse("""
        datasets: [optdigits]
        scenarios: ["ood:0,1,2,3,4"]
        strategies: [test-participant]
        seeds: 1
        model-options: {iterations: 50}
        initial-labeled: 30
        budget: 30
        rounds: 3
        """, "participant");
    int fits = ParticipantTestProvider.FITS.get();
    int epochs = ParticipantTestProvider.EPOCHS.get();
    RunRecord r = MatrixRunner.run(m, dir.resolve("participant"), MatrixRunner.Listener.NONE).runs().get(0);
    assertThat(ParticipantTestProvider.FITS.get() - fits).as("three rounds and the final fit").isEqualTo(4);
    assertThat(ParticipantTestProvider.EPOCHS.get() - epochs).as("every iteration of every fit").isEqualTo(4 * 50);
    assertThat(r.rounds()).extracting(RoundMetrics::oodPickFraction).anySatisfy(f -> assertThat(f).isPositive());
    // as for random above: the fits through the training hooks skip the out-of-distribution labels too
    assertThat(r.last().accuracy()).isGreaterThan(0.8);
  }

  @Test
  void redundantCopiesLowerTheUniquePickFraction() {
    EvalMatrix m = EvalMatrix.parse("""
        datasets: [optdigits]
        scenarios: ["redundancy:4"]
        strategies: [entropy]
        seeds: 1
        budget: 40
        rounds: 2
        """, "redundant");
    RunRecord r = MatrixRunner.run(m, dir.resolve("red"), MatrixRunner.Listener.NONE).runs().get(0);
    // entropy ranks the four copies of an uncertain item side by side
    assertThat(r.rounds()).allSatisfy(round -> assertThat(round.uniquePickFraction()).isLessThan(0.9));
  }
}
