package org.alkit.eval.matrix;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import org.alkit.api.FitPlan;
import org.alkit.api.FittedModel;
import org.alkit.api.Matrix;
import org.alkit.api.ModelAdapter;
import org.alkit.api.Options;
import org.alkit.api.Parameter;
import org.alkit.api.Selection;
import org.alkit.api.SelectionContext;
import org.alkit.api.Signal;
import org.alkit.api.Strategy;
import org.alkit.api.StrategyProvider;
import org.alkit.api.TrainingHooks;
import org.alkit.api.TrainingParticipant;
import org.alkit.commons.Probabilities;
import org.alkit.eval.data.ScenarioData;
import org.alkit.runtime.ActiveLearningLoop;
import org.alkit.runtime.Dataset;
import org.alkit.runtime.LoopParts;
import org.alkit.runtime.Registry;
import org.alkit.runtime.RoundResult;
import org.alkit.runtime.RunConfig;
import org.alkit.runtime.RunRequest;
import org.alkit.runtime.RunResult;
import org.alkit.runtime.Runs;

/**
 * One run of a matrix: the runtime's {@link ActiveLearningLoop} on a scenario's data, from the one
 * assembly ({@link Runs#assemble}), its parts decorated ({@link Instruments}): a model that skips
 * out-of-distribution labels and remembers its fits (to measure each round's model on the test
 * split), and a strategy whose selections are measured for memory.
 */
final class RunExecution {
  private RunExecution() {}

  /** Runs {@code run} of {@code matrix} on {@code data} with the plugins of {@code registry}. */
  static RunRecord execute(EvalMatrix matrix, EvalMatrix.Run run, ScenarioData data, Registry registry) {
    Dataset dataset = data.dataset();
    Instruments instruments = new Instruments(data.oodClasses());
    RunConfig config = matrix.config(run);
    try (ActiveLearningLoop loop = Runs.assemble(new RunRequest(config, dataset, data.hints()), registry,
        instruments)) {
      RecordingModel model = instruments.model;
      MeasuredStrategy strategy = instruments.strategy;
      int[] poolLabels = dataset.poolLabels();
      List<RoundMetrics> rounds = new ArrayList<>();
      RunResult result = loop.run(data.hints(), round -> rounds.add(
          metrics(round, model, strategy.lastAllocatedBytes, data, poolLabels)));
      return new RunRecord(run.key(), rounds, quality(model.last, result.finalLabeledCount(), data),
          config.model() + " " + new TreeMap<>(config.modelOptions()),
          config.selectionModel().map(m -> m + " " + new TreeMap<>(config.selectionModelOptions())).orElse(""));
    }
  }

  /**
   * The decoration of a run's parts: the model recorded, the strategy measured, a selection model
   * (which the test split never measures) fitted on in-distribution labels as the model is.
   */
  private static final class Instruments implements UnaryOperator<LoopParts> {
    private final Set<Integer> ood;
    RecordingModel model;
    MeasuredStrategy strategy;

    Instruments(Set<Integer> ood) {
      this.ood = ood;
    }

    @Override
    public LoopParts apply(LoopParts parts) {
      model = new RecordingModel(parts.model(), ood);
      strategy = new MeasuredStrategy(parts.strategy());
      return parts.withModel(model).withStrategy(strategy)
          .withSelectionModel(parts.selectionModel().map(m -> new RecordingModel(m, ood)));
    }
  }

  private static RoundMetrics metrics(RoundResult round, RecordingModel model, long allocated, ScenarioData data,
      int[] poolLabels) {
    int[] picked = round.selected();
    int numClasses = data.dataset().numClasses();
    int[] perClass = new int[numClasses];
    int ood = 0;
    for (int i : picked) {
      perClass[poolLabels[i]]++;
      ood += data.oodClasses().contains(poolLabels[i]) ? 1 : 0;
    }
    Set<Integer> covered = new HashSet<>();
    for (int i : model.lastLabeled) {
      covered.add(data.origin(i));
    }
    int unique = 0;
    for (int i : picked) {
      unique += covered.add(data.origin(i)) ? 1 : 0;
    }
    double n = Math.max(1, picked.length);
    return new RoundMetrics(round.round(), quality(model.last, round.labeledCount(), data), picked, perClass,
        ood / n, unique / n, round.selectMillis(), allocated, round.selectionFitMillis(), model.lastFitMillis,
        round.pseudoLabels(), round.pseudoWrong());
  }

  private static Quality quality(FittedModel fitted, int labeled, ScenarioData data) {
    Dataset d = data.dataset();
    Matrix p = fitted.probabilities(d.test());
    int[] predicted = IntStream.range(0, p.rows()).map(i -> Probabilities.argmax(p, i)).toArray();
    return Quality.of(labeled, predicted, d.testLabels(), d.numClasses(), data.rareClasses());
  }

