package org.alkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.alkit.api.Matrix;
import org.alkit.runtime.Npy;
import org.alkit.runtime.NpyArray;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a new user meets first: help for every command, one-line errors naming the flag or key,
 * the bad value and what was expected (exit 2), outputs checked before the work, and inputs used
 * as given (a boolean mask, kernels the function reads, the hints of a scenario).
 */
class UserPathTest {
  @TempDir
  Path dir;

  Path probs;
  Path embeddings;

  @BeforeEach
  void inputs() {
    probs = dir.resolve("probs.npy");
    Npy.writeMatrix(probs, CliHarness.probabilities());
    embeddings = dir.resolve("emb.npy");
    Npy.writeMatrix(embeddings, CliHarness.embeddings());
  }

  private Path matrix(String name, float[][] rows) {
    Path file = dir.resolve(name);
    Npy.writeMatrix(file, Matrix.of(rows));
    return file;
  }

  private Path ints(String name, int... values) {
    Path file = dir.resolve(name);
    Npy.writeInts(file, values);
    return file;
  }

  private Path text(String name, String content) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, content);
    return file;
  }

  /** Exit 2 and exactly one line on stderr holding every fragment, no stack trace. */
  static void assertRefused(CliHarness.Result r, String... fragments) {
    assertThat(r.code()).as("exit code; stderr: %s", r.err()).isEqualTo(2);
    assertThat(r.err().strip()).as("one line").doesNotContain("\n").doesNotContain("\tat ")
        .doesNotContain("Exception").startsWith("alkit");
    for (String f : fragments) {
      assertThat(r.err()).contains(f);
    }
  }

  private static JsonNode json(CliHarness.Result r) throws IOException {
    assertThat(r.code()).as(r.err()).isZero();
    return new ObjectMapper().readTree(r.out());
  }

  @ParameterizedTest
  @ValueSource(strings = {"select", "maximize", "run", "strategies", "eval", "serve"})
  void everySubcommandHasHelp(String command) {
    for (String[] args : new String[][] {{command, "--help"}, {command, "-h"}, {"help", command}}) {
      CliHarness.Result r = CliHarness.run(args);
      assertThat(r.code()).as("%s: %s", String.join(" ", args), r.err()).isZero();
      assertThat(r.out()).startsWith("Usage: alkit " + command);
    }
  }

  @Test
  void serveWithoutTheServiceOnTheClassPathSaysHowToGetIt(@TempDir Path dir) {
    // al-cli's class path lacks al-serve, which the launcher adds for serve alone
    assertRefused(CliHarness.run("serve", "--data", dir.toString(), "--port", "0"), "al-serve", "./alkit");
    assertRefused(CliHarness.run("serve", "--data", dir.toString(), "--port", "70000"), "--port = 70000");
  }

  @Test
  void usageErrorsAreOneLinePointingAtAHelpThatWorks() {
    CliHarness.Result r = CliHarness.run("select", "--strategy", "margin", "--budget", "1", "--probz", "x");
    assertRefused(r, "Unknown option", "--probz", "did you mean --probs", "(see 'alkit select --help')");
    assertRefused(CliHarness.run("select", "--budget", "2"), "Missing required option", "--strategy");
    assertRefused(CliHarness.run("maximize", "--function", "flvmi", "--budget", "x"), "--budget", "'x'");
  }

  @ParameterizedTest
  @ValueSource(strings = {"coreset", "kmeans", "cluster-margin", "badge"})
  void hugeEmbeddingsAreRefusedBeforeDistancesOverflow(String strategy) {
    Path huge = matrix("huge.npy", new float[][] {{0, 0}, {1e19f, 0}, {2, 2}, {3, 3}});
    Path p = matrix("p4.npy", new float[][] {{0.5f, 0.5f}, {0.9f, 0.1f}, {0.2f, 0.8f}, {0.6f, 0.4f}});
    assertRefused(CliHarness.run("select", "--strategy", strategy, "--budget", "2", "--embeddings",
        huge.toString(), "--probs", p.toString()), "--embeddings", "1.0E19", "rescale");
  }

  @Test
  void poolSizesAreCheckedBeforeAllocating() {
    assertRefused(CliHarness.run("select", "--strategy", "random", "--budget", "1", "--pool-size", "-5"),
        "--pool-size = -5", "positive");
    assertRefused(CliHarness.run("select", "--strategy", "random", "--budget", "1", "--pool-size",
        "2000000000", "--seed", "1"), "--pool-size", "heap", "ALKIT_JAVA_OPTS=-Xmx");
  }

  @Test
  void labelsOutsideTheClassesAreRefused() {
    Path labeled = ints("labeled.npy", 0, 5, 7);
    assertRefused(CliHarness.run("select", "--strategy", "margin", "--budget", "1", "--probs", probs.toString(),
        "--labeled", labeled.toString(), "--labels", ints("l.npy", 0, 1, 2).toString()), "--labels[2] = 2", "[0, 2)");
    assertRefused(CliHarness.run("select", "--strategy", "margin", "--budget", "1", "--probs", probs.toString(),
        "--labeled", labeled.toString(), "--labels", ints("n.npy", 0, -1, 1).toString()), "--labels[1] = -1");
    assertRefused(CliHarness.run("select", "--strategy", "margin", "--budget", "1", "--probs", probs.toString(),
        "--rare-classes", "4"), "--rare-classes holds 4");
  }

  @Test
  void oneClassProbabilitiesAreRefused() {
    Path one = matrix("one.npy", new float[][] {{1}, {1}, {1}});
    assertRefused(CliHarness.run("select", "--strategy", "entropy", "--budget", "1", "--probs", one.toString()),
        "--probs has 1 class", "at least 2");
  }

  @Test
  void aStackOfOneMatrixIsRefused() {
    Path stack = dir.resolve("stack.npy");
    Npy.write(stack, new NpyArray(NpyArray.Dtype.FLOAT32, new int[] {1, 2, 2}, new double[] {1, 0, 0, 1}));
    assertRefused(CliHarness.run("select", "--strategy", "vote-entropy", "--budget", "1", "--committee-probs",
        stack.toString()), "--committee-probs holds 1", "at least 2");
  }

  @Test
  void anAsymmetricKernelIsRefusedByLogDet() {
    Path k = matrix("k.npy", new float[][] {{1, 0.3f, 0}, {0.5f, 1, 0}, {0, 0, 1}});
    assertRefused(CliHarness.run("maximize", "--function", "log-det", "--budget", "1", "--kernel", k.toString()),
        "--kernel is not symmetric", "[0][1] = 0.3", "[1][0] = 0.5");
  }

  @Test
  void outputsAreCheckedBeforeTheWork() throws IOException {
    byte[] before = Files.readAllBytes(probs);
    assertRefused(CliHarness.run("select", "--strategy", "margin", "--budget", "1", "--probs", probs.toString(),
        "--out", probs.toString()), "--out", "--probs", "overwritten");
    assertThat(Files.readAllBytes(probs)).isEqualTo(before);
    assertRefused(CliHarness.run("maximize", "--function", "facility-location", "--budget", "1", "--data",
        embeddings.toString(), "--out", dir.resolve("no/such/folder/x.json").toString()), "--out", "does not exist");
    assertRefused(CliHarness.run("run", "--out", dir.resolve("missing/curve.json").toString()), "--out",
        "does not exist");
    assertRefused(CliHarness.run("select", "--strategy", "margin", "--budget", "1", "--probs", probs.toString(),
        "--out", dir.toString()), "--out", "is a folder");
  }

  @Test
  void budgetsBeyondTheUnlabeledPoolAreRefused() {
    Path labeled = ints("labeled.npy", 0, 5, 7);
    assertRefused(CliHarness.run("select", "--strategy", "margin", "--budget", "18", "--probs", probs.toString(),
        "--labeled", labeled.toString()), "--budget = 18", "17 of the 20", "<= 17");
    int[] all = new int[20];
    for (int i = 0; i < 20; i++) {
      all[i] = i;
    }
    assertRefused(CliHarness.run("select", "--strategy", "margin", "--budget", "1", "--probs", probs.toString(),
        "--labeled", ints("all.npy", all).toString()), "--labeled covers all 20");
  }

  @Test
  void aBooleanMaskIsAcceptedAsAMaskAndAnIntegerMaskIsRefusedByName() throws IOException {
    double[] mask = new double[20];
    mask[0] = mask[5] = mask[7] = 1;
    Path bool = dir.resolve("mask.npy");
    Npy.write(bool, new NpyArray(NpyArray.Dtype.BOOL, new int[] {20}, mask));
    JsonNode fromMask = json(CliHarness.run("select", "--strategy", "random", "--budget", "17", "--probs",
        probs.toString(), "--labeled", bool.toString()));
    assertThat(fromMask.get("selected").toString()).doesNotContain("[0,").doesNotContain(",5,").doesNotContain(",7,");
    assertThat(fromMask.get("selected")).hasSize(17);
    Path intMask = dir.resolve("intmask.npy");
    Npy.write(intMask, new NpyArray(NpyArray.Dtype.INT64, new int[] {20}, mask));
    assertRefused(CliHarness.run("select", "--strategy", "random", "--budget", "1", "--probs", probs.toString(),
        "--labeled", intMask.toString()), "--labeled", "twice", "mask");
    Path shortMask = dir.resolve("short.npy");
    Npy.write(shortMask, new NpyArray(NpyArray.Dtype.BOOL, new int[] {3}, new double[] {1, 0, 1}));
    assertRefused(CliHarness.run("select", "--strategy", "random", "--budget", "1", "--probs", probs.toString(),
        "--labeled", shortMask.toString()), "--labeled is a boolean mask of 3 entries", "(20)");
  }

  @Test
  void anUnknownScenarioIsRefusedWithTheKnownOnes() {
    assertRefused(CliHarness.run("select", "--strategy", "margin", "--budget", "1", "--probs", probs.toString(),
        "--scenario", "rare"), "--scenario", "'rare'", "rare-classes", "redundancy");
  }

  @Test
  void paramsAreTypedAndSelectMsTimesTheSelectionAlone() throws IOException {
    JsonNode r = json(CliHarness.run("select", "--strategy", "coreset-doubt", "--budget", "2", "--probs",
        probs.toString(), "--embeddings", embeddings.toString(), "--set", "beam=1"));
    assertThat(r.get("params").get("beam").isInt()).as(r.toString()).isTrue();
    JsonNode random = json(CliHarness.run("select", "--strategy", "random", "--budget", "3", "--pool-size", "10"));
    // not a timing assert: JSON output and class loading must not be inside the timed region,
    // which held over 100 ms of JSON library start-up before
    assertThat(random.get("timing").get("select_ms").asDouble()).isLessThan(50);
  }

  @Test
  void unusedSignalFilesAreCheckedByTheirHeaderOnly() {
    float[][] rows = new float[20][2];
    for (float[] row : rows) {
      row[0] = Float.NaN;
    }
    Path nan = matrix("nan.npy", rows);
    CliHarness.Result margin = CliHarness.run("select", "--strategy", "margin", "--budget", "1", "--probs",
        probs.toString(), "--embeddings", nan.toString());
    assertThat(margin.code()).as("margin does not read --embeddings: %s", margin.err()).isZero();
    assertRefused(CliHarness.run("select", "--strategy", "coreset", "--budget", "1", "--probs", probs.toString(),
        "--embeddings", nan.toString()), "--embeddings", "NaN");
    Path short1 = matrix("short.npy", new float[][] {{1, 2}});
    assertRefused(CliHarness.run("select", "--strategy", "margin", "--budget", "1", "--probs", probs.toString(),
        "--embeddings", short1.toString()), "--embeddings has 1 row but --probs has 20");
  }

  @Test
  void queryOnlyFunctionsNeedOnlyTheQueryKernel() throws IOException {
    Path kq = matrix("kq.npy", new float[][] {{0.1f, 0.2f}, {0.9f, 0.8f}, {0.3f, 0.1f}});
    for (String function : new String[] {"flvmi", "gcmi", "com"}) {
      JsonNode r = json(CliHarness.run("maximize", "--function", function, "--budget", "1", "--query-kernel",
          kq.toString()));
      assertThat(r.get("selected").get(0).asInt()).as(function).isEqualTo(1);
    }
    assertRefused(CliHarness.run("maximize", "--function", "flmi", "--budget", "1", "--query-kernel",
        kq.toString()), "flmi", "give --kernel");
  }

  @Test
  void maximizeRefusesOptionsItCannotUse() {
    assertRefused(CliHarness.run("maximize", "--function", "facility-location", "--budget", "1", "--data",
        embeddings.toString(), "--set", "neighbors=-3"), "'neighbors' = -3");
    Path k = matrix("k.npy", new float[][] {{1, 0}, {0, 1}});
    assertRefused(CliHarness.run("maximize", "--function", "facility-location", "--budget", "1", "--kernel",
        k.toString(), "--metric", "cosine"), "--metric", "without --data");
    Path huge = matrix("huge.npy", new float[][] {{0, 0}, {1e19f, 0}});
    assertRefused(CliHarness.run("maximize", "--function", "facility-location", "--budget", "1", "--data",
        huge.toString()), "--data", "1.0E19", "rescale");
  }

  @Test
  void aDenseKernelBeyondAJavaArrayIsRefusedWithTheWayOut() {
    Path wide = matrix("wide.npy", new float[50_000][1]);
    assertRefused(CliHarness.run("maximize", "--function", "facility-location", "--budget", "1", "--data",
        wide.toString()), "n = 50000", "neighbors", "ALKIT_JAVA_OPTS=-Xmx");
  }

  @Test
  void runConfigurationsAreCheckedBeforeRoundOne() throws IOException {
    assertRefused(CliHarness.run("run", "--config", text("dup.yml", "budget: 3\nbudget: 4\n").toString()),
        "line 2", "duplicate key budget", "each key once");
    assertRefused(CliHarness.run("run", "--config", text("bad.yml", "budget: [3\nrounds: 2\n").toString()),
        "malformed YAML at line 2");
    assertRefused(CliHarness.run("run", "--config", text("big.yml", "budget: 500\nrounds: 10\n").toString()),
        "initial-labeled + rounds × budget = 20 + 10 × 500 = 5020", "exceeds the pool");
    assertRefused(CliHarness.run("run", "--config", text("scen.yml", "scenarios: {name: x}\n").toString()),
        "scenarios = {name: x}", "rare-classes");
    assertRefused(CliHarness.run("run", "--config", text("rare.yml",
        "scenarios:\n  - {name: x, strategy: similar, rare-classes: [30]}\n").toString()), "rare-classes holds 30",
        "[0, 10)");
  }

  @ParameterizedTest
  @ValueSource(strings = {"NaN", "Infinity", "1e400", "-Infinity"})
  void nonFiniteCsvFeaturesAreRefused(String value) throws IOException {
    Path csv = text("data.csv", "1,2,0\n" + value + ",3,1\n4,5,1\n6,7,0\n");
    Path cfg = text("run.yml", "dataset: data.csv\ninitial-labeled: 1\nbudget: 1\nrounds: 1\ntest-fraction: 0.25\n");
    assertRefused(CliHarness.run("run", "--config", cfg.toString()), "line 2 column 1", value, "finite");
  }

  @Test
  void csvClassesMustBeTwoOrMoreWithoutGaps() throws IOException {
    Path cfg = text("run.yml", "dataset: data.csv\ninitial-labeled: 1\nbudget: 1\nrounds: 1\n");
    text("data.csv", "1,2,0\n3,3,0\n4,5,0\n5,5,0\n");
    assertRefused(CliHarness.run("run", "--config", cfg.toString()), "one class", "at least two");
    text("data.csv", "1,2,0\n3,3,2\n4,5,2\n5,5,0\n");
    assertRefused(CliHarness.run("run", "--config", cfg.toString()), "none 1", "renumber");
  }

  @Test
  void relativeDatasetPathsResolveAgainstTheConfigFile() throws IOException {
    Path sub = Files.createDirectories(dir.resolve("configs"));
    StringBuilder rows = new StringBuilder();
    for (int i = 0; i < 40; i++) {
      rows.append(i % 2 == 0 ? i : -i).append(',').append(i % 5).append(',').append(i % 2).append('\n');
    }
    Files.writeString(sub.resolve("data.csv"), rows);
    Path cfg = Files.writeString(sub.resolve("run.yml"),
        "dataset: data.csv\ninitial-labeled: 4\nbudget: 2\nrounds: 1\n");
    CliHarness.Result r = CliHarness.run("run", "--config", cfg.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("data.csv (30 pool, 10 test, 2 classes)");
  }

  @Test
  void theConsoleSpeaksPlainly() throws IOException {
    Path cfg = text("run.yml", "strategy: coreset-doubt\nstrategy-options: {beam: 1}\ninitial-labeled: 20\n"
        + "budget: 1\nrounds: 1\n");
    CliHarness.Result r = CliHarness.run("run", "--config", cfg.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("1 round of 1 item").contains("strategy coreset-doubt (")
        .contains("beam=1").doesNotContain("{").doesNotContain("1 rounds");
    String[] lines = r.out().strip().split("\n");
    assertThat(lines[lines.length - 2]).contains("final fit").contains("labeled 21");
    assertThat(lines[lines.length - 2]).endsWith(lines[lines.length - 1].substring("final accuracy: ".length()));
  }

  @Test
  void similarRunsInTheLoopWithTheHintsOfEachScenario() throws IOException {
    Path cfg = text("run.yml", "initial-labeled: 40\nbudget: 5\nrounds: 1\nscenarios:\n"
        + "  - {name: rare-classes, strategy: similar, strategy-options: {function: flvmi}, rare-classes: [3, 7]}\n"
        + "  - {name: ood, strategy: similar, strategy-options: {function: flcmi}, ood-classes: [9]}\n"
        + "  - {name: redundancy, strategy: similar, strategy-options: {function: gccg}}\n");
    Path out = dir.resolve("curve.json");
    CliHarness.Result r = CliHarness.run("run", "--config", cfg.toString(), "--out", out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode runs = new ObjectMapper().readTree(out.toFile()).get("runs");
    assertThat(runs).hasSize(3);
    for (JsonNode run : runs) {
      assertThat(run.get("rounds").get(0).get("selected")).hasSize(5);
    }
    assertThat(runs.get(0).get("strategy_options").get("function").asText()).isEqualTo("flvmi");
  }

  @Test
  void aScenarioTakesExplicitQueryAndPrivateSets() throws IOException {
    // FLMI (FLQMI) with a one-item query set picks that item first: nothing is more similar to it
    Matrix pool = org.alkit.eval.data.Datasets.load("optdigits", 0.25, 42).pool();
    Npy.writeMatrix(dir.resolve("exemplar.npy"), pool.select(new int[] {700}));
    Path cfg = text("run.yml", "initial-labeled: 20\nbudget: 1\nrounds: 1\nscenarios:\n"
        + "  - {name: by-index, strategy: similar, strategy-options: {function: flmi}, query: [500]}\n"
        + "  - {name: by-file, strategy: similar, strategy-options: {function: flmi}, query-data: exemplar.npy}\n"
        + "  - {name: avoid, strategy: similar, strategy-options: {function: flcg}, private: [1, 2, 3]}\n");
    Path out = dir.resolve("curve.json");
    CliHarness.Result r = CliHarness.run("run", "--config", cfg.toString(), "--out", out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode runs = new ObjectMapper().readTree(out.toFile()).get("runs");
    assertThat(runs.get(0).get("rounds").get(0).get("selected").get(0).asInt()).isEqualTo(500);
    assertThat(runs.get(1).get("rounds").get(0).get("selected").get(0).asInt()).isEqualTo(700);
    assertThat(runs.get(2).get("rounds").get(0).get("selected").get(0).asInt()).isNotIn(1, 2, 3);
  }

  @Test
  void badQueryAndPrivateSetsAreRefusedBeforeRoundOne() throws IOException {
    String head = "initial-labeled: 20\nbudget: 1\nrounds: 1\nscenarios:\n  - {name: q, strategy: similar, ";
    assertRefused(CliHarness.run("run", "--config", text("far.yml", head + "query: [99999]}\n").toString()),
        "scenario 'q': query holds 99999", "expected a pool index in [0, ");
    assertRefused(CliHarness.run("run", "--config", text("twice.yml", head + "private: [4, 4]}\n").toString()),
        "scenario 'q': private holds 4 twice");
    assertRefused(CliHarness.run("run", "--config", text("neg.yml", head + "query: [-1]}\n").toString()),
        "query = [-1]", "pool indices >= 0");
    assertRefused(CliHarness.run("run", "--config",
        text("both.yml", head + "query: [1], query-data: q.npy}\n").toString()), "both query and query-data");
    assertRefused(CliHarness.run("run", "--config", text("gone.yml", head + "private-data: gone.npy}\n").toString()),
        "scenario 'q': private-data", "gone.npy");
    Npy.writeMatrix(dir.resolve("narrow.npy"), Matrix.of(new float[][] {{1, 2}}));
    assertRefused(CliHarness.run("run", "--config", text("narrow.yml", head + "query-data: narrow.npy}\n").toString()),
        "scenario 'q': query-data", "has 2 columns; expected the dataset's 64 feature columns");
  }
}
