package org.alkit.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.alkit.api.AlException;
import org.alkit.api.ComputeBackend;
import org.alkit.api.FitPlan;
import org.alkit.api.FittedModel;
import org.alkit.api.Matrix;
import org.alkit.api.ModelAdapter;
import org.alkit.api.ModelProvider;
import org.alkit.api.NetworkTraining;
import org.alkit.api.Options;
import org.alkit.api.ScenarioHints;
import org.alkit.api.Selection;
import org.alkit.api.SelectionContext;
import org.alkit.api.Signal;
import org.alkit.api.Strategy;
import org.alkit.api.StrategyProvider;
import org.alkit.api.TrainingParticipant;
import org.alkit.commons.Probabilities;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The loop with strategies that need more than signals: capabilities bound before round 1 (or the
 * run refused in one line), and participants that take part in the logistic model's fits.
 */
class TrainingParticipationTest {
  @TempDir
  Path dir;

  private static final Dataset DATA = ActiveLearningLoopTest.blobs();
  private static final Registry REGISTRY = Registry.load();

  private static RunConfig config(String model, String backend) {
    return RunConfig.parse("dataset: blobs\nstrategy: participant\nmodel: " + model + "\nbackend: " + backend
        + "\ninitial-labeled: 6\nbudget: 4\nrounds: 4\nseed: 9\nmodel-options: {iterations: 40}\n");
  }

  private static final RunConfig LOGISTIC = config("logistic", "java");

  private static ModelAdapter model(RunConfig config) {
    ModelProvider p = REGISTRY.model(config.model());
    return p.create(p.options(config.modelOptions()));
  }

  private static ComputeBackend backend(RunConfig config) {
    var p = REGISTRY.backend(config.backend());
    return p.create(p.options(config.backendOptions()));
  }

  /** Runs {@code strategy} through the loop, with the notices it prints. */
  private static RunResult run(RunConfig config, StrategyProvider strategy, List<String> notices, RunJournal journal) {
    try (ActiveLearningLoop loop = new ActiveLearningLoop(config, DATA, new LoopParts(model(config), strategy,
        backend(config), OracleFactory.simulated(DATA)), REGISTRY)) {
      loop.onNotice(notices::add);
      return journal == null ? loop.run() : loop.run(ScenarioHints.none(), r -> {}, journal, 0);
    }
  }

  private static RunResult run(RunConfig config, StrategyProvider strategy) {
    return run(config, strategy, new ArrayList<>(), null);
  }

  private static List<String> picksAndAccuracies(RunResult r) {
    List<String> out = new ArrayList<>();
    r.rounds().forEach(round -> out.add(round.round() + " " + round.accuracy() + " " + Arrays.toString(round.selected())));
    out.add("final " + r.finalLabeledCount() + " " + r.finalAccuracy());
    return out;
  }

  /**
   * A participant over least confidence. It counts, over every fit of the run, how often each
   * item's predicted class changed from one iteration to the next (label dispersion), and picks
   * the items that changed most, least confident first among equals: its picks depend on every
   * fit it took part in. Optionally it trains each fit on {@code extra} with wrong labels.
   */
  static final class Participant implements Strategy, TrainingParticipant {
    final Set<FitPlan.Hook> hooks;
    final Set<FitPlan.Hook> requests;
    final int[] extra;
    final float weight;
    final List<Integer> fits = new ArrayList<>();
    final List<Integer> observations = new ArrayList<>();
    final List<Matrix> seen = new ArrayList<>();
    final int[] changes = new int[DATA.pool().rows()];
    int[] observed = new int[0];
    int[] predicted;

    Participant(Set<FitPlan.Hook> hooks, Set<FitPlan.Hook> requests, int[] extra, float weight) {
      this.hooks = hooks;
      this.requests = requests;
      this.extra = extra;
      this.weight = weight;
    }

    @Override
    public Set<FitPlan.Hook> hooks() {
      return hooks;
    }

