package org.alkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.alkit.api.Matrix;
import org.alkit.api.StrategyProvider;
import org.alkit.runtime.Npy;
import org.alkit.runtime.Registry;
import org.alkit.testkit.Fixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every discovered strategy runs through {@code alkit select} from {@code .npy} files, but for
 * those that take part in the classifier's training (learning-loss) or refit the model (eer), which
 * select refuses in one line because it fits no model.
 */
class EveryStrategyTest {
  private static final int POOL = 60;

  @TempDir
  static Path dir;

  /** The strategies that train with the classifier or refit it, and so cannot run from files. */
  private static final Set<String> PARTICIPANTS = Set.of("learning-loss", "eer");

  static Stream<String> strategies() {
    return Registry.load().strategies().stream().map(StrategyProvider::name).filter(s -> !PARTICIPANTS.contains(s));
  }

  @BeforeAll
  static void writeSignals() {
    SplittableRandom rng = new SplittableRandom(17);
    Npy.writeMatrix(dir.resolve("probs.npy"), Fixtures.probabilities(POOL, rng));
    Npy.writeMatrix(dir.resolve("prev.npy"), Fixtures.probabilities(POOL, rng));
    Npy.writeMatrix(dir.resolve("emb.npy"), Fixtures.embeddings(POOL, rng));
    writeStack(dir.resolve("mc.npy"), Fixtures.samples(POOL, rng));
    writeStack(dir.resolve("committee.npy"), Fixtures.samples(POOL, rng));
    writeHistory(dir.resolve("history.npy"), Fixtures.predictionHistory(POOL, rng));
    int[] labeled = new int[12];
    int[] labels = new int[12];
    for (int i = 0; i < labeled.length; i++) {
      labeled[i] = 3 * i;
      labels[i] = i % Fixtures.CLASSES;
    }
    Npy.writeInts(dir.resolve("labeled.npy"), labeled);
    Npy.writeInts(dir.resolve("labels.npy"), labels);
  }

  /** An items × epochs history as the epochs × items int32 file {@code select} reads. */
  private static void writeHistory(Path file, Matrix history) {
    int n = history.rows();
    int epochs = history.cols();
    double[] values = new double[n * epochs];
    for (int i = 0; i < n; i++) {
      for (int e = 0; e < epochs; e++) {
        values[e * n + i] = history.get(i, e);
      }
    }
    Npy.write(file, new org.alkit.runtime.NpyArray(org.alkit.runtime.NpyArray.Dtype.INT32, new int[] {epochs, n},
        values));
  }

