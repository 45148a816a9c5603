package org.alkit.eval.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.alkit.api.InvalidInputException;
import org.alkit.eval.matrix.EvalMatrix;
import org.alkit.eval.matrix.EvalResults;
import org.alkit.eval.matrix.PairedTest;
import org.alkit.runtime.RunConfig;
import org.alkit.runtime.ScenarioConfig;
import org.junit.jupiter.api.Test;

class RecommendationTest {
  private static final String MATRIX = """
      name: picks
      datasets: [optdigits]
      scenarios: [balanced, "rare-classes:3,5", "ood:8,9", "redundancy:3"]
      strategies:
        - random
        - margin
        - big-once
        - {name: similar, label: smi, options: {function: flvmi}, scenarios: [rare-classes]}
      seeds: 12
      model-options: {l2: 0.01}
      budget: 10
      rounds: 3
      """;

  /**
   * 12 seeds. margin is 0.01 above random on every seed. big-once is 0.002 below margin on 11
   * seeds and 0.1 above it on one: the best mean AUBC (+0.0065), and the paired test finds the two
   * significantly different (W⁻ = 12 of 78: 70 of the 4096 sign patterns have a sum ≤ 12, two-sided
   * p = 140 / 4096 = 0.0342 < 0.05), a win of the higher mean, big-once. smi is 0.05 above random on
   * every seed.
   */
  private static double[] aubc(String scenario, String strategy) {
    double[] v = new double[12];
    for (int s = 0; s < 12; s++) {
      double random = 0.6 + s / 100.0;
      v[s] = switch (strategy) {
        case "random" -> random;
        case "margin" -> random + 0.01;
        case "big-once" -> random + 0.01 + (s == 0 ? 0.1 : -0.002);
        default -> random + 0.05;
      };
    }
    return v;
  }

  @Test
  void eachScenarioGetsTheBestMeanAubcAmongTheStrategiesNoOtherBeatSignificantly() {
    EvalResults results = Synthetic.results(MATRIX, RecommendationTest::aubc);
    PairedTest bigOverMargin = results.tests().stream()
        .filter(t -> t.scenario().equals("balanced") && t.strategy().equals("big-once") && t.other().equals("margin"))
        .findFirst().orElseThrow();
    assertThat(bigOverMargin.outcome()).isEqualTo(PairedTest.Outcome.WIN);
    assertThat(bigOverMargin.p()).isCloseTo(140 / 4096.0, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(Arrays.stream(aubc("balanced", "big-once")).average().orElseThrow())
        .as("big-once has the best mean").isGreaterThan(Arrays.stream(aubc("balanced", "margin")).average().orElseThrow());

    List<Recommendation.Choice> choices = Recommendation.choose(results);
    assertThat(choices).extracting(c -> c.cell().cell().strategy()).containsExactly("big-once", "smi", "big-once", "big-once");
    assertThat(choices).allMatch(Recommendation.Choice::randomBeaten);
  }

  @Test
  void theYamlIsARunConfigurationWithACommentCitingAubcPAndTheMatrixHash() {
    EvalResults results = Synthetic.results(MATRIX, RecommendationTest::aubc);
    String yaml = Recommendation.yaml(results);
    RunConfig config = RunConfig.parse(yaml);
    EvalMatrix m = results.matrix();
    assertThat(config.dataset()).isEqualTo("optdigits");
    assertThat(config.modelOptions()).isEqualTo(Map.of("l2", "0.01"));
    assertThat(config.budget()).isEqualTo(10);
    assertThat(config.rounds()).isEqualTo(3);
    assertThat(config.seed()).isEqualTo(1);
    assertThat(config.scenarios()).containsExactly(
        new ScenarioConfig("balanced", "big-once", Map.of()),
        new ScenarioConfig("rare-classes", "similar", Map.of("function", "flvmi"), Set.of(3, 5), Set.of()),
        new ScenarioConfig("ood", "big-once", Map.of(), Set.of(), Set.of(8, 9)),
        new ScenarioConfig("redundancy", "big-once", Map.of()));
    String hash = m.fingerprint().substring(0, 12);
    List<String> comments = yaml.lines().filter(l -> l.startsWith("  # ")).toList();
    assertThat(comments).hasSize(4);
    assertThat(comments.get(1)).isEqualTo("  # rare-classes:3,5: smi, mean AUBC "
        + results.cells().stream().filter(c -> c.cell().strategy().equals("smi")).findFirst().orElseThrow().aubc()
            .format(4)
        + " over 12 seeds; vs random p = 0.0004883 (win); matrix picks@" + hash);
    assertThat(yaml).startsWith("# Recommended by alkit eval from matrix picks (fingerprint " + m.fingerprint());
  }

  @Test
  void whereNoStrategyBeatsRandomTheCommentSaysSoAndTheBestIsKept() {
    String threeSeeds = MATRIX.replace("seeds: 12", "seeds: 3");
    EvalResults results = Synthetic.results(threeSeeds, (scenario, strategy) -> Arrays.copyOf(aubc(scenario, strategy), 3));
    List<Recommendation.Choice> choices = Recommendation.choose(results);
    assertThat(choices).noneMatch(Recommendation.Choice::randomBeaten);
    assertThat(choices.get(0).cell().cell().strategy()).as("the best mean, none significant").isEqualTo("big-once");
    assertThat(Recommendation.yaml(results)).contains("  # no strategy beat random significantly at α = 0.05 (3 seeds;"
        + " a win needs 6); kept the best mean AUBC\n  - {name: balanced, strategy: big-once}");
  }

  @Test
  void aMatrixOfSeveralDataSetsIsRefusedBeforeItRuns() {
    EvalMatrix two = EvalMatrix.parse(MATRIX.replace("[optdigits]", "[optdigits, fashion-mnist]"), "two");
    assertThatThrownBy(() -> Recommendation.check(two)).isInstanceOf(InvalidInputException.class)
        .hasMessage("--recommend writes the run configuration of one data set; the matrix has 2: [optdigits, "
            + "fashion-mnist]; expected a matrix of one data set");
  }
}