    @Override
    public void beforeFit(FitPlan plan) {
      fits.add(plan.round());
      observations.add(0);
      if (requests.contains(FitPlan.Hook.EPOCH_PREDICTIONS)) {
        observed = plan.unlabeled();
        predicted = null;
        plan.observeEpochs(observed, (epoch, p) -> {
          observations.set(observations.size() - 1, epoch);
          assertThat(p.rows()).isEqualTo(observed.length);
          assertThat(p.cols()).isEqualTo(DATA.numClasses());
          int[] now = new int[p.rows()];
          for (int k = 0; k < now.length; k++) {
            now[k] = Probabilities.argmax(p, k);
            if (predicted != null && predicted[k] != now[k]) {
              changes[observed[k]]++;
            }
          }
          predicted = now;
        });
      }
      if (requests.contains(FitPlan.Hook.EXTRA_ITEMS)) {
        Set<Integer> unlabeled = Arrays.stream(plan.unlabeled()).boxed().collect(Collectors.toSet());
        int[] items = Arrays.stream(extra).filter(unlabeled::contains).toArray();
        int[] wrong = new int[items.length];
        float[] weights = new float[items.length];
        for (int k = 0; k < items.length; k++) {
          wrong[k] = (DATA.poolLabels()[items[k]] + 1) % DATA.numClasses();
          weights[k] = weight;
        }
        plan.addItems(items, wrong, weights);
      }
    }

    @Override
    public Selection select(SelectionContext ctx) {
      Matrix p = ctx.matrix(Signal.PROBABILITIES);
      seen.add(p);
      int[] unlabeled = ctx.unlabeled();
      double[] scores = new double[unlabeled.length];
      for (int k = 0; k < unlabeled.length; k++) {
        scores[k] = changes[unlabeled[k]] + (1 - p.get(unlabeled[k], Probabilities.argmax(p, unlabeled[k]))) / 2;
      }
      int[] top = ctx.backend().topK(scores, ctx.selectionSize());
      return Selection.of("participant", Options.resolve("participant", List.of(), Map.of()),
          Arrays.stream(top).map(k -> unlabeled[k]).toArray(), Arrays.stream(top).mapToDouble(k -> scores[k]).toArray());
    }
  }

  /** The provider of one participant, made once so the test can read it. */
  static StrategyProvider provider(Strategy strategy, Set<Class<?>> capabilities, Set<Signal> requires) {
    return new StrategyProvider() {
      @Override
      public String name() {
        return "participant";
      }

      @Override
      public Set<Signal> requires() {
        return requires;
      }

      @Override
      public Set<Class<?>> capabilities() {
        return capabilities;
      }

      @Override
      public Strategy create(Options options) {
        return strategy;
      }
    };
  }

  private static StrategyProvider provider(Strategy strategy) {
    return provider(strategy, Set.of(), Set.of(Signal.PROBABILITIES));
  }

  private static Participant observing() {
    return new Participant(Set.of(FitPlan.Hook.EPOCH_PREDICTIONS), Set.of(FitPlan.Hook.EPOCH_PREDICTIONS), new int[0], 0);
  }

  @Test
  void aParticipantTakesPartInEveryFitAndObservesEveryIteration() {
    Participant p = observing();
    RunResult result = run(LOGISTIC, provider(p));
    assertThat(p.fits).as("rounds of the fits it took part in, the final one last").containsExactly(1, 2, 3, 4, 5);
    assertThat(p.observations).as("iterations observed per fit (option iterations)").containsOnly(40);
    assertThat(Arrays.stream(p.changes).sum()).as("predicted classes change while the model trains").isPositive();
    assertThat(result.rounds()).hasSize(4);
  }

  @Test
  void aPlanThatRequestsNothingLeavesTheRunAsItWas() {
    Participant idle = new Participant(Set.of(FitPlan.Hook.EPOCH_PREDICTIONS), Set.of(), new int[0], 0);
    RunResult participating = run(LOGISTIC, provider(idle));
    RunResult plain = run(LOGISTIC, provider(new Participant(Set.of(), Set.of(), new int[0], 0)));
    assertThat(idle.fits).containsExactly(1, 2, 3, 4, 5);
    assertThat(picksAndAccuracies(participating)).isEqualTo(picksAndAccuracies(plain));
  }

  @Test
  void extraItemsTrainTheModelTowardsTheirLabels() {
    int[] extra = java.util.stream.IntStream.range(100, 130).toArray();
    Participant pseudo = new Participant(Set.of(FitPlan.Hook.EXTRA_ITEMS), Set.of(FitPlan.Hook.EXTRA_ITEMS), extra, 3f);
    Participant none = new Participant(Set.of(), Set.of(), new int[0], 0);
    run(LOGISTIC, provider(pseudo));
    run(LOGISTIC, provider(none));
    double with = 0;
    double without = 0;
    for (int i : extra) {
      int wrong = (DATA.poolLabels()[i] + 1) % DATA.numClasses();
      with += pseudo.seen.get(0).get(i, wrong);
      without += none.seen.get(0).get(i, wrong);
    }
    assertThat(with / extra.length).as("mean probability of the extra items' given (wrong) labels, round 1; %s without",
        without / extra.length).isGreaterThan(without / extra.length + 0.3);
  }

