package org.alkit.cli;

import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.alkit.api.InvalidInputException;
import org.alkit.api.ScenarioHints;
import org.alkit.api.StrategyProvider;
import org.alkit.eval.data.Datasets;
import org.alkit.runtime.ActiveLearningLoop;
import org.alkit.runtime.Dataset;
import org.alkit.runtime.Registry;
import org.alkit.runtime.RoundResult;
import org.alkit.runtime.RunConfig;
import org.alkit.runtime.RunJournal;
import org.alkit.runtime.RunRequest;
import org.alkit.runtime.RunResult;
import org.alkit.runtime.Runs;
import org.alkit.runtime.SelectionEngine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code alkit run}: an active-learning loop from a YAML configuration (or the embedded default:
 * optdigits, logistic regression, random sampling), with a progress bar and the accuracy of each
 * round, then of the final fit on every label; the last line is {@code final accuracy: 0.xxxx}.
 * The command parses its flags, loads the configuration and the data and hands them to the runtime:
 * the output file is checked here, the configuration against the data by {@link RunRequest} (the
 * pool holds {@code initial-labeled + rounds × budget} items, the scenarios' classes, indices and
 * feature files fit), all before round 1, and the loop comes from {@link Runs#assemble}. With
 * {@code --journal DIR} each finished round is on disk before the next starts ({@link RunJournal});
 * {@code --resume DIR} continues such a run after a kill and ends with the selections and
 * accuracies of an uninterrupted run. SIGINT or SIGTERM stop the run after the round being computed
 * ({@link StopSignals}: exit 130 or 143, one line saying how to resume).
 */
@Command(name = "run", mixinStandardHelpOptions = true, version = Alkit.VERSION,
    description = "Run an active-learning loop from a YAML configuration (default: embedded optdigits).")
final class RunCommand implements Callable<Integer> {
  private static final int BAR = 30;

  @Inject
  Provider<Registry> registry;

  @Spec
  CommandSpec spec;

  @Option(names = "--config", description = "YAML run configuration; without it the embedded default runs")
  Path config;

  @Option(names = "--out", description = "write every round (labeled count, accuracy, picks, timing) here as JSON")
  Path out;

  @Option(names = "--journal", paramLabel = "DIR",
      description = "write each finished round durably to this new directory, so a killed run can be resumed")
  Path journal;

  @Option(names = "--resume", paramLabel = "DIR",
      description = "continue the run journaled in DIR (its configuration, unless --config names the same one)")
  Path resume;

  @Option(names = "--engine", description = "where each round selects: local (this JVM) or spark (al-spark; the"
      + " model fits here); default the configuration's engine")
  String engine;

  @Mixin
  SparkOptions spark = new SparkOptions();

  @Override
  public Integer call() {
    if (journal != null && resume != null) {
      throw new InvalidInputException("--journal " + journal + " and --resume " + resume
          + " together; expected --journal DIR for a new run or --resume DIR to continue one");
    }
    Map<String, Path> inputs = new LinkedHashMap<>();
    inputs.put("--config", config);
    Inputs.requireOutput("--out", out, inputs);
    Inputs.requireFolder("--journal", journal, "a new folder");
    Inputs.requireFolder("--resume", resume, "the folder of a run's --journal");
    RunConfig cfg = withEngine(config != null ? RunConfig.load(config)
        : resume != null ? RunJournal.configuration(resume) : RunConfig.defaults());
    Dataset data = Datasets.load(cfg.dataset(), cfg.testFraction(), cfg.seed());
    List<RunRequest> requests = RunRequest.of(cfg, data);
    PrintWriter console = spec.commandLine().getOut();
    console.printf("alkit run: %s (%d pool, %d test, %s), model %s%s, %s of %s%n",
        data.name(), data.pool().rows(), data.test().rows(), Inputs.count(data.numClasses(), "class", "classes"),
        cfg.model(), cfg.selectionModel().map(m -> " (selecting with " + m + ")").orElse(""),
        Inputs.count(cfg.rounds(), "round", "rounds"), Inputs.count(cfg.budget(), "item", "items"));
    List<Map<String, Object>> runs = new ArrayList<>();
    AtomicReference<String> reached = new AtomicReference<>("before round 1");
    StopSignals stop = StopSignals.install(spec.commandLine().getErr(), signal -> stopped(signal, reached.get()));
    try (stop; RunJournal runJournal = journal != null ? RunJournal.create(journal, cfg, data)
        : resume != null ? RunJournal.resume(resume, cfg, data) : null) {
      if (runJournal != null) {
        console.printf("journal: %s%n", runJournal.directory());
      }
      Function<String, Consumer<RoundResult>> checkpoint = where -> round -> {
        reached.set("after round " + round.round() + " of " + cfg.rounds() + where);
        stop.checkpoint();
      };
      for (int k = 0; k < requests.size(); k++) {
        runs.add(runOne(requests.get(k), runJournal, k, console,
            checkpoint.apply(cfg.scenarios().isEmpty() ? "" : " of scenario " + cfg.scenarios().get(k).name())));
      }
    } catch (StopSignals.Stopped e) {
      return stop.stopped();
    }
    if (out != null) {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("dataset", data.name());
      json.put("runs", runs);
      JsonOutput.write(json, out, console);
    }
    return 0;
  }

  /** {@code cfg} with the engine and its settings the flags give, if any. */
  private RunConfig withEngine(RunConfig cfg) {
    if (engine == null && !spark.given()) {
      return cfg;
    }
    // --engine local drops the configuration's Spark settings; the flags join them otherwise
    Map<String, String> settings = new LinkedHashMap<>(SelectionEngine.LOCAL.equals(engine) ? Map.of()
        : cfg.engineSettings());
    settings.putAll(spark.settings());
    return cfg.withEngine(engine != null ? engine : cfg.engine(), settings);
  }

  /** The one line of a run a signal stopped: where it stopped and how to go on. */
  private String stopped(String signal, String reached) {
    Path dir = journal != null ? journal : resume;
    String line = "alkit run: stopped by " + signal + " " + reached;
    return dir == null ? line + "; a run without --journal DIR cannot be resumed (start it with --journal DIR)"
        : line + "; the journal keeps every finished round; continue with: alkit run --resume " + dir
            + (out != null ? " --out " + out : "");
  }

  /** Runs one scenario; {@code afterRound} hears of each round once it is journaled and shown. */
  private Map<String, Object> runOne(RunRequest request, RunJournal runJournal, int scenario, PrintWriter console,
      Consumer<RoundResult> afterRound) {
    RunConfig cfg = request.config();
    ScenarioHints hints = request.hints();
    StrategyProvider provider = registry.get().strategy(cfg.strategy());
    Map<String, Object> options = JsonOutput.typed(cfg.strategyOptions(), provider.parameters());
    console.printf("scenario %s: strategy %s%s%n", hints.scenario(), cfg.strategy(), options.isEmpty() ? ""
        : options.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
            .collect(Collectors.joining(", ", " (", ")")));
    ActiveLearningLoop loop = Runs.assemble(request, registry.get());
    Consumer<RoundResult> listener = round -> {
      progress(console, round, cfg.rounds());
      afterRound.accept(round);
    };
    loop.onNotice(line -> {
      console.println(line);
      console.flush();
    });
    RunResult result;
    try (loop) {
      result = runJournal == null ? loop.run(hints, listener) : loop.run(hints, listener, runJournal, scenario);
    }
    console.printf("[%s] final fit   labeled %d  accuracy %.4f%n", "#".repeat(BAR), result.finalLabeledCount(),
        result.finalAccuracy());
    console.printf("final accuracy: %.4f%n", result.finalAccuracy());
    console.flush();
    List<Map<String, Object>> rounds = new ArrayList<>();
    for (RoundResult r : result.rounds()) {
      Map<String, Object> round = new LinkedHashMap<>();
      round.put("round", r.round());
      round.put("labeled", r.labeledCount());
      round.put("accuracy", r.accuracy());
      round.put("selected", r.selected());
      round.put("select_ms", r.replayed() ? null : r.selectMillis());
      round.put("fit_ms", r.replayed() ? null : r.fitMillis());
      round.put("selection_fit_ms", r.replayed() ? null : r.selectionFitMillis());
      if (cfg.pseudoLabels().isPresent()) {
        round.put("pseudo_labels", r.pseudoLabels());
        round.put("pseudo_labels_wrong", r.pseudoWrong());
      }
      rounds.add(round);
    }
    Map<String, Object> run = new LinkedHashMap<>();
    run.put("scenario", hints.scenario());
    run.put("strategy", cfg.strategy());
    run.put("strategy_options", options);
    run.put("rounds", rounds);
    run.put("final_labeled", result.finalLabeledCount());
    run.put("final_accuracy", result.finalAccuracy());
    return run;
  }

  private static void progress(PrintWriter out, RoundResult r, int rounds) {
    int done = Math.min(BAR, r.round() * BAR / Math.max(1, rounds));
    out.printf("[%s%s] round %d/%d  labeled %d  accuracy %.4f  %s%s%n", "#".repeat(done),
        ".".repeat(BAR - done), r.round(), rounds, r.labeledCount(), r.accuracy(),
        r.replayed() ? "from the journal" : "select " + r.selectMillis() + " ms",
        r.pseudoLabels() == 0 ? "" : "  pseudo-labels " + r.pseudoLabels() + " (" + r.pseudoWrong() + " wrong)");
    out.flush();
  }
}
