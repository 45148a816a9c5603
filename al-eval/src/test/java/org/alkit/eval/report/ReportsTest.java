package org.alkit.eval.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.alkit.api.InvalidInputException;
import org.alkit.eval.matrix.EvalMatrix;
import org.alkit.eval.matrix.EvalResults;
import org.alkit.eval.matrix.Quality;
import org.alkit.eval.matrix.RoundMetrics;
import org.alkit.eval.matrix.RunKey;
import org.alkit.eval.matrix.RunRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  EvalResults results;

  /** Two scenarios × random and a strategy that is 0.05 better × 6 seeds, three curve points each. */
  @BeforeEach
  void results() {
    EvalMatrix m = EvalMatrix.parse("""
        name: synthetic
        datasets: [d]
        scenarios: [balanced, "rare:1"]
        strategies: [random, good]
        seeds: 6
        rounds: 2
        """, "m");
    List<RunRecord> runs = new ArrayList<>();
    for (String scenario : List.of("balanced", "rare:1")) {
      for (long s = 1; s <= 6; s++) {
        for (String strategy : List.of("random", "good")) {
          double lift = strategy.equals("good") ? 0.05 : 0;
          List<RoundMetrics> rounds = List.of(
              new RoundMetrics(1, new Quality(20, 0.5, 0.5, 0.3), new int[] {1, 2}, new int[] {2, 0}, 0, 1, 4, 1000,
                  0, 20, 0, 0),
              new RoundMetrics(2, new Quality(22, 0.6 + lift + s / 100.0, 0.6, 0.4), new int[] {3, 4},
                  new int[] {1, 1}, 0, 1, 5, 2000, 0, 30, 0, 0));
          runs.add(new RunRecord(new RunKey("d", scenario, strategy, s), rounds,
              new Quality(24, 0.7 + lift + s / 100.0, 0.7, 0.5)));
        }
      }
    }
    results = new EvalResults(m, runs, Map.of("d", List.of("cat", "dog, large")));
  }

  @Test
  void summaryTablesEveryCellAndThePenaltyMatrix() throws IOException {
    Path summary = Reports.write(results, dir, List.of());
    String md = Files.readString(summary);
    assertThat(md).startsWith("# alkit eval: synthetic").contains("## d · balanced").contains("## d · rare:1")
        .contains("| good | 0.6638 ± 0.0140 | 0.7850 ± 0.0187 |").contains("W (p 0.0313)").contains("## Penalty matrix")
        .contains("| good | 2 | · | 2 | 0 | 0 |").doesNotContain("Regressions");
  }

  @Test
  void theCsvHoldsARowPerCurvePoint() throws IOException {
    Reports.write(results, dir, List.of());
    List<String> lines = Files.readAllLines(dir.resolve(Reports.METRICS));
    assertThat(lines.get(0)).isEqualTo(String.join(",", MetricsCsv.HEADER));
    assertThat(lines).hasSize(1 + 24 * 3);
    assertThat(lines.get(1)).startsWith("d,balanced,random,1,1,20,0.500000,0.500000,0.300000,0.00000,1.00000,4,1000,20,0,,2;0,");
    assertThat(lines).filteredOn(l -> l.contains(",final,")).hasSize(24);
    assertThat(lines).filteredOn(l -> l.startsWith("d,rare:1,good,")).hasSize(18);
  }

  @Test
  void allureResultsHoldACaseACellWithStepsAndAttachments() throws IOException {
    Reports.write(results, dir, List.of(new Baseline.Regression(new RunKey.Cell("d", "rare:1", "good"), 0.9, 0.7, 0.01)));
    Path allure = dir.resolve(Reports.ALLURE_RESULTS);
    List<JsonNode> cases = new ArrayList<>();
    try (Stream<Path> files = Files.list(allure)) {
      for (Path f : files.filter(p -> p.toString().endsWith("-result.json")).toList()) {
        cases.add(JSON.readTree(f.toFile()));
      }
    }
    assertThat(cases).hasSize(4 + 1);
    JsonNode good = cases.stream().filter(c -> c.path("fullName").asText().equals("synthetic/d/rare:1/good"))
        .findFirst().orElseThrow();
    assertThat(good.path("status").asText()).isEqualTo("failed");
    assertThat(good.path("statusDetails").path("message").asText()).contains("below the baseline");
    assertThat(good.path("steps")).hasSize(3);
    assertThat(good.path("steps").get(0).path("name").asText()).startsWith("round 1: 20 labeled, accuracy 0.5000");
    List<String> names = new ArrayList<>();
    for (JsonNode a : good.path("attachments")) {
      names.add(a.path("name").asText());
      assertThat(allure.resolve(a.path("source").asText())).exists();
      if (a.path("type").asText().equals("image/png")) {
        BufferedImage png = ImageIO.read(new ByteArrayInputStream(Files.readAllBytes(allure.resolve(
            a.path("source").asText()))));
        assertThat(png.getWidth()).isEqualTo(Plots.WIDTH);
        assertThat(png.getHeight()).isEqualTo(Plots.HEIGHT);
      }
    }
    JsonNode table = java.util.stream.StreamSupport.stream(good.path("attachments").spliterator(), false)
        .filter(a -> a.path("name").asText().equals("picks per class (table)")).findFirst().orElseThrow();
    // two runs' rounds pick {2, 0} and {1, 1} per seed: 3 and 1 a run; names from the data set, quoted per RFC 4180
    assertThat(Files.readString(allure.resolve(table.path("source").asText())))
        .isEqualTo("class,name,picks\n0,cat,3.00\n1,\"dog, large\",1.00\n");
    assertThat(names).contains("learning curves (mean ± std over seeds)",
        "rare-class learning curves (mean ± std over seeds)", "picks per class", "picks per class (table)",
        "paired Wilcoxon tests in this scenario", "metrics of this cell");
    JsonNode random = cases.stream().filter(c -> c.path("fullName").asText().equals("synthetic/d/balanced/random"))
        .findFirst().orElseThrow();
    assertThat(random.path("status").asText()).isEqualTo("passed");
    assertThat(random.path("labels").toString()).contains("\"subSuite\"").contains("balanced");
    assertThat(allure.resolve("environment.properties")).exists();
  }

  @Test
  void classesGoByTheDataSetsNamesAndByNumberWithoutThem() {
    assertThat(results.className("d", 1)).isEqualTo("dog, large");
    assertThat(results.className("d", 2)).as("beyond the names").isEqualTo("2");
    assertThat(results.className("other", 0)).as("a data set not loaded in this call").isEqualTo("0");
  }

  @Test
  void aBaselineOfTheSameResultsShowsNoRegressionAndAnInjectedOneIsFound() throws IOException {
    Path file = dir.resolve("baseline.json");
    Baseline.write(results, file);
    assertThat(Files.readString(file)).endsWith("}\n");
    Baseline.Comparison same = Baseline.compare(results, file, 0.01);
    assertThat(same.regressions()).isEmpty();
    assertThat(same.sameMatrix()).isTrue();
    ObjectNode root = (ObjectNode) JSON.readTree(file.toFile());
    ObjectNode cell = (ObjectNode) root.path("cells").get(3);
    double before = cell.path("aubc").asDouble();
    cell.put("aubc", before + 0.02);
    ObjectNode small = (ObjectNode) root.path("cells").get(0);
    small.put("aubc", small.path("aubc").asDouble() + 0.005);
    Files.writeString(file, root.toString());
    Baseline.Comparison injected = Baseline.compare(results, file, 0.01);
    assertThat(injected.regressions()).singleElement().satisfies(r -> {
      assertThat(r.cell()).isEqualTo(results.cells().get(3).cell());
      assertThat(r.baseline()).isEqualTo(before + 0.02);
      assertThat(r.current()).isEqualTo(results.cells().get(3).aubc().mean());
    });
    assertThat(Baseline.compare(results, file, 0.03).regressions()).isEmpty();
  }

  @Test
  void newAndMissingCellsAreToldApart() throws IOException {
    Path file = dir.resolve("baseline.json");
    Baseline.write(results, file);
    ObjectNode root = (ObjectNode) JSON.readTree(file.toFile());
    ((ObjectNode) root.path("cells").get(0)).put("strategy", "retired");
    Files.writeString(file, root.toString());
    Baseline.Comparison c = Baseline.compare(results, file, 0.01);
    assertThat(c.newCells()).containsExactly(results.cells().get(0).cell());
    assertThat(c.missingCells()).containsExactly(new RunKey.Cell("d", "balanced", "retired"));
  }

  @Test
  void aBadBaselineFileIsNamed() throws IOException {
    Path missing = dir.resolve("none.json");
    assertThatThrownBy(() -> Baseline.compare(results, missing, 0.01)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("none.json").hasMessageContaining("--write-baseline");
    Path other = dir.resolve("other.json");
    Files.writeString(other, "{\"cells\": []}");
    assertThatThrownBy(() -> Baseline.compare(results, other, 0.01)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("other.json").hasMessageContaining("alkit-eval-baseline");
    Files.writeString(other, "{");
    assertThatThrownBy(() -> Baseline.compare(results, other, 0.01)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("not valid JSON");
    assertThatThrownBy(() -> Baseline.compare(results, other, -1)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("--tolerance = -1");
  }

  @Test
  void theSummaryHeaderCountsTheRunsThatRanAndSaysWhenNoWinIsPossible() throws IOException {
    EvalResults limited = Synthetic.results("""
        name: limited
        datasets: [d]
        scenarios: [balanced, "rare-classes:1", "ood:2"]
        strategies: [random, margin, {name: similar, label: smi, scenarios: [rare-classes]}]
        seeds: 3
        """, (scenario, strategy) -> new double[] {0.5, 0.6, 0.7});
    String md = Files.readString(Reports.write(limited, dir, List.of()));
    assertThat(md).contains("21 runs: 1 data set(s) × 3 scenario(s) × 2 to 3 of the 3 strategies (each in its "
        + "scenarios) × 3 seeds [1, 2, 3];")
        .contains("**No win is possible at α = 0.05 with 3 seeds**: the smallest p of the paired test is 2 / 2^3 = "
            + "0.250, so every comparison below is a tie. At least 6 seeds are needed.");
    String full = Files.readString(Reports.write(results, dir, List.of()));
    assertThat(full).contains("24 runs: 1 data set(s) × 2 scenario(s) × 2 strategies × 6 seeds")
        .doesNotContain("No win is possible");
  }
}
