package org.alkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
  void theQuickMatrixRendersTheAllureReportAndTheSummaryAndItsRecommendationRuns() throws IOException {
    Path matrix = Path.of(System.getProperty("alkit.root"), "matrices", "quick.yml");
    Path out = dir.resolve("eval");
    Path recommended = dir.resolve("recommended.yml");
    Path junit = dir.resolve("junit.xml");
    CliHarness.Result r = CliHarness.run("eval", matrix.toString(), "--out", out.toString(), "--report",
        "--recommend", recommended.toString(), "--junit", junit.toString());
    assertThat(r.code()).as(r.err()).isZero();
    List<String> progress = r.err().lines().filter(l -> l.startsWith("eval: ")).toList();
    assertThat(progress).as("one plain line a run off a terminal").hasSize(72);
    assertThat(progress.get(71)).startsWith("eval: 72/72 runs (100%): optdigits / ");
    assertThat(r.err()).doesNotContain("\r");
    String summary = Files.readString(out.resolve("summary.md"));
    assertThat(summary).startsWith("# alkit eval: quick").contains("## optdigits · rare-classes:3")
        .contains("| smi-flvmi |").contains("| scg-flcg |").contains("## Penalty matrix")
        .contains("72 runs: 1 data set(s) × 4 scenario(s) × 5 to 7 of the 8 strategies (each in its scenarios) × 3 seeds")
        .contains("**No win is possible at α = 0.05 with 3 seeds**");
    assertThat(Files.readString(junit)).contains("<testsuites name=\"alkit eval: quick\" tests=\"24\" failures=\"0\"");
    String yaml = Files.readString(recommended);
    assertThat(yaml.lines().filter(l -> l.startsWith("  - {name: "))).hasSize(4);
    assertThat(yaml.lines().filter(l -> l.startsWith("  # ") && l.contains("mean AUBC") && l.contains("matrix quick@")))
        .hasSize(4);
    assertThat(yaml).contains("no strategy beat random significantly at α = 0.05 (3 seeds; a win needs 6)");
    CliHarness.Result run = CliHarness.run("run", "--config", recommended.toString());
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out().lines().filter(l -> l.startsWith("final accuracy: "))).hasSize(4);
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

    Path junit = dir.resolve("junit.xml");
    CliHarness.Result ci = CliHarness.run("eval", matrix.toString(), "--out", out.toString(),
        "--baseline", baseline.toString(), "--junit", junit.toString());
    assertThat(ci.code()).isEqualTo(Alkit.REGRESSION);
    String line = ci.out().lines().filter(l -> l.startsWith("REGRESSED")).findFirst().orElseThrow();
    String xml = Files.readString(junit);
    assertThat(xml).contains("failures=\"1\"")
        .contains("<testcase classname=\"tiny.optdigits.balanced\" name=\"margin\"")
        .contains("<failure message=\"" + line + "\" type=\"regression\">" + line + "</failure>");
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
  void everythingThatCanBeCheckedIsCheckedBeforeTheFirstRunAndLeavesNoJournal() throws IOException {
    Path matrix = dir.resolve("tiny.yml");
    Files.writeString(matrix, TINY);
    Path notJson = dir.resolve("not.json");
    Files.writeString(notJson, "nope");
    Path aFile = dir.resolve("a-file");
    Files.writeString(aFile, "x");
    Path impossible = dir.resolve("impossible.yml");
    Files.writeString(impossible, TINY.replace("[balanced]", "[balanced, \"rare:99\"]"));
    Path twoSets = dir.resolve("two.yml");
    Files.writeString(twoSets, TINY.replace("[optdigits]", "[optdigits, fashion-mnist]"));
    Map<String, List<String>> refusals = new LinkedHashMap<>();
    refusals.put("--tolerance = -1.0; expected a value in [0, 1)",
        List.of(matrix.toString(), "--baseline", notJson.toString(), "--tolerance", "-1"));
    refusals.put("baseline " + dir.resolve("none.json") + " does not exist",
        List.of(matrix.toString(), "--baseline", dir.resolve("none.json").toString()));
    refusals.put("baseline " + notJson + " is not valid JSON", List.of(matrix.toString(), "--baseline", notJson.toString()));
    refusals.put("data set optdigits, seed 1: scenario 'rare:99': class 99 is outside", List.of(impossible.toString()));
    refusals.put("--recommend writes the run configuration of one data set", List.of(twoSets.toString(), "--recommend",
        dir.resolve("r.yml").toString()));
    refusals.put("--junit " + aFile.resolve("j.xml") + ": " + aFile + " is a file; expected an existing folder",
        List.of(matrix.toString(), "--junit", aFile.resolve("j.xml").toString()));
    int k = 0;
    for (Map.Entry<String, List<String>> refusal : refusals.entrySet()) {
      Path out = dir.resolve("out" + k++);
      List<String> args = new java.util.ArrayList<>(List.of("eval", "--out", out.toString()));
      args.addAll(refusal.getValue());
      CliHarness.Result r = CliHarness.run(args.toArray(String[]::new));
      assertThat(r.code()).as(refusal.getKey()).isEqualTo(Alkit.BAD_INPUT);
      assertThat(r.err().strip()).startsWith("alkit: " + refusal.getKey()).doesNotContain("\n");
      assertThat(out).as("no journal, no folder: %s", refusal.getKey()).doesNotExist();
    }
    CliHarness.Result file = CliHarness.run("eval", matrix.toString(), "--out", aFile.toString());
    assertThat(file.code()).isEqualTo(Alkit.BAD_INPUT);
    assertThat(file.err().strip()).isEqualTo("alkit: --out " + aFile + " is a file; expected a folder (new, or one an"
        + " earlier run of this matrix wrote)");
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
