package org.alkit.gpu.model;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;

import com.example.training.ForgettingEventsProvider;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.alkit.api.BackendProvider;
import org.alkit.api.ComputeBackend;
import org.alkit.api.StrategyProvider;
import org.alkit.runtime.ActiveLearningLoop;
import org.alkit.runtime.Dataset;
import org.alkit.runtime.LoopParts;
import org.alkit.runtime.OracleFactory;
import org.alkit.runtime.Registry;
import org.alkit.runtime.RoundResult;
import org.alkit.runtime.RunConfig;
import org.alkit.runtime.RunResult;
import org.junit.jupiter.api.Test;

/**
 * The test plugin of {@code com.example.training} (forgetting events, lite), written against
 * al-api and DJL's API alone, run through the real loop on optdigits with the {@code mlp} for two
 * rounds: the epoch hook is called with the right shapes, and the picks obey the contract.
 * Learning loss and VAAL, lite plugins here before, are real strategies now (al-strategies-deep,
 * held to the same rule by its {@code PluginDependenciesTest}); CEAL is a loop option
 * ({@code pseudo-labels}) that trains through the same extra-items hook, and a participant's extra
 * items are tested in al-runtime's {@code TrainingParticipationTest}.
 */
class TrainingPluginsTest {
  private static final TestData.Labeled DIGITS = TestData.optdigits();
  private static final Dataset DATA = Dataset.split("optdigits", DIGITS.x(), DIGITS.y(), 10, 0.25, 1);
  private static final Registry REGISTRY = Registry.load();
  private static final int POOL = DATA.pool().rows();

  /** The mlp's epochs: enough for its predictions to settle. */
  private static final int EPOCHS = 150;

  private static RunConfig config(String strategy, String extra) {
    return RunConfig.parse("dataset: optdigits\nstrategy: " + strategy + "\nmodel: mlp\n"
        + "model-options: {hidden: '64', epochs: " + EPOCHS + ", mc-samples: 2}\ninitial-labeled: 100\nbudget: 20\n"
        + "rounds: 2\nseed: 3\n" + extra);
  }

  private static RunResult run(RunConfig config, StrategyProvider strategy, List<String> notices) {
    MlpModelProvider mlp = new MlpModelProvider();
    BackendProvider backend = REGISTRY.backend(config.backend());
    ComputeBackend compute = backend.create(backend.options(config.backendOptions()));
    try (ActiveLearningLoop loop = new ActiveLearningLoop(config, DATA, new LoopParts(
        mlp.create(mlp.options(config.modelOptions())), strategy, compute, OracleFactory.simulated(DATA)), REGISTRY)) {
      RunResult result = loop.onNotice(notices::add).run();
      assertObeysTheContract(result, config);
      return result;
    }
  }

  private static RunResult run(RunConfig config, StrategyProvider strategy) {
    return run(config, strategy, new ArrayList<>());
  }

  /** Every round picked the budget in distinct items never labeled before. */
  private static void assertObeysTheContract(RunResult result, RunConfig config) {
    assertThat(result.rounds()).hasSize(config.rounds());
    Set<Integer> taken = new HashSet<>();
    for (RoundResult r : result.rounds()) {
      assertThat(r.selected()).hasSize(config.budget());
      for (int i : r.selected()) {
        assertThat(i).isBetween(0, POOL - 1);
        assertThat(taken.add(i)).as("item %d picked twice", i).isTrue();
      }
    }
  }

  @Test
  void thePluginsDependOnAlApiAndDjlAlone() {
    JavaClasses plugins = new ClassFileImporter().withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
        .importPackages("com.example.training");
    assertThat(plugins.contain(ForgettingEventsProvider.class)).isTrue();
    classes().should().onlyDependOnClassesThat()
        .resideInAnyPackage("java..", "org.alkit.api..", "ai.djl..", "com.example.training..")
        .because("a plugin that trains depends on al-api and the engine's own API, never on al-gpu or alkit internals")
        .check(plugins);
  }

  @Test
  void forgettingEventsObserveEveryEpochOfEveryFit() {
    ForgettingEventsProvider provider = new ForgettingEventsProvider();
    run(config(provider.name(), ""), provider);
    ForgettingEventsProvider.Forgetting strategy = provider.last();
    assertThat(strategy.epochs()).as("the final fit's epochs, in order").containsExactlyElementsOf(
        IntStream.rangeClosed(1, EPOCHS).boxed().toList());
    List<String> expected = new ArrayList<>();
    for (int unlabeled : new int[] {POOL - 100, POOL - 120, POOL - 140}) {
      expected.addAll(java.util.Collections.nCopies(EPOCHS, unlabeled + "x10"));
    }
    assertThat(strategy.shapes()).as("each observation: the unlabeled items x the classes, every epoch of every fit")
        .isEqualTo(expected);
    double[] scores = strategy.lastScores();
    assertThat(Arrays.stream(scores).filter(s -> s >= 1).count()).as("items forgotten at least once").isPositive();
  }

}