  private static void writeStack(Path file, List<Matrix> stack) {
    int t = stack.size();
    int n = stack.get(0).rows();
    int c = stack.get(0).cols();
    double[] values = new double[t * n * c];
    for (int s = 0; s < t; s++) {
      float[] m = stack.get(s).toArray();
      for (int k = 0; k < m.length; k++) {
        values[s * n * c + k] = m[k];
      }
    }
    Npy.write(file, new org.alkit.runtime.NpyArray(org.alkit.runtime.NpyArray.Dtype.FLOAT32, new int[] {t, n, c}, values));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("strategies")
  void runsFromNpyFiles(String strategy) throws IOException {
    assertSelects(strategy, List.of("--scenario", "rare-classes", "--rare-classes", "0"));
  }

  /** SIMILAR's measures, each in the scenario the paper uses it for. */
  @ParameterizedTest(name = "similar {0} in {1}")
  @org.junit.jupiter.params.provider.CsvSource({
      "flmi, rare-classes", "flvmi, rare-classes", "gcmi, rare-classes", "logdet-mi, rare-classes",
      "com, rare-classes", "flcg, redundancy", "gccg, redundancy", "logdet-cg, redundancy",
      "flcmi, ood", "logdet-cmi, ood"})
  void similarRunsEveryMeasureInItsScenario(String function, String scenario) throws IOException {
    assertSelects("similar", List.of("--set", "function=" + function, "--scenario", scenario,
        "--rare-classes", "0", "--ood-classes", "3"));
  }

  /**
   * The Bayesian strategies away from their defaults: BatchBALD past its exact budget (sampled
   * joint entropies), power-BALD uniform and sharpened.
   */
  @ParameterizedTest(name = "{0} {1}")
  @org.junit.jupiter.params.provider.CsvSource({
      "batch-bald, max-configurations=4;samples=64", "power-bald, beta=0", "power-bald, beta=3"})
  void bayesianStrategiesRunWithTheirOptions(String strategy, String options) throws IOException {
    List<String> extra = new ArrayList<>();
    for (String option : options.split(";")) {
      extra.addAll(List.of("--set", option));
    }
    assertSelects(strategy, extra);
  }

  @org.junit.jupiter.api.Test
  void learningLossCannotRunFromFilesAndSaysWhy() {
    CliHarness.Result r = CliHarness.run("select", "--strategy", "learning-loss", "--budget", "7",
        "--probs", dir.resolve("probs.npy").toString(), "--labeled", dir.resolve("labeled.npy").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("alkit: strategy 'learning-loss' takes part in the classifier's training (hooks "
        + "auxiliary-head), and no model is fitted here (alkit select fits none): run it in a loop (alkit run)\n");
  }

  @org.junit.jupiter.api.Test
  void eerCannotRunFromFilesAndSaysWhy() {
    CliHarness.Result r = CliHarness.run("select", "--strategy", "eer", "--budget", "7",
        "--probs", dir.resolve("probs.npy").toString(), "--features", dir.resolve("emb.npy").toString(),
        "--labeled", dir.resolve("labeled.npy").toString(), "--labels", dir.resolve("labels.npy").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("alkit: strategy 'eer' refits the model (Refitting), and no model is fitted here"
        + " (alkit select fits none): run it in a loop (alkit run)\n");
  }

  @org.junit.jupiter.api.Test
  void theBayesianStrategiesAreListedWithTheirSignal() {
    CliHarness.Result r = CliHarness.run("strategies");
    assertThat(r.code()).as(r.err()).isZero();
    for (String name : List.of("bald", "batch-bald", "power-bald", "variation-ratio", "mean-std")) {
      assertThat(r.out()).as("listing").containsPattern("(?m)^" + name + " +bayesian +requires: mc-probabilities");
    }
  }

  @org.junit.jupiter.api.Test
  void theSurveyStrategiesAndModelsAreListed() {
    CliHarness.Result r = CliHarness.run("strategies");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).containsPattern("(?m)^egl +training-effects +requires: embeddings, probabilities$")
        .containsPattern("(?m)^label-dispersion +training-effects +requires: prediction-history$")
        .containsPattern("(?m)^suggestive-annotation +hybrid +requires: committee-probabilities, embeddings$")
        .containsPattern("(?m)^ +--set over=mc-probabilities +\\(choice: mc-probabilities\\|committee-probabilities\\)");
    String models = r.out().substring(r.out().indexOf("\nmodels ("));
    for (String model : List.of("logistic", "committee", "mlp", "cnn", "embed", "ensemble", "bbb")) {
      assertThat(models).as("models listing").containsPattern("(?m)^" + model + " +\\S");
    }
    assertThat(models).containsPattern("(?m)^ +kind=independent +\\(choice: independent\\|snapshot\\|stochastic\\)")
        .containsPattern("(?m)^ +prior-pi=0.5 +\\(real, 0 < prior-pi <= 1\\)")
        .containsPattern("(?m)^ +members=5 +\\(integer, >= 2\\)");
  }

  private static void assertSelects(String strategy, List<String> extra) throws IOException {
    Path out = dir.resolve(strategy + "-" + String.join("", extra).hashCode() + ".json");
    List<String> args = new ArrayList<>(List.of("select", "--strategy", strategy, "--budget", "7", "--seed", "4",
        "--probs", dir.resolve("probs.npy").toString(), "--prev-probs", dir.resolve("prev.npy").toString(),
        "--embeddings", dir.resolve("emb.npy").toString(), "--features", dir.resolve("emb.npy").toString(),
        "--mc-probs", dir.resolve("mc.npy").toString(),
        "--committee-probs", dir.resolve("committee.npy").toString(),
        "--prediction-history", dir.resolve("history.npy").toString(),
        "--labeled", dir.resolve("labeled.npy").toString(), "--labels", dir.resolve("labels.npy").toString(),
        "--out", out.toString()));
    args.addAll(extra);
    CliHarness.Result r = CliHarness.run(args.toArray(String[]::new));
    assertThat(r.code()).as("%s: %s", strategy, r.err()).isZero();
    JsonNode json = new ObjectMapper().readTree(Files.readString(out));
    assertThat(json.get("strategy").asText()).isEqualTo(strategy);
    Set<Integer> picked = new HashSet<>();
    json.get("selected").forEach(n -> picked.add(n.asInt()));
    assertThat(picked).hasSize(7).allMatch(i -> i % 3 != 0 || i >= 36, "unlabeled");
  }
}