  /**
   * The configured model, fitted only on in-distribution labels, remembering its last fit, how long
   * it took and the labeled set it was given; its training hooks (a participant's or pseudo-labels'
   * fits) likewise.
   */
  private static final class RecordingModel implements ModelAdapter {
    private final ModelAdapter inner;
    private final Set<Integer> ood;
    FittedModel last;
    long lastFitMillis;
    int[] lastLabeled = new int[0];

    RecordingModel(ModelAdapter inner, Set<Integer> ood) {
      this.inner = inner;
      this.ood = ood;
    }

    @Override
    public Set<Signal> offers() {
      return inner.offers();
    }

    @Override
    public FittedModel fit(Matrix features, int[] labeled, int[] labels, int numClasses, long seed) {
      return recorded(labeled, labels, (inLabeled, inLabels) -> inner.fit(features, inLabeled, inLabels, numClasses,
          seed));
    }

    @Override
    public <C> Optional<C> capability(Class<C> type) {
      Optional<C> offered = inner.capability(type);
      if (type != TrainingHooks.class || offered.isEmpty()) {
        return offered;
      }
      TrainingHooks hooks = (TrainingHooks) offered.get();
      return Optional.of(type.cast(new TrainingHooks() {
        @Override
        public Set<FitPlan.Hook> supported() {
          return hooks.supported();
        }

        @Override
        public FittedModel fit(Matrix features, int[] labeled, int[] labels, int numClasses, long seed,
            FitPlan plan) {
          return recorded(labeled, labels, (inLabeled, inLabels) -> hooks.fit(features, inLabeled, inLabels,
              numClasses, seed, plan));
        }
      }));
    }

    /** Runs {@code fit} on the in-distribution labels and remembers what it gave and was given. */
    private FittedModel recorded(int[] labeled, int[] labels, Fit fit) {
      lastLabeled = labeled.clone();
      int[] keep = IntStream.range(0, labeled.length).filter(t -> !ood.contains(labels[t])).toArray();
      int[] inLabeled = keep.length == labeled.length ? labeled : Arrays.stream(keep).map(t -> labeled[t]).toArray();
      int[] inLabels = keep.length == labeled.length ? labels : Arrays.stream(keep).map(t -> labels[t]).toArray();
      long start = System.nanoTime();
      last = fit.on(inLabeled, inLabels);
      lastFitMillis = (System.nanoTime() - start) / 1_000_000;
      return last;
    }

    /** A fit on the given labeled rows. */
    @FunctionalInterface
    private interface Fit {
      FittedModel on(int[] labeled, int[] labels);
    }
  }

  /** The configured strategy, its selections measured for the bytes the selecting thread allocates. */
  private static final class MeasuredStrategy implements StrategyProvider {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private final StrategyProvider inner;
    long lastAllocatedBytes = -1;

    MeasuredStrategy(StrategyProvider inner) {
      this.inner = inner;
    }

    @Override
    public String name() {
      return inner.name();
    }

    @Override
    public String family() {
      return inner.family();
    }

    @Override
    public String description() {
      return inner.description();
    }

    @Override
    public Set<Signal> requires() {
      return inner.requires();
    }

    @Override
    public Set<Signal> requires(Options options) {
      return inner.requires(options);
    }

    @Override
    public Set<Signal> uses() {
      return inner.uses();
    }

    @Override
    public List<Parameter> parameters() {
      return inner.parameters();
    }

    @Override
    public Set<Class<?>> capabilities() {
      return inner.capabilities();
    }

    @Override
    public Set<Class<?>> capabilities(Options options) {
      return inner.capabilities(options);
    }

    /** The strategy, measured; a {@link TrainingParticipant} stays one. */
    @Override
    public Strategy create(Options options) {
      Strategy strategy = inner.create(options);
      if (strategy instanceof TrainingParticipant) {
        return new MeasuredParticipant(strategy, (TrainingParticipant) strategy);
      }
      return ctx -> measured(strategy, ctx);
    }

    private Selection measured(Strategy strategy, SelectionContext ctx) {
      long before = allocated();
      Selection selection = strategy.select(ctx);
      long after = allocated();
      lastAllocatedBytes = before < 0 || after < 0 ? -1 : after - before;
      return selection;
    }

    /** A participant strategy, measured, that still takes part in training. */
    private final class MeasuredParticipant implements Strategy, TrainingParticipant {
      private final Strategy strategy;
      private final TrainingParticipant participant;

      MeasuredParticipant(Strategy strategy, TrainingParticipant participant) {
        this.strategy = strategy;
        this.participant = participant;
      }

      @Override
      public Selection select(SelectionContext ctx) {
        return measured(strategy, ctx);
      }

      @Override
      public Set<FitPlan.Hook> hooks() {
        return participant.hooks();
      }

      @Override
      public void beforeFit(FitPlan plan) {
        participant.beforeFit(plan);
      }
    }

    private static long allocated() {
      return THREADS instanceof com.sun.management.ThreadMXBean sun && sun.isThreadAllocatedMemorySupported()
          && sun.isThreadAllocatedMemoryEnabled() ? sun.getThreadAllocatedBytes(Thread.currentThread().getId()) : -1;
    }
  }
}
