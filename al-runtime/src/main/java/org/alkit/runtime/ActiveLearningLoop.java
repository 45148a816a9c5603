package org.alkit.runtime;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.google.inject.Inject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.alkit.api.AlException;
import org.alkit.api.BackendProvider;
import org.alkit.api.ComputeBackend;
import org.alkit.api.FitPlan;
import org.alkit.api.FittedModel;
import org.alkit.api.InvalidInputException;
import org.alkit.api.Matrix;
import org.alkit.api.ModelAdapter;
import org.alkit.api.Options;
import org.alkit.api.Oracle;
import org.alkit.api.Refitting;
import org.alkit.api.ScenarioHints;
import org.alkit.api.Selection;
import org.alkit.api.SelectionContext;
import org.alkit.api.Signal;
import org.alkit.api.StatefulStrategy;
import org.alkit.api.Strategy;
import org.alkit.api.StrategyProvider;
import org.alkit.api.TrainingHooks;
import org.alkit.api.TrainingParticipant;
import org.alkit.commons.Probabilities;
import org.apiguardian.api.API;

/**
 * Pool-based active learning (Settles 2009, "Active Learning Literature Survey", §2): label
 * {@code initialLabeled} random pool items, then for each of {@code rounds} rounds fit the model on
 * the labeled set, measure test accuracy, let the strategy pick {@code budget} unlabeled items and
 * ask the oracle for their labels. A last fit after the final round gives the final accuracy.
 *
 * <p>The capability check runs before round 1: the signals ({@link CapabilityCheck}) and what the
 * strategy needs besides ({@link CapabilityBinding}: the capabilities it declares, bound into every
 * round's context, and a participant's training hooks), reported in one message. Each round's
 * context is assembled from the fitted model's signals by {@link ContextAssembly}, as
 * {@code alkit select} assembles it from files. Signals are lazy: a signal the strategy never reads is never computed. {@link Signal#PREVIOUS_PROBABILITIES} are the
 * previous round's pool probabilities, from round 2 on. Reproducible (Tribuo's {@code rng.split()}
 * discipline): a root {@link SplittableRandom} of {@code seed} is split once for the initial draw
 * and once per round, and each round's split seeds its fit and its selection.
 *
 * <p>A strategy that is a {@link TrainingParticipant} gets each fit's {@link FitPlan} first (each
 * round's, then the final fit's, whose round is one past the last); when the plan requests a hook
 * the loop fits through the model's {@link org.alkit.api.TrainingHooks}, otherwise through
 * {@link ModelAdapter#fit} as for any strategy. A resumed run re-runs a participant's recorded
 * rounds (fit and selection; labels from the journal, no oracle) and checks that they pick what
 * the journal holds, so the participant's state is the uninterrupted run's. A
 * {@link StatefulStrategy}'s state is recorded with each round it selects in; a resumed run
 * restores the last recorded one before its first new selection.
 *
 * <p>A strategy that declares {@link Refitting} (expected error reduction) reads each round's
 * fitted selecting model as the capability {@code FittedModel.class}, the model it refits.
 *
 * <p><b>Selection via proxy</b> (Coleman et al., ICLR 2020): with a {@code selection-model} the
 * strategy reads the signals of that model, fitted each round on the same labels with the same
 * seed, while accuracy is measured with {@code model}; a participant takes part in the selection
 * model's fits (each round's), and the final fit is {@code model}'s alone.
 * {@link RoundResult#selectionFitMillis()} times the fit whose signals the strategy reads,
 * {@link RoundResult#fitMillis()} the fit of the measured model (the same one without a selection
 * model).
 *
 * <p><b>Prediction history.</b> When the strategy requires or uses
 * {@link Signal#PREDICTION_HISTORY}, each round's fit of the selecting model observes its epochs
 * ({@link FitPlan#observeEpochs}, through the model's {@link org.alkit.api.TrainingHooks}) and the
 * predicted class of every pool item after each epoch becomes the signal; observing leaves the fit
 * as it would be unobserved.
 *
 * <p>With {@link RunConfig#pseudoLabels()} (CEAL), each fit after the first also trains on the
 * unlabeled items the previous fit predicts with an entropy below the round's threshold, labelled
 * with their predicted class ({@link PseudoLabels}), through the model's training hooks; they never
 * join the labeled set. Each round records how many it used and how many were wrong
 * ({@link RoundResult#pseudoLabels()}, the journal's {@code pseudo-labels}); a resumed run fits
 * its recorded rounds again, as for a participant, so their pseudo-labels are the same.
 *
 * <p>With {@link RunConfig#engine()} other than {@value SelectionEngine#LOCAL}, each round's
 * selection runs on that {@link SelectionEngine} ({@link SelectionEngine#rounds}: al-spark's
 * {@code spark} scores the pool's partitions in its executors), from the context the loop assembled
 * here; the model fits in this JVM. The engine checks the strategy before round 1.
 *
 * <p>{@link Runs#assemble} makes every loop (for {@code alkit run}, {@code alkit eval} and the
 * labeling service): the loop is the root of its Guice injector's object graph and owns the
 * {@link ComputeBackend} of its {@link LoopParts}: {@link #close()} shuts the backend down.
 *
 * <p>Experimental: it takes the experimental {@link org.alkit.api.Oracle}, {@link RunConfig} and
 * {@link Dataset}.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class ActiveLearningLoop implements AutoCloseable {
  private final RunConfig config;
  private final Dataset dataset;
  private final ModelAdapter model;
  private final Optional<ModelAdapter> selectionModel;
  private final StrategyProvider strategy;
  private final ComputeBackend backend;
  private final Oracle oracle;
  private final Supplier<? extends Collection<BackendProvider>> installed;
  private Consumer<String> notices = line -> {};

  /**
   * A loop over {@code dataset} with {@code parts} ({@link Runs#assemble} has Guice provide them by
   * the names {@code config} gives); a capability the strategy needs and the backend lacks is
   * looked for among {@code registry}'s backends ({@link CapabilityBinding}).
   */
  @API(status = EXPERIMENTAL, since = "0.2")
  @Inject
  public ActiveLearningLoop(RunConfig config, Dataset dataset, LoopParts parts, Registry registry) {
    this.config = config;
    this.dataset = dataset;
    this.model = parts.model();
    this.selectionModel = parts.selectionModel();
    this.strategy = parts.strategy();
    this.backend = parts.backend();
    this.oracle = parts.oracle();
    this.installed = registry::backends;
  }

  /**
   * Where the loop reports, before round 1, which engine, device and threads train the strategy's
   * networks ({@link CapabilityBinding#notices()}), one line each; by default nowhere.
   */
  @API(status = EXPERIMENTAL, since = "0.2")
  public ActiveLearningLoop onNotice(Consumer<String> sink) {
    this.notices = Objects.requireNonNull(sink, "sink");
    return this;
  }

  /** Runs without scenario hints and without a listener. */
  public RunResult run() {
    return run(ScenarioHints.none(), round -> {});
  }

  /**
   * Runs every round.
   *
   * @param hints the scenario's hints, passed to the strategy; query and private items given as
   *     feature rows are rows of the dataset's features, which each round's model embeds
   * @param listener called after each round, e.g. for progress output
   * @throws org.alkit.api.MissingSignalException if the model lacks a signal the strategy requires
   * @throws InvalidInputException if {@code initialLabeled} exceeds the pool, or on a bad option
   * @throws AlException if the strategy breaks its contract (a labeled, duplicate or missing pick)
   */
  public RunResult run(ScenarioHints hints, Consumer<RoundResult> listener) {
    return run(hints, listener, Optional.empty());
  }

  /**
   * Runs every round, each written to {@code journal} before the next one starts; rounds the
   * journal already holds are replayed from it (their picks and labels, no fit, no selection, no
   * oracle), so a killed run continues where it stopped and ends as an uninterrupted one would.
   * Replayed rounds reach {@code listener} with {@link RoundResult#REPLAYED} as their time.
   *
   * @param scenario the scenario's position in the configuration (0 for a run without scenarios)
   * @throws InvalidInputException as {@link #run(ScenarioHints, Consumer)}, and when a recorded
   *     round does not fit this run (the journal is damaged)
   */
  public RunResult run(ScenarioHints hints, Consumer<RoundResult> listener, RunJournal journal, int scenario) {
    return run(hints, listener, Optional.of(journal.track(scenario)));
  }

  private RunResult run(ScenarioHints hints, Consumer<RoundResult> listener, Optional<RunJournal.Track> track) {
    try (Preparation prepared = prepare(config, selecting(), strategy, backend, installed)) {
      prepared.binding().notices().forEach(notices);
      return run(hints, listener, track, prepared);
    }
  }

  /** The model whose signals the strategy reads: the selection model, else the model. */
  private ModelAdapter selecting() {
    return selectionModel.orElse(model);
  }

  /**
   * The strategy of {@code config} made from its options, and its needs checked and bound: the
   * signals of {@code selecting} (the model whose signals it reads), the capabilities the strategy
   * declares, a participant's hooks ({@link CapabilityBinding}). What a loop does before round 1,
   * and what {@link Runs#check} does without one.
   */
  static Preparation prepare(RunConfig config, ModelAdapter selecting, StrategyProvider strategy,
      ComputeBackend backend, Supplier<? extends Collection<BackendProvider>> installed) {
    Options options = strategy.options(config.strategyOptions());
    Strategy selector = strategy.create(options);
    Set<Signal> reads = EnumSet.noneOf(Signal.class);
    reads.addAll(strategy.requires(options));
    reads.addAll(strategy.uses());
    if (config.pseudoLabels().isPresent() && !selecting.capability(TrainingHooks.class)
        .map(h -> h.supported().contains(FitPlan.Hook.EXTRA_ITEMS)).orElse(false)) {
      throw new AlException(PseudoLabels.KEY + ": model '" + config.selectingModel() + "' does not train on extra"
          + " items (the hook extra-items); expected a model that does (mlp, cnn, logistic)");
    }
    CapabilityBinding binding = CapabilityBinding.bind(strategy, options, selector,
        CapabilityCheck.missing(strategy, options, config.selectingModel(), CapabilityCheck.offered(selecting)),
        Optional.of(new CapabilityBinding.Model(config.selectingModel(), selecting)), backend, installed);
    if (config.engine().equals(SelectionEngine.LOCAL)) {
      return new Preparation(selector, reads, binding, Optional.empty());
    }
    try {
      return new Preparation(selector, reads, binding, Optional.of(SelectionEngine.named("engine", config.engine())
          .rounds(strategy.name(), options, config.engineSettings())));
    } catch (RuntimeException e) {
      binding.close();
      throw e;
    }
  }

  /**
   * A strategy ready to select, the signals it reads (required or used), its binding, which
   * closes the backends it made, and the engine that selects its rounds, when not this JVM.
   */
  record Preparation(Strategy selector, Set<Signal> reads, CapabilityBinding binding,
      Optional<SelectionEngine.Rounds> engine) implements AutoCloseable {
    /** What the strategy picks from {@code ctx}, on the engine or in this JVM. */
    Selection select(SelectionContext ctx) {
      return engine.isPresent() ? engine.get().select(ctx, reads) : selector.select(ctx);
    }

    @Override
    public void close() {
      try {
        binding.close();
      } finally {
        engine.ifPresent(SelectionEngine.Rounds::close);
      }
    }
  }

  private RunResult run(ScenarioHints hints, Consumer<RoundResult> listener, Optional<RunJournal.Track> track,
      Preparation prepared) {
    Strategy selector = prepared.selector();
    CapabilityBinding binding = prepared.binding();
    boolean history = prepared.reads().contains(Signal.PREDICTION_HISTORY);
    Optional<TrainingParticipant> participant = selector instanceof TrainingParticipant
        ? Optional.of((TrainingParticipant) selector) : Optional.empty();
    Matrix pool = dataset.pool();
    if (config.initialLabeled() > pool.rows()) {
      throw new InvalidInputException("initial-labeled = " + config.initialLabeled()
          + "; expected at most the pool size (" + pool.rows() + ")");
    }
    SplittableRandom root = new SplittableRandom(config.seed());
    int[] labeled = Arrays.copyOf(Sampling.shuffled(pool.rows(), root.split()), config.initialLabeled());
    int[] labels = initialLabels(labeled, track);
    boolean keepPrevious = prepared.reads().contains(Signal.PREVIOUS_PROBABILITIES);
    Matrix previous = null;
    Supplier<Matrix> replayPrevious = null;
    Optional<PseudoLabels> pseudo = config.pseudoLabels();
    Matrix lastPool = null;
    Optional<StatefulStrategy> stateful = selector instanceof StatefulStrategy
        ? Optional.of((StatefulStrategy) selector) : Optional.empty();
    String recordedState = null;
    List<RoundResult> rounds = new ArrayList<>();
    for (int round = 1; round <= config.rounds() && labeled.length < pool.rows(); round++) {
      SplittableRandom random = root.split();
      long fitSeed = random.nextLong();
      long selectSeed = random.nextLong();
      int selectionSize = Math.min(config.budget(), pool.rows() - labeled.length);
      int number = round;
      Optional<JournalRound> recorded = track.flatMap(t -> t.recorded(number));
      int[] picked;
      int[] pickedLabels;
      RoundResult result;
      if (recorded.isPresent() && participant.isEmpty() && pseudo.isEmpty()) {
        JournalRound r = replayable(recorded.get(), track.get(), labeled, fitSeed, selectSeed, selectionSize);
        picked = r.selected();
        pickedLabels = r.labels();
        if (stateful.isPresent() && r.strategyState() == null) {
          throw track.get().damaged(round, "no strategy-state; strategy '" + strategy.name()
              + "' records its state after every selection");
        }
        recordedState = r.strategyState();
        result = new RoundResult(round, labeled.length, r.accuracy(), picked, RoundResult.REPLAYED);
        int[] fittedOn = labeled;
        int[] fittedLabels = labels;
        replayPrevious = () -> selecting().fit(pool, fittedOn, fittedLabels, dataset.numClasses(), fitSeed)
            .probabilities(pool);
      } else {
        if (keepPrevious && previous == null && replayPrevious != null) {
          previous = replayPrevious.get();
        }
        Optional<JournalRound> replayed = recorded.isPresent()
            ? Optional.of(replayable(recorded.get(), track.get(), labeled, fitSeed, selectSeed, selectionSize))
            : Optional.empty();
        long fitStart = System.nanoTime();
        SelectionFit selecting = fit(participant, binding, round, labeled, labels, fitSeed, history, lastPool);
        long selectionFitMillis = (System.nanoTime() - fitStart) / 1_000_000;
        long measuredStart = System.nanoTime();
        FittedModel measured = selectionModel.isPresent()
            ? model.fit(pool, labeled, labels, dataset.numClasses(), fitSeed) : selecting.fitted();
        long fitMillis = selectionModel.isPresent() ? (System.nanoTime() - measuredStart) / 1_000_000
            : selectionFitMillis;
        double accuracy = accuracy(measured);
        Supplier<Matrix> probabilities = memoize(() -> selecting.fitted().probabilities(pool));
        SelectionContext ctx = context(selecting, labeled, labels, round, selectSeed, hints, probabilities, previous,
            binding);
        if (recordedState != null) {
          stateful.orElseThrow().restore(recordedState);
          recordedState = null;
        }
        long start = System.nanoTime();
        Selection selection = prepared.select(ctx);
        long millis = (System.nanoTime() - start) / 1_000_000;
        picked = checked(selection, ctx);
        if (replayed.isPresent()) {
          // a participant's recorded round, run again so that its state is the uninterrupted run's
          JournalRound r = replayed.get();
          if (!Arrays.equals(picked, r.selected())) {
            throw track.get().damaged(round, "strategy '" + strategy.name() + "' picks " + Arrays.toString(picked)
                + " when the round runs again, not the recorded " + Arrays.toString(r.selected())
                + " (the journal is of another run, or the strategy is not deterministic)");
          }
          pickedLabels = r.labels();
          result = new RoundResult(round, labeled.length, r.accuracy(), picked, RoundResult.REPLAYED, 0, 0,
              selecting.pseudoLabels(), selecting.pseudoWrong());
        } else {
          pickedLabels = oracle.label(picked);
          result = new RoundResult(round, labeled.length, accuracy, picked, millis, fitMillis, selectionFitMillis,
              selecting.pseudoLabels(), selecting.pseudoWrong());
          int[] before = labeled;
          track.ifPresent(t -> t.append(new JournalRound(result.round(), before.length, fitSeed, selectSeed,
              accuracy, picked, pickedLabels, pseudo.isPresent() ? selecting.pseudoLabels() : -1,
              pseudo.isPresent() ? selecting.pseudoWrong() : -1, stateful.map(StatefulStrategy::state).orElse(null))));
        }
        previous = keepPrevious ? probabilities.get() : null;
        lastPool = pseudo.isPresent() ? probabilities.get() : null;
      }
      rounds.add(result);
      listener.accept(result);
      labeled = concat(labeled, picked);
      labels = concat(labels, pickedLabels);
    }
    long finalSeed = root.split().nextLong();
    int labeledCount = labeled.length;
    Optional<Double> recordedFinal = track.flatMap(t -> t.recordedFinalAccuracy(labeledCount));
    if (recordedFinal.isPresent()) {
      return new RunResult(rounds, labeledCount, recordedFinal.get());
    }
    SelectionFit last = selectionModel.isPresent()
        ? new SelectionFit(model.fit(dataset.pool(), labeled, labels, dataset.numClasses(), finalSeed), null, 0, 0)
        : fit(participant, binding, rounds.size() + 1, labeled, labels, finalSeed, false, lastPool);
    double finalAccuracy = accuracy(last.fitted());
    track.ifPresent(t -> t.appendFinal(labeledCount, finalAccuracy, pseudo.isPresent() ? last.pseudoLabels() : -1,
        last.pseudoWrong()));
    return new RunResult(rounds, labeledCount, finalAccuracy);
  }

  /**
   * A fit of the selecting model, its prediction history when recorded, and the pseudo-labels it
   * trained on.
   *
   * @param history n × T, the predicted class of every pool item after each epoch, or null
   * @param pseudoLabels how many pseudo-labelled items joined the fit
   * @param pseudoWrong how many of them the data set's labels contradict
   */
  private record SelectionFit(FittedModel fitted, Matrix history, int pseudoLabels, int pseudoWrong) {}

  /**
   * Fits the selecting model on the labeled items: through its training hooks when the fit's plan
   * requests a hook (a participant's, the prediction history's, or the pseudo-labels chosen from
   * {@code lastPool}, the previous fit's pool probabilities, null before the first fit), otherwise
   * through {@link ModelAdapter#fit}.
   */
  private SelectionFit fit(Optional<TrainingParticipant> participant, CapabilityBinding binding, int round,
      int[] labeled, int[] labels, long seed, boolean history, Matrix lastPool) {
    Matrix pool = dataset.pool();
    boolean pseudo = config.pseudoLabels().isPresent() && lastPool != null;
    if (participant.isEmpty() && !history && !pseudo) {
      return new SelectionFit(selecting().fit(pool, labeled, labels, dataset.numClasses(), seed), null, 0, 0);
    }
    FitPlan plan = FitPlan.of(round, seed, pool.rows(), dataset.numClasses(), labeled, labels);
    if (participant.isPresent()) {
      participant.get().beforeFit(plan);
      Set<FitPlan.Hook> undeclared = EnumSet.noneOf(FitPlan.Hook.class);
      undeclared.addAll(plan.requested());
      undeclared.removeAll(participant.get().hooks());
      if (!undeclared.isEmpty()) {
        throw new AlException("strategy '" + strategy.name() + "' requested hooks " + CapabilityBinding.keys(undeclared)
            + " for the fit of round " + round + " but declares only " + (participant.get().hooks().isEmpty() ? "none"
            : CapabilityBinding.keys(participant.get().hooks())) + " (TrainingParticipant.hooks())");
      }
    }
    PredictionHistory recorder = null;
    if (history) {
      if (plan.epochObserver().isPresent()) {
        throw new AlException("strategy '" + strategy.name() + "' observes the epochs of round " + round
            + "'s fit and reads the prediction history, which the loop records through the fit's one epoch"
            + " observer; expected one of the two");
      }
      recorder = new PredictionHistory(pool.rows());
      plan.observeEpochs(java.util.stream.IntStream.range(0, pool.rows()).toArray(), recorder);
    }
    PseudoLabels.Chosen chosen = pseudo ? pseudoLabels(plan, lastPool, round)
        : new PseudoLabels.Chosen(new int[0], new int[0]);
    if (plan.requested().isEmpty()) {
      return new SelectionFit(selecting().fit(pool, labeled, labels, dataset.numClasses(), seed), null, 0, 0);
    }
    FittedModel fitted = binding.hooks().orElseThrow().fit(pool, labeled, labels, dataset.numClasses(), seed, plan);
    return new SelectionFit(fitted, recorder == null ? null : recorder.matrix(), chosen.items().length,
        chosen.wrong(dataset.poolLabels()));
  }

  /**
   * Adds to {@code plan} CEAL's pseudo-labels of its round: the unlabeled items (not already extra
   * items of a participant) whose row of {@code lastPool} is confident enough, each of weight 1.
   */
  private PseudoLabels.Chosen pseudoLabels(FitPlan plan, Matrix lastPool, int round) {
    boolean[] extra = new boolean[plan.poolSize()];
    for (int i : plan.extraItems()) {
      extra[i] = true;
    }
    int[] candidates = Arrays.stream(plan.unlabeled()).filter(i -> !extra[i]).toArray();
    PseudoLabels.Chosen chosen = config.pseudoLabels().orElseThrow().choose(lastPool, candidates, round);
    float[] weights = new float[chosen.items().length];
    Arrays.fill(weights, 1f);
    plan.addItems(chosen.items(), chosen.labels(), weights);
    return chosen;
  }

  /** Collects the predicted class (first maximum) of every observed item after each epoch. */
  private static final class PredictionHistory implements org.alkit.api.EpochObserver {
    private final int items;
    private final List<int[]> epochs = new ArrayList<>();

    PredictionHistory(int items) {
      this.items = items;
    }

    @Override
    public void epoch(int epoch, Matrix probabilities) {
      int[] predicted = new int[items];
      for (int i = 0; i < items; i++) {
        predicted[i] = Probabilities.argmax(probabilities, i);
      }
      epochs.add(predicted);
    }

    /** {@code items × T}: row i the item's predicted class after each epoch. */
    Matrix matrix() {
      int t = epochs.size();
      float[] out = new float[Math.multiplyExact(items, t)];
      for (int e = 0; e < t; e++) {
        int[] predicted = epochs.get(e);
        for (int i = 0; i < items; i++) {
          out[i * t + e] = predicted[i];
        }
      }
      return Matrix.wrap(items, t, out);
    }
  }

  /** The oracle's labels of the initial draw, or the journal's when it recorded them. */
  private int[] initialLabels(int[] drawn, Optional<RunJournal.Track> track) {
    Optional<JournalRound> recorded = track.flatMap(t -> t.recorded(0));
    if (recorded.isPresent()) {
      JournalRound r = recorded.get();
      if (!Arrays.equals(r.selected(), drawn)) {
        throw track.get().damaged(0, "its initial draw is not the one of seed " + config.seed());
      }
      checkLabels(r, track.get());
      return r.labels();
    }
    int[] labels = oracle.label(drawn);
    track.ifPresent(t -> t.append(JournalRound.initial(drawn, labels)));
    return labels;
  }

  /** {@code r}, after checking that it continues this run: its seeds, its labeled count, its picks and labels. */
  private JournalRound replayable(JournalRound r, RunJournal.Track track, int[] labeled, long fitSeed, long selectSeed,
      int selectionSize) {
    if (r.fitSeed() != fitSeed || r.selectSeed() != selectSeed) {
      throw track.damaged(r.round(), "its seeds are not those of seed " + config.seed());
    }
    if (r.labeledBefore() != labeled.length) {
      throw track.damaged(r.round(), "labeled-before = " + r.labeledBefore() + "; the earlier rounds add up to "
          + labeled.length);
    }
    String violation = violation(r.selected(), selectionSize, labeled, dataset.pool().rows());
    if (violation != null) {
      throw track.damaged(r.round(), violation);
    }
    checkLabels(r, track);
    return r;
  }

  private void checkLabels(JournalRound r, RunJournal.Track track) {
    for (int label : r.labels()) {
      if (label < 0 || label >= dataset.numClasses()) {
        throw track.damaged(r.round(), "label " + label + "; expected a class in [0, " + dataset.numClasses() + ")");
      }
    }
  }

  private SelectionContext context(SelectionFit selecting, int[] labeled, int[] labels, int round, long seed,
      ScenarioHints hints, Supplier<Matrix> probabilities, Matrix previous, CapabilityBinding binding) {
    Matrix pool = dataset.pool();
    FittedModel fitted = selecting.fitted();
    ContextAssembly signals = ContextAssembly.of(fitted, selecting().offers(), pool, probabilities);
    if (previous != null) {
      signals.matrix(Signal.PREVIOUS_PROBABILITIES, () -> previous);
    }
    if (selecting.history() != null) {
      signals.matrix(Signal.PREDICTION_HISTORY, selecting::history);
    }
    return signals.build(b -> refitted(binding, fitted, b).apply(b
        .labeled(labeled, labels)
        .budget(Math.min(config.budget(), pool.rows() - labeled.length))
        .round(round)
        .seed(seed)
        .hints(embedded(hints, fitted))
        .backend(backend)));
  }

  /** Returns {@code binding}, after binding {@code fitted} into {@code b} when the strategy refits it. */
  private static CapabilityBinding refitted(CapabilityBinding binding, FittedModel fitted, SelectionContext.Builder b) {
    if (binding.binds(Refitting.class)) {
      b.capability(FittedModel.class, fitted);
    }
    return binding;
  }

  /**
   * The hints with query and private items given as rows of the dataset's features mapped into
   * this round's {@link Signal#EMBEDDINGS}, the space the pool's embeddings are in.
   */
  private static ScenarioHints embedded(ScenarioHints hints, FittedModel fitted) {
    ScenarioHints out = hints;
    if (hints.queryFeatures().isPresent()) {
      out = out.withQueryFeatures(fitted.matrix(Signal.EMBEDDINGS, hints.queryFeatures().get()));
    }
    if (hints.privateFeatures().isPresent()) {
      out = out.withPrivateFeatures(fitted.matrix(Signal.EMBEDDINGS, hints.privateFeatures().get()));
    }
    return out;
  }

  /** The picks, after checking the {@link Strategy} contract: the right count, distinct, unlabeled. */
  private int[] checked(Selection selection, SelectionContext ctx) {
    int[] picked = selection.indices();
    String violation = violation(picked, ctx.selectionSize(), ctx.labeled(), ctx.poolSize());
    if (violation != null) {
      throw new AlException("strategy '" + strategy.name() + "' in round " + ctx.round() + " " + violation);
    }
    return picked;
  }

  /** What is wrong with {@code picked} as a round's selection, or {@code null}: the count, a repeat, a labeled or outside item. */
  private static String violation(int[] picked, int expectedCount, int[] labeled, int poolSize) {
    if (picked.length != expectedCount) {
      return "picked " + picked.length + " items; expected " + expectedCount;
    }
    boolean[] taken = new boolean[poolSize];
    for (int i : labeled) {
      taken[i] = true;
    }
    for (int i : picked) {
      if (i < 0 || i >= poolSize || taken[i]) {
        return "picked item " + i + ", which is labeled, repeated or outside the pool";
      }
      taken[i] = true;
    }
    return null;
  }

  private double accuracy(FittedModel fitted) {
    Matrix test = dataset.test();
    if (test.rows() == 0) {
      return Double.NaN;
    }
    Matrix p = fitted.probabilities(test);
    int[] truth = dataset.testLabels();
    int hits = 0;
    for (int i = 0; i < p.rows(); i++) {
      hits += Probabilities.argmax(p, i) == truth[i] ? 1 : 0;
    }
    return (double) hits / p.rows();
  }

  /** Closes the compute backend (its worker threads). */
  @Override
  public void close() {
    backend.close();
  }

  private static int[] concat(int[] a, int[] b) {
    int[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  private static <T> Supplier<T> memoize(Supplier<T> supplier) {
    return new Supplier<>() {
      private T value;

      @Override
      public synchronized T get() {
        if (value == null) {
          value = supplier.get();
        }
        return value;
      }
    };
  }
}
