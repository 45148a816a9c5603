package org.alkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.alkit.api.Matrix;
import org.alkit.runtime.Npy;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SelectCommandTest {
  @TempDir
  Path dir;

  Path probs;
  Path embeddings;
  Path labeled;
  Path labels;

  @BeforeEach
  void writeInputs() {
    probs = write("probs.npy", CliHarness.probabilities());
    embeddings = write("emb.npy", CliHarness.embeddings());
    labeled = dir.resolve("labeled.npy");
    Npy.writeInts(labeled, new int[] {0, 5, 7});
    labels = dir.resolve("labels.npy");
    Npy.writeInts(labels, new int[] {0, 1, 1});
  }

  private Path write(String name, Matrix m) {
    Path file = dir.resolve(name);
    Npy.writeMatrix(file, m);
    return file;
  }

  private Path writeRaw(String name, float[][] rows) {
    return write(name, Matrix.of(rows));
  }

  @Test
  void randomWritesTheDocumentedJson() throws IOException {
    Path out = dir.resolve("result.json");
    CliHarness.Result r = CliHarness.run("select", "--strategy", "random", "--budget", "5", "--seed", "3",
        "--probs", probs.toString(), "--labeled", labeled.toString(), "--out", out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    String text = Files.readString(out);
    assertThat(text).as("a text file ends with a line break").endsWith("}" + System.lineSeparator());
    JsonNode json = new ObjectMapper().readTree(text);
    assertThat(json.get("strategy").asText()).isEqualTo("random");
    assertThat(json.get("params").isObject()).isTrue();
    assertThat(json.get("selected")).hasSize(5);
    assertThat(json.get("scores")).hasSize(5);
    assertThat(json.get("timing").get("select_ms").isNumber()).isTrue();
    Set<Integer> picked = new HashSet<>();
    json.get("selected").forEach(n -> picked.add(n.asInt()));
    assertThat(picked).hasSize(5).doesNotContain(0, 5, 7).allMatch(i -> i >= 0 && i < 20);
  }

  @Test
  void sameSeedSameOutputOnStdout() {
    String[] args = {"select", "--strategy", "random", "--budget", "4", "--seed", "9", "--pool-size", "30"};
    CliHarness.Result a = CliHarness.run(args);
    CliHarness.Result b = CliHarness.run(args);
    assertThat(a.code()).as(a.err()).isZero();
    assertThat(a.out().replaceAll("\"select_ms\" : [0-9.E-]+", ""))
        .isEqualTo(b.out().replaceAll("\"select_ms\" : [0-9.E-]+", ""));
  }

  @Test
  void pluginStrategyRunsFromEmbeddings() {
    CliHarness.Result r = CliHarness.run("select", "--strategy", "example-outlier", "--budget", "2",
        "--embeddings", embeddings.toString(), "--set", "power=1");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("\"strategy\" : \"example-outlier\"").contains("\"power\" : 1.0");
  }

  private static void assertBadInput(CliHarness.Result r, String... fragments) {
    assertThat(r.code()).as("exit code; stderr: %s", r.err()).isEqualTo(2);
    assertThat(r.err()).startsWith("alkit: ").doesNotContain("\tat ").doesNotContain("Exception");
    for (String f : fragments) {
      assertThat(r.err()).contains(f);
    }
  }

  @Test
  void missingFileIsNamed() {
    assertBadInput(CliHarness.run("select", "--strategy", "random", "--budget", "1",
        "--probs", dir.resolve("nope.npy").toString()), "--probs", "nope.npy");
  }

  @Test
  void shapeMismatchNamesBothFlags() {
    Path small = writeRaw("small.npy", new float[][] {{1, 0}, {0, 1}});
    assertBadInput(CliHarness.run("select", "--strategy", "random", "--budget", "1",
        "--probs", probs.toString(), "--embeddings", small.toString()), "--embeddings", "2 rows", "--probs", "20");
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "-3", "21"})
  void budgetOutOfRangeIsRejected(String budget) {
    assertBadInput(CliHarness.run("select", "--strategy", "random", "--budget", budget,
        "--probs", probs.toString()), "budget = " + budget, "pool size (20)");
  }

  @Test
  void nanProbabilityIsRejected() {
    Path bad = writeRaw("nan.npy", new float[][] {{Float.NaN, 1}, {0.5f, 0.5f}});
    assertBadInput(CliHarness.run("select", "--strategy", "example-outlier", "--budget", "1",
        "--embeddings", bad.toString()), "NaN", "finite");
  }

  @Test
  void negativeProbabilityIsRejected() {
    Path bad = writeRaw("neg.npy", new float[][] {{-0.5f, 1.5f}, {0.5f, 0.5f}});
    assertBadInput(CliHarness.run("select", "--strategy", "margin", "--budget", "1",
        "--probs", bad.toString()), "-0.5", ">= 0");
  }

  @Test
  void rowNotSummingToOneIsRejected() {
    Path bad = writeRaw("sum.npy", new float[][] {{0.5f, 0.6f}, {0.5f, 0.5f}});
    Path emb = writeRaw("e3.npy", new float[][] {{1, 2}, {3, 4}});
    assertBadInput(CliHarness.run("select", "--strategy", "badge", "--budget", "1",
        "--probs", emb.toString(), "--embeddings", emb.toString()), "--probs", "row 0 sums to 3", "within 0.001");
    assertBadInput(CliHarness.run("select", "--strategy", "margin", "--budget", "1",
        "--probs", bad.toString()), "row 0 sums to 1.1", "within 0.001");
  }

  @Test
  void unknownOptionListsTheKnownOnes() {
    assertBadInput(CliHarness.run("select", "--strategy", "example-outlier", "--budget", "1",
        "--embeddings", embeddings.toString(), "--set", "depth=3"), "'depth'", "power");
  }

  @Test
  void badOptionValueIsNamed() {
    assertBadInput(CliHarness.run("select", "--strategy", "example-outlier", "--budget", "1",
        "--embeddings", embeddings.toString(), "--set", "power=lots"), "power", "lots", "a number");
  }

  @Test
  void unknownStrategyListsTheKnownOnes() {
    assertBadInput(CliHarness.run("select", "--strategy", "nope", "--budget", "1",
        "--probs", probs.toString()), "unknown strategy 'nope'", "random");
  }

  @Test
  void missingSignalIsNamedWithItsFlag() {
    assertBadInput(CliHarness.run("select", "--strategy", "example-outlier", "--budget", "1",
        "--probs", probs.toString()), "embeddings", "--embeddings");
  }

  @Test
  void labelsWithoutLabeledIsRejected() {
    assertBadInput(CliHarness.run("select", "--strategy", "random", "--budget", "1",
        "--probs", probs.toString(), "--labels", labels.toString()), "--labels", "--labeled");
  }

  @Test
  void labeledIndexOutsideThePoolIsNamed() {
    Path far = dir.resolve("far.npy");
    Npy.writeInts(far, new int[] {3, 99});
    assertBadInput(CliHarness.run("select", "--strategy", "random", "--budget", "1",
        "--probs", probs.toString(), "--labeled", far.toString()), "99", "[0, 20)");
  }

  @Test
  void usageErrorsExitTwo() {
    CliHarness.Result r = CliHarness.run("select", "--budget", "1");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--strategy");
  }

  @Test
  void verbosePrintsTheStackTrace() {
    CliHarness.Result r = CliHarness.run("select", "--verbose", "--strategy", "random", "--budget", "0",
        "--probs", probs.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("InvalidInputException").contains("\tat ");
  }

  @Test
  void aMisspeltRequiredOptionIsSuggested() {
    CliHarness.Result r = CliHarness.run("select", "--strategy", "margin", "--budgt", "10", "--probs",
        probs.toString());
    assertThat(r.code()).isEqualTo(Alkit.BAD_INPUT);
    assertThat(r.err().strip()).contains("--budget").contains("did you mean --budget?").doesNotContain("\n");
  }

  @Test
  void helpDescribesEveryFormOfTheIndexSets() {
    CliHarness.Result r = CliHarness.run("select", "--help");
    assertThat(r.code()).isZero();
    String help = r.out().replaceAll("\\s+", " ");
    for (String flag : new String[] {"--labeled", "--query", "--private"}) {
      assertThat(help).as(flag).containsPattern(java.util.regex.Pattern.quote(flag)
          + "=<[^>]+> [^-]*bool mask of n entries");
    }
  }

  @Test
  void anOutputFileThatCannotBeCreatedIsRefusedBeforeTheSelection() {
    Path proc = Path.of("/proc");
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(proc.resolve("self")),
        "Linux's /proc: a folder that looks writable to root and takes no new file");
    Path out = proc.resolve("x.json");
    CliHarness.Result r = CliHarness.run("select", "--strategy", "random", "--budget", "1", "--probs",
        probs.toString(), "--out", out.toString());
    assertBadInput(r, "--out " + out, "expected");
    assertThat(r.err()).doesNotContain("file not found");
    assertThat(r.out()).as("refused before the selection").isEmpty();
  }
}
