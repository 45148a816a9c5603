package org.alkit.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.alkit.api.AlException;
import org.alkit.api.ComputeBackend;
import org.alkit.api.FittedModel;
import org.alkit.api.Matrix;
import org.alkit.api.ModelAdapter;
import org.alkit.api.ModelProvider;
import org.alkit.api.Refitting;
import org.alkit.api.ScenarioHints;
import org.alkit.api.Selection;
import org.alkit.api.SelectionContext;
import org.alkit.api.Signal;
import org.alkit.api.StrategyProvider;
import org.alkit.eval.data.Datasets;
import org.alkit.runtime.ActiveLearningLoop;
import org.alkit.runtime.Dataset;
import org.alkit.runtime.LoopParts;
import org.alkit.runtime.OracleFactory;
import org.alkit.runtime.Registry;
import org.alkit.runtime.RoundResult;
import org.alkit.runtime.RunConfig;
import org.alkit.runtime.RunJournal;
import org.alkit.runtime.RunResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * eer and albl in the loop: albl's bandit state in the journal (a killed and resumed run ends as the
 * uninterrupted one), eer's refits through the logistic model against numpy
 * ({@code testdata/parity/eer_*}), its refusal of a model that cannot refit, and its independence of
 * the thread count.
 */
class ParityStrategiesLoopTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** 240 pool and 80 test items of optdigits. */
  private static final Dataset DATA = Datasets.sample(Datasets.load(Datasets.OPTDIGITS, 0.25, 1), 240, 80, 1);
  private static final Registry REGISTRY = Registry.load();

  @TempDir
  Path dir;

  private static RunConfig config(String strategy, String options, String model, int threads) {
    return RunConfig.parse("dataset: optdigits\nstrategy: " + strategy + "\nstrategy-options: " + options + "\nmodel: "
        + model + "\nbackend: java\nbackend-options: {threads: " + threads + "}\ninitial-labeled: 6\nbudget: 4\n"
        + "rounds: 4\nseed: 9\nmodel-options: {iterations: 40}\n");
  }

  private static RunResult run(RunConfig config, RunJournal journal) {
    ModelProvider m = REGISTRY.model(config.model());
    var b = REGISTRY.backend(config.backend());
    try (ActiveLearningLoop loop = new ActiveLearningLoop(config, DATA, new LoopParts(m.create(m.options(
        config.modelOptions())), REGISTRY.strategy(config.strategy()), b.create(b.options(config.backendOptions())),
        OracleFactory.simulated(DATA)), REGISTRY)) {
      return journal == null ? loop.run() : loop.run(ScenarioHints.none(), r -> {}, journal, 0);
    }
  }

  private static List<String> picksAndAccuracies(RunResult r) {
    List<String> out = new ArrayList<>();
    r.rounds().forEach(round -> out.add(round.round() + " " + round.accuracy() + " " + Arrays.toString(round.selected())));
    out.add("final " + r.finalLabeledCount() + " " + r.finalAccuracy());
    return out;
  }

  /** The journal's round files and final file, by name, as text. */
  private static Map<String, String> files(Path journal) throws IOException {
    Map<String, String> out = new java.util.TreeMap<>();
    for (String name : List.of("round-0000", "round-0001", "round-0002", "round-0003", "round-0004", "final")) {
      Path f = journal.resolve("rounds").resolve(name + ".yml");
      out.put(name, Files.exists(f) ? Files.readString(f) : null);
    }
    return out;
  }

  @Test
  void aKilledAndResumedAlblRunEndsAsTheUninterruptedOne() throws IOException {
    // a large pmin makes every pick a draw that the weights and the rewards steer
    RunConfig config = config("albl", "{strategies: 'margin,coreset', horizon: 5}", "logistic", 1);
    RunResult whole = run(config, null);
    Path cut = dir.resolve("cut");
    try (RunJournal journal = RunJournal.create(cut, config, DATA)) {
      run(config, journal);
    }
    Map<String, String> complete = files(cut);
    assertThat(complete.get("round-0002")).contains("strategy-state: w=");
    Files.delete(cut.resolve("rounds/final.yml"));
    Files.delete(cut.resolve("rounds/round-0004.yml"));
    Files.delete(cut.resolve("rounds/round-0003.yml"));
    RunResult again;
    try (RunJournal journal = RunJournal.resume(cut, config, DATA)) {
      again = run(config, journal);
    }
    assertThat(again.rounds()).extracting(RoundResult::replayed).containsExactly(true, true, false, false);
    assertThat(picksAndAccuracies(again)).isEqualTo(picksAndAccuracies(whole));
    assertThat(files(cut)).isEqualTo(complete);
  }

  @Test
  void eerIsRefusedBeforeRoundOneForAModelThatCannotRefit() {
    RunConfig config = config("eer", "{}", "committee", 1);
    assertThatThrownBy(() -> run(config, null)).isInstanceOf(AlException.class)
        .hasMessage("strategy 'eer' needs Refitting (a refit with added items), which the model does not offer;"
            + " expected a model that does (logistic)");
  }

  @Test
  void eerPicksTheSameOnOneAndFourThreads() {
    RunConfig one = config("eer", "{candidates: 30, evaluation: 50}", "logistic", 1);
    RunConfig four = config("eer", "{candidates: 30, evaluation: 50}", "logistic", 4);
    assertThat(picksAndAccuracies(run(four, null))).isEqualTo(picksAndAccuracies(run(one, null)));
  }

  static List<Path> eerCases() throws IOException {
    Path parity = Path.of(System.getProperty("alkit.root", "..")).resolve("testdata/parity");
    try (Stream<Path> files = Files.list(parity)) {
      List<Path> found = files.filter(f -> f.getFileName().toString().startsWith("eer_")).sorted().toList();
      assertThat(found).isNotEmpty();
      return found;
    }
  }

  @Test
  void eerExpectedLossesOfTheLogisticModelMatchNumpy() throws IOException {
    for (Path file : eerCases()) {
      JsonNode c = JSON.readTree(file.toFile());
      Matrix x = Matrix.of(JSON.convertValue(c.get("features"), double[][].class));
      int[] labeled = JSON.convertValue(c.get("labeled"), int[].class);
      int[] labels = JSON.convertValue(c.get("labels"), int[].class);
      int classes = c.get("classes").asInt();
      ModelProvider m = REGISTRY.model("logistic");
      ModelAdapter adapter = m.create(m.options(Map.of("l2", c.get("l2").asText(), "iterations",
          c.get("iterations").asText(), "refit-iterations", c.get("refit-iterations").asText())));
      FittedModel fitted = adapter.fit(x, labeled, labels, classes, 1);
      StrategyProvider eer = REGISTRY.strategy("eer");
      var b = REGISTRY.backend("java");
      try (ComputeBackend backend = b.create(b.options(Map.of()))) {
        SelectionContext ctx = SelectionContext.builder(x.rows()).labeled(labeled, labels)
            .budget(x.rows() - labeled.length).signal(Signal.FEATURES, x)
            .signal(Signal.PROBABILITIES, fitted.probabilities(x)).backend(backend)
            .capability(Refitting.class, adapter.capability(Refitting.class).orElseThrow())
            .capability(FittedModel.class, fitted).build();
        Selection s = eer.create(eer.defaults()).select(ctx);
        JsonNode expected = c.get("expected-loss");
        assertThat(s.size()).isEqualTo(expected.size());
        for (int r = 0; r < s.size(); r++) {
          double want = expected.get(String.valueOf(s.index(r))).asDouble();
          assertThat(s.scores()[r]).as("%s item %d", file.getFileName(), s.index(r)).isCloseTo(want, within(1e-6 * want));
          if (r > 0) {
            assertThat(s.scores()[r]).isGreaterThanOrEqualTo(s.scores()[r - 1]);
          }
        }
      }
    }
  }
}
