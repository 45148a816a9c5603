package org.alkit.eval.matrix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Path;
import java.util.Map;
import org.alkit.api.InvalidInputException;
import org.alkit.eval.data.Scenario;
import org.alkit.runtime.PseudoLabels;
import org.alkit.runtime.RunConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EvalMatrixTest {
  static final String YAML = """
      name: tiny
      datasets: [optdigits]
      scenarios: [balanced, rare-classes:3, "ood:8,9"]
      strategies:
        - random
        - {name: margin}
        - {name: similar, label: smi, options: {function: flvmi}, scenarios: [rare-classes, "ood:8,9"]}
        - {name: similar, options: {function: flcmi, eta: 2}, scenarios: [ood]}
      seeds: 2
      model-options: {l2: 0.05}
      initial-labeled: 10
      budget: 5
      rounds: 2
      target-accuracy: 0.8
      parallel: 2
      """;

  @Test
  void parsesEveryKey() {
    EvalMatrix m = EvalMatrix.parse(YAML, "fallback");
    assertThat(m.name()).isEqualTo("tiny");
    assertThat(m.datasets()).containsExactly("optdigits");
    assertThat(m.scenarios()).extracting(Scenario::spec).containsExactly("balanced", "rare-classes:3", "ood:8,9");
    assertThat(m.seeds()).containsExactly(1L, 2L);
    assertThat(m.template().model()).isEqualTo("logistic");
    assertThat(m.template().modelOptions()).isEqualTo(Map.of("l2", "0.05"));
    assertThat(m.template().backendOptions()).as("each run's backend gets one thread by default")
        .isEqualTo(Map.of("threads", "1"));
    assertThat(m.template().initialLabeled()).isEqualTo(10);
    assertThat(m.template().budget()).isEqualTo(5);
    assertThat(m.targetAccuracy()).isEqualTo(0.8);
    assertThat(m.alpha()).isEqualTo(0.05);
    assertThat(m.parallel()).isEqualTo(2);
    assertThat(m.strategies()).extracting(EvalMatrix.StrategySpec::label)
        .containsExactly("random", "margin", "smi", "similar(eta=2,function=flcmi)");
  }

  @Test
  void runsFollowTheStrategiesScenarioFilter() {
    EvalMatrix m = EvalMatrix.parse(YAML, "x");
    // balanced: random, margin; rare-classes: + smi; ood: + smi + flcmi — each twice (two seeds)
    assertThat(m.runs()).hasSize(2 * (2 + 3 + 4));
    assertThat(m.runs()).filteredOn(r -> r.key().scenario().equals("balanced"))
        .extracting(r -> r.key().strategy()).containsOnly("random", "margin");
    EvalMatrix.Run first = m.runs().get(0);
    assertThat(m.config(first).seed()).isEqualTo(1);
    assertThat(m.config(first).strategy()).isEqualTo("random");
    assertThat(m.config(first).dataset()).isEqualTo("optdigits");
  }

  @Test
  void seedsMayBeAList() {
    EvalMatrix m = EvalMatrix.parse(YAML.replace("seeds: 2", "seeds: [7, 11]"), "x");
    assertThat(m.seeds()).containsExactly(7L, 11L);
  }

  @Test
  void fingerprintCoversWhatChangesResultsOnly() {
    EvalMatrix m = EvalMatrix.parse(YAML, "x");
    assertThat(EvalMatrix.parse(YAML.replace("parallel: 2", "parallel: 1").replace("name: tiny", "name: other"), "x")
        .fingerprint()).isEqualTo(m.fingerprint());
    assertThat(EvalMatrix.parse(YAML.replace("budget: 5", "budget: 6"), "x").fingerprint())
        .isNotEqualTo(m.fingerprint());
    assertThat(EvalMatrix.parse(YAML.replace("flvmi", "gcmi"), "x").fingerprint()).isNotEqualTo(m.fingerprint());
  }

  @Test
  void badInputNamesTheKeyAndWhatIsExpected() {
    assertThatThrownBy(() -> EvalMatrix.parse(YAML + "dataset: optdigits\n", "x"))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("'dataset'").hasMessageContaining("datasets");
    assertThatThrownBy(() -> EvalMatrix.parse(YAML.replace("budget: 5", "budget: 0"), "x"))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("budget = 0");
    assertThatThrownBy(() -> EvalMatrix.parse(YAML.replace("seeds: 2", "seeds: 0"), "x"))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("seeds = 0");
    assertThatThrownBy(() -> EvalMatrix.parse(YAML.replace("- {name: margin}", "- {name: margin, label: random}"),
        "x")).isInstanceOf(InvalidInputException.class).hasMessageContaining("'random' twice");
    assertThatThrownBy(() -> EvalMatrix.parse(YAML.replace("- {name: margin}", "- {name: margin, opts: {}}"), "x"))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("'opts'").hasMessageContaining("options");
    assertThatThrownBy(() -> EvalMatrix.parse(YAML.replace("target-accuracy: 0.8", "target-accuracy: 2"), "x"))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("target-accuracy = 2");
    assertThatThrownBy(() -> EvalMatrix.parse("name: [", "x")).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("malformed YAML");
    assertThatThrownBy(() -> EvalMatrix.parse(YAML.replace("scenarios: [balanced, ", "scenarios: [sideways, "), "x"))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("sideways");
  }

  @Test
  void aStrategysPseudoLabelsReachItsRunsAndAreReadWithTheirKeyPath() {
    String ceal = YAML.replace("- {name: margin}", "- {name: margin, pseudo-labels: {threshold: 0.2}}");
    EvalMatrix m = EvalMatrix.parse(ceal, "x");
    EvalMatrix.StrategySpec margin = m.strategies().get(1);
    assertThat(margin.pseudoLabels()).contains(new PseudoLabels(0.2, 0));
    assertThat(m.config(margin).pseudoLabels()).isEqualTo(margin.pseudoLabels());
    assertThat(m.runs()).filteredOn(r -> r.strategy().equals(margin))
        .allSatisfy(r -> assertThat(m.config(r).pseudoLabels()).contains(new PseudoLabels(0.2, 0)));
    assertThat(m.config(m.strategies().get(0)).pseudoLabels()).isEmpty();
    assertThat(m.fingerprint()).isNotEqualTo(EvalMatrix.parse(YAML, "x").fingerprint());
    assertThatThrownBy(() -> EvalMatrix.parse(ceal.replace("threshold: 0.2", "threshold: -1"), "x"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("strategies[1].pseudo-labels.threshold = -1.0; expected a finite threshold >= 0");
    assertThatThrownBy(() -> EvalMatrix.parse(ceal.replace("{threshold: 0.2}", "0.2"), "x"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("strategies[1].pseudo-labels = 0.2; expected {threshold: δ₀, decay: d}");
    assertThatThrownBy(() -> EvalMatrix.parse(ceal.replace("threshold: 0.2", "threshold: 0.2, rate: 1"), "x"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("strategies[1].pseudo-labels has an unknown key 'rate'; known keys: threshold, decay");
    EvalMatrix proxied = EvalMatrix.parse(ceal + "selection-model: committee\n", "x");
    assertThatThrownBy(() -> proxied.config(margin)).isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("pseudo-labels with selection-model 'committee'; expected one of the two");
  }

  @Test
  void loadNamesAMissingFile() {
    assertThatThrownBy(() -> EvalMatrix.load(Path.of("no-such-matrix.yml")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("no-such-matrix.yml");
  }

  /** A matrix is read as a run configuration is: the same mistake, the same message. */
  @ParameterizedTest
  @ValueSource(strings = {"budget: 3\nbudget: 4\n", "budget: ten\n", "model-options: 3\n", "model: [a, b]\n", "backend-options: {threads: [1]}\n",
      "model: !!java.io.File [/etc/passwd]\n"})
  void aMistakeReadsAsInARunConfiguration(String mistake) {
    Throwable inRun = catchThrowable(() -> RunConfig.parse(mistake));
    assertThat(inRun).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> EvalMatrix.parse(mistake + "datasets: [optdigits]\nscenarios: [balanced]\n"
        + "strategies: [random]\nseeds: 1\n", "x")).isInstanceOf(InvalidInputException.class)
        .hasMessage(inRun.getMessage());
  }
}