  @Test
  void aHookTheModelCannotPerformIsRefusedBeforeRoundOne() {
    Participant head = new Participant(Set.of(FitPlan.Hook.AUXILIARY_HEAD, FitPlan.Hook.EPOCH_PREDICTIONS), Set.of(),
        new int[0], 0);
    assertThatThrownBy(() -> run(LOGISTIC, provider(head)))
        .isInstanceOf(AlException.class)
        .hasMessage("strategy 'participant' takes part in training with hooks epoch-predictions, auxiliary-head, and "
            + "model 'logistic' does not perform auxiliary-head (it performs extra-items, epoch-predictions)");
    assertThat(head.fits).as("no fit ran").isEmpty();
    assertThatThrownBy(() -> run(config("committee", "java"), provider(observing())))
        .isInstanceOf(AlException.class)
        .hasMessage("strategy 'participant' takes part in training with hooks epoch-predictions, which model "
            + "'committee' does not perform: it offers no training hooks");
  }

  @Test
  void aHookRequestedButNotDeclaredIsAnError() {
    Participant sly = new Participant(Set.of(), Set.of(FitPlan.Hook.EPOCH_PREDICTIONS), new int[0], 0);
    assertThatThrownBy(() -> run(LOGISTIC, provider(sly)))
        .isInstanceOf(AlException.class)
        .hasMessage("strategy 'participant' requested hooks epoch-predictions for the fit of round 1 but declares only "
            + "none (TrainingParticipant.hooks())");
  }

  @Test
  void missingCapabilitiesAndSignalsAreRefusedBeforeRoundOneInOneLine() {
    ModelAdapter embeddingsOnly = new ModelAdapter() {
      @Override
      public Set<Signal> offers() {
        return Set.of(Signal.EMBEDDINGS);
      }

      @Override
      public FittedModel fit(Matrix f, int[] l, int[] y, int c, long s) {
        throw new AssertionError("fit must not run before the check");
      }
    };
    interface Telescope {}
    StrategyProvider needy = provider(observing(), Set.of(Telescope.class, NetworkTraining.class),
        Set.of(Signal.PROBABILITIES));
    try (ComputeBackend javaBackend = backend(LOGISTIC)) {
      ActiveLearningLoop loop = new ActiveLearningLoop(LOGISTIC, DATA, new LoopParts(embeddingsOnly, needy, javaBackend,
          OracleFactory.simulated(DATA)), REGISTRY);
      assertThatThrownBy(loop::run)
          .isInstanceOf(AlException.class)
          .hasMessageContaining("strategy 'participant' requires probabilities, which model 'logistic' does not "
              + "provide; ")
          .hasMessageContaining("strategy 'participant' needs Telescope; backend 'java' does not offer it and no "
              + "installed backend does")
          .hasMessageContaining("strategy 'participant' needs NetworkTraining; backend 'java' does not offer it and no "
              + "installed backend does: put al-gpu on the path")
          .hasMessageContaining("takes part in training with hooks epoch-predictions, which model 'logistic' does not "
              + "perform: it offers no training hooks")
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }
  }

  /** Reads the capability in every round. */
  private static final class Reader implements Strategy {
    final List<Integer> threads = new ArrayList<>();

    @Override
    public Selection select(SelectionContext ctx) {
      threads.add(ctx.capability(CapableTestBackendProvider.Capability.class).orElseThrow().threads());
      return new Participant(Set.of(), Set.of(), new int[0], 0).select(ctx);
    }
  }

