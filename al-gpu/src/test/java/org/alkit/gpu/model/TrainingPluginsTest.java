package org.alkit.gpu.model;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;

import com.example.training.CealLiteProvider;
import com.example.training.ForgettingEventsProvider;
import com.example.training.LossPredictionLiteProvider;
import com.example.training.VaalLiteProvider;
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
import org.alkit.api.Matrix;
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
 * The four test plugins of {@code com.example.training} (forgetting events, CEAL, learning loss,
 * VAAL, lite), written against al-api and DJL's API alone, each run through the real loop on
 * optdigits with the {@code mlp} for two rounds: the hooks are called with the right shapes, extra
 * items change the fit, the head learns the loss, the discriminator separates labeled from
 * unlabeled items, and the picks obey the contract.
 */
class TrainingPluginsTest {
  private static final TestData.Labeled DIGITS = TestData.optdigits();
  private static final Dataset DATA = Dataset.split("optdigits", DIGITS.x(), DIGITS.y(), 10, 0.25, 1);
  private static final Registry REGISTRY = Registry.load();
  private static final int POOL = DATA.pool().rows();

  /** The mlp's epochs: enough for its predictions to settle and for the loss-prediction head to learn. */
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
    assertThat(plugins).hasSizeGreaterThanOrEqualTo(4);
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

  @Test
  void cealsPseudoLabelsJoinTheNextFitAndChangeIt() {
    CealLiteProvider provider = new CealLiteProvider();
    RunResult ceal = run(config(provider.name(), "strategy-options: {threshold: 0.05}"), provider);
    CealLiteProvider.Ceal strategy = provider.last();
    assertThat(strategy.added()).hasSize(3);
    assertThat(strategy.added().get(0)).as("nothing before the first selection").isEmpty();
    int[] items = strategy.added().get(1);
    int[] labels = strategy.addedLabels().get(1);
    // measured: 124 items, of which all but a few right
    assertThat(items.length).as("confident items after round 1").isGreaterThan(50);
    int right = 0;
    for (int k = 0; k < items.length; k++) {
      right += labels[k] == DATA.poolLabels()[items[k]] ? 1 : 0;
    }
    assertThat((double) right / items.length).as("pseudo-label precision").isGreaterThan(0.9);
    CealLiteProvider none = new CealLiteProvider();
    RunResult plain = run(config(none.name(), "strategy-options: {threshold: 0}"), none);
    assertThat(none.last().added()).allSatisfy(a -> assertThat(a).isEmpty());
    assertThat(ceal.rounds().get(0).selected()).as("round 1 fits no pseudo-label")
        .isEqualTo(plain.rounds().get(0).selected());
    assertThat(ceal.rounds().get(1).accuracy()).as("round 2's fit with pseudo-labels")
        .isNotEqualTo(plain.rounds().get(1).accuracy());
  }

  @Test
  void theLossPredictionHeadRanksItemsByTheirTrueLoss() {
    LossPredictionLiteProvider provider = new LossPredictionLiteProvider();
    run(config(provider.name(), ""), provider);
    LossPredictionLiteProvider.LossPrediction strategy = provider.last();
    Matrix predicted = strategy.predictedLosses();
    Matrix p = strategy.probabilities();
    assertThat(predicted.rows()).isEqualTo(POOL);
    assertThat(predicted.cols()).isEqualTo(1);
    int[] truth = DATA.poolLabels();
    double[] a = new double[POOL];
    double[] b = new double[POOL];
    for (int i = 0; i < POOL; i++) {
      a[i] = predicted.get(i, 0);
      b[i] = -Math.log(Math.max(p.get(i, truth[i]), 1e-12));
    }
    // measured: 0.37 (0.09 after 60 epochs: the head learns as the classifier settles)
    assertThat(spearman(a, b)).as("rank correlation of predicted and true cross-entropy over the pool (0: chance)")
        .isGreaterThan(0.25);
  }

  @Test
  void vaalsDiscriminatorSeparatesLabeledFromUnlabeledOnTheConfiguredEngine() {
    VaalLiteProvider provider = new VaalLiteProvider();
    List<String> notices = new ArrayList<>();
    RunResult onJava = run(config(provider.name(), ""), provider, notices);
    assertThat(notices).as("backend java: a djl backend is created to train the strategy's networks").containsExactly(
        "strategy 'vaal-lite' trains its networks on PyTorch (DJL), cpu, 1 thread (backend 'djl', created for this "
            + "strategy)");
    float[] scores = provider.last().lastScores();
    boolean[] labeled = new boolean[POOL];
    for (int i : provider.last().lastLabeled()) {
      labeled[i] = true;
    }
    // measured: 0.76
    assertThat(auc(scores, labeled)).as("AUC of the discriminator, labeled vs unlabeled (0.5: chance)")
        .isGreaterThan(0.7);

    VaalLiteProvider onDjl = new VaalLiteProvider();
    List<String> djlNotices = new ArrayList<>();
    RunResult configured = run(config(onDjl.name(), "backend: djl\nbackend-options: {device: cpu, threads: 1}\n"),
        onDjl, djlNotices);
    assertThat(djlNotices).as("backend djl: its own engine, device and threads").containsExactly(
        "strategy 'vaal-lite' trains its networks on PyTorch (DJL), cpu, 1 thread (backend 'djl')");
    assertThat(configured.rounds()).extracting(RoundResult::selected).as("the same engine, device, threads and seed")
        .containsExactlyElementsOf(onJava.rounds().stream().map(RoundResult::selected).toList());
    assertThat(onDjl.last().lastScores()).containsExactly(scores);
  }

  /** The probability that a positive item scores above a negative one (ties count half). */
  private static double auc(float[] scores, boolean[] positive) {
    double wins = 0;
    long pairs = 0;
    for (int i = 0; i < scores.length; i++) {
      if (!positive[i]) {
        continue;
      }
      for (int j = 0; j < scores.length; j++) {
        if (!positive[j]) {
          wins += scores[i] > scores[j] ? 1 : scores[i] == scores[j] ? 0.5 : 0;
          pairs++;
        }
      }
    }
    return wins / pairs;
  }

  private static double spearman(double[] a, double[] b) {
    double[] ra = ranks(a);
    double[] rb = ranks(b);
    double ma = Arrays.stream(ra).average().orElse(0);
    double mb = Arrays.stream(rb).average().orElse(0);
    double num = 0;
    double da = 0;
    double db = 0;
    for (int i = 0; i < a.length; i++) {
      num += (ra[i] - ma) * (rb[i] - mb);
      da += (ra[i] - ma) * (ra[i] - ma);
      db += (rb[i] - mb) * (rb[i] - mb);
    }
    return num / Math.sqrt(da * db);
  }

  private static double[] ranks(double[] v) {
    Integer[] order = IntStream.range(0, v.length).boxed().toArray(Integer[]::new);
    Arrays.sort(order, (x, y) -> Double.compare(v[x], v[y]));
    double[] r = new double[v.length];
    for (int k = 0; k < order.length; k++) {
      r[order[k]] = k;
    }
    return r;
  }
}
