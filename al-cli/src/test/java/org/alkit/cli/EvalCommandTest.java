package org.alkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvalCommandTest {
  static final String TINY = """
      name: tiny
      datasets: [optdigits]
      scenarios: [balanced]
      strategies: [random, margin]
      seeds: 2
      model-options: {iterations: 60}
      initial-labeled: 20
      budget: 10
      rounds: 2
      """;

  @TempDir
  Path dir;

  @Test
  void theQuickMatrixRendersTheAllureReportAndTheSummary() throws IOException {
    Path matrix = Path.of(System.getProperty("alkit.root"), "matrices", "quick.yml");
    Path out = dir.resolve("eval");
    CliHarness.Result r = CliHarness.run("eval", matrix.toString(), "--out", out.toString(), "--report");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).contains("100%");
    String summary = Files.readString(out.resolve("summary.md"));
    assertThat(summary).startsWith("# alkit eval: quick").contains("## optdigits · rare-classes:3")
        .contains("| smi-flvmi |").contains("| scg-flcg |").contains("## Penalty matrix");
    Path index = out.resolve("allure-report").resolve("index.html");
    assertThat(index).exists();
    assertThat(Files.size(index)).as("a single-file report embeds its results").isGreaterThan(100_000);
    assertThat(r.out()).contains("allure report: " + index);
  }

  @Test
  void regressionModeFailsOnAnInjectedRegressionAndPassesWithout() throws IOException {
    Path matrix = dir.resolve("tiny.yml");
    Files.writeString(matrix, TINY);
    Path out = dir.resolve("out");
    Path baseline = dir.resolve("baseline.json");
    CliHarness.Result written = CliHarness.run("eval", matrix.toString(), "--out", out.toString(),
        "--baseline", baseline.toString(), "--write-baseline");
    assertThat(written.code()).as(written.err()).isZero();
    assertThat(written.out()).contains("baseline written");

    CliHarness.Result same = CliHarness.run("eval", matrix.toString(), "--out", out.toString(),
        "--baseline", baseline.toString(), "--tolerance", "0.01");
    assertThat(same.code()).as(same.err()).isZero();
    assertThat(same.out()).contains("no regression");

    ObjectMapper json = new ObjectMapper();
    ObjectNode root = (ObjectNode) json.readTree(baseline.toFile());
    ObjectNode margin = (ObjectNode) root.path("cells").get(1);
    assertThat(margin.path("strategy").asText()).isEqualTo("margin");
    margin.put("aubc", margin.path("aubc").asDouble() + 0.05);
    Files.writeString(baseline, root.toString());
    CliHarness.Result regressed = CliHarness.run("eval", matrix.toString(), "--out", out.toString(),
        "--baseline", baseline.toString(), "--tolerance", "0.01");
    assertThat(regressed.code()).isEqualTo(Alkit.REGRESSION);
    assertThat(regressed.out()).contains("REGRESSED optdigits / balanced / margin")
        .doesNotContain("REGRESSED optdigits / balanced / random");
    assertThat(Files.readString(out.resolve("summary.md"))).contains("## Regressions against the baseline")
        .contains("optdigits / balanced / margin");
  }

  @Test
  void aBadMatrixExitsTwoNamingTheProblem() throws IOException {
    Path matrix = dir.resolve("bad.yml");
    Files.writeString(matrix, TINY.replace("margin", "marginal"));
    CliHarness.Result r = CliHarness.run("eval", matrix.toString(), "--out", dir.resolve("o").toString());
    assertThat(r.code()).isEqualTo(Alkit.BAD_INPUT);
    assertThat(r.err()).contains("unknown strategy 'marginal'").contains("margin").doesNotContain("\tat ");
    CliHarness.Result missing = CliHarness.run("eval", dir.resolve("none.yml").toString());
    assertThat(missing.code()).isEqualTo(Alkit.BAD_INPUT);
    assertThat(missing.err()).contains("none.yml");
    CliHarness.Result noFile = CliHarness.run("eval", matrix.toString(), "--write-baseline");
    assertThat(noFile.code()).isEqualTo(Alkit.BAD_INPUT);
    assertThat(noFile.err()).contains("--write-baseline needs --baseline");
  }

  @Test
  void aSecondRunResumesFromTheJournalAndFreshStartsOver() throws IOException {
    Path matrix = dir.resolve("tiny.yml");
    Files.writeString(matrix, TINY);
    Path out = dir.resolve("out");
    assertThat(CliHarness.run("eval", matrix.toString(), "--out", out.toString()).code()).isZero();
    String metrics = Files.readString(out.resolve("metrics.csv"));
    CliHarness.Result again = CliHarness.run("eval", matrix.toString(), "--out", out.toString());
    assertThat(again.err()).contains("resuming: 4 of 4 runs are in the journal");
    assertThat(Files.readString(out.resolve("metrics.csv"))).isEqualTo(metrics);
    CliHarness.Result fresh = CliHarness.run("eval", matrix.toString(), "--out", out.toString(), "--fresh");
    assertThat(fresh.code()).isZero();
    assertThat(fresh.err()).doesNotContain("resuming");
  }

  @Test
  void theSvmModelRunsAMatrixOnTheImbalanceRatioScenario() throws IOException {
    Path matrix = dir.resolve("svm.yml");
    Files.writeString(matrix, """
        name: svm
        datasets: [optdigits]
        scenarios: ["ir:0.74"]
        strategies: [random, alamp]
        seeds: 2
        model: svm
        model-options: {class-weight: balanced, c-grid: "0.1,1", folds: 3}
        initial-labeled: 30
        budget: 20
        rounds: 2
        """);
    Path out = dir.resolve("out");
    CliHarness.Result r = CliHarness.run("eval", matrix.toString(), "--out", out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(Files.readString(out.resolve("summary.md"))).contains("model svm").contains("ir:0.74")
        .contains("| alamp |");
  }
}