  @Test
  void aCapabilityComesFromTheConfiguredBackendOrOneCreatedForTheRunOnOneThread() {
    Set<Class<?>> needs = Set.of(CapableTestBackendProvider.Capability.class);
    Reader fromJava = new Reader();
    int before = CapableTestBackendProvider.MADE.size();
    run(LOGISTIC, provider(fromJava, needs, Set.of(Signal.PROBABILITIES)));
    assertThat(fromJava.threads).as("the created backend's threads, every round").containsExactly(1, 1, 1, 1);
    List<CapableTestBackendProvider.Made> made = CapableTestBackendProvider.MADE.subList(before,
        CapableTestBackendProvider.MADE.size());
    assertThat(made).as("one backend created for the run, closed with it").hasSize(1)
        .allSatisfy(m -> assertThat(m.closed).isTrue());

    Reader fromConfigured = new Reader();
    RunConfig capable = RunConfig.parse("dataset: blobs\nstrategy: participant\nbackend: test-capable\n"
        + "backend-options: {threads: 3}\ninitial-labeled: 6\nbudget: 4\nrounds: 2\nseed: 9\n"
        + "model-options: {iterations: 40}\n");
    int configured = CapableTestBackendProvider.MADE.size();
    run(capable, provider(fromConfigured, needs, Set.of(Signal.PROBABILITIES)));
    assertThat(fromConfigured.threads).as("the configured backend's").containsExactly(3, 3);
    assertThat(CapableTestBackendProvider.MADE.size()).as("only the configured backend").isEqualTo(configured + 1);
  }

  @Test
  void withoutAModelAParticipantIsRefused() {
    StrategyProvider p = provider(observing());
    try (ComputeBackend javaBackend = backend(LOGISTIC)) {
      assertThatThrownBy(() -> CapabilityBinding.bind(p, p.defaults(), observing(), Optional.empty(),
          Optional.empty(), javaBackend, REGISTRY::backends))
          .isInstanceOf(AlException.class)
          .hasMessage("strategy 'participant' takes part in the classifier's training (hooks epoch-predictions), and "
              + "no model is fitted here (alkit select fits none): run it in a loop (alkit run)");
    }
  }

  /** Every file of a journal, by relative path, with its bytes as text. */
  private static Map<String, String> files(Path journal) throws IOException {
    try (Stream<Path> all = Files.walk(journal)) {
      return all.filter(Files::isRegularFile).collect(Collectors.toMap(f -> journal.relativize(f).toString(), f -> {
        try {
          return Files.readString(f);
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }, (a, b) -> a, java.util.TreeMap::new));
    }
  }

  @Test
  void aResumedParticipantRunRerunsItsRecordedRoundsAndEndsAsTheUninterruptedOne() throws IOException {
    RunResult whole = run(LOGISTIC, provider(observing()));
    Path cut = dir.resolve("cut");
    try (RunJournal journal = RunJournal.create(cut, LOGISTIC, DATA)) {
      run(LOGISTIC, provider(observing()), new ArrayList<>(), journal);
    }
    Map<String, String> complete = files(cut);
    Files.delete(cut.resolve("rounds/final.yml"));
    Files.delete(cut.resolve("rounds/round-0004.yml"));
    Files.delete(cut.resolve("rounds/round-0003.yml"));
    Participant resumed = observing();
    RunResult again;
    try (RunJournal journal = RunJournal.resume(cut, LOGISTIC, DATA)) {
      again = run(LOGISTIC, provider(resumed), new ArrayList<>(), journal);
    }
    assertThat(resumed.fits).as("the recorded rounds' fits ran again").containsExactly(1, 2, 3, 4, 5);
    assertThat(again.rounds()).extracting(RoundResult::replayed).containsExactly(true, true, false, false);
    assertThat(picksAndAccuracies(again)).isEqualTo(picksAndAccuracies(whole));
    assertThat(files(cut)).isEqualTo(complete);
    // a participant whose state no longer matches the journal's picks is told so
    Path other = dir.resolve("other");
    try (RunJournal journal = RunJournal.create(other, LOGISTIC, DATA)) {
      run(LOGISTIC, provider(observing()), new ArrayList<>(), journal);
    }
    Files.delete(other.resolve("rounds/final.yml"));
    try (RunJournal journal = RunJournal.resume(other, LOGISTIC, DATA)) {
      Participant plain = new Participant(Set.of(FitPlan.Hook.EPOCH_PREDICTIONS), Set.of(), new int[0], 0);
      assertThatThrownBy(() -> run(LOGISTIC, provider(plain), new ArrayList<>(), journal))
          .isInstanceOf(org.alkit.api.InvalidInputException.class)
          .hasMessageContaining("rounds/round-0001.yml is damaged (strategy 'participant' picks [")
          .hasMessageContaining("when the round runs again, not the recorded [");
    }
  }
}
