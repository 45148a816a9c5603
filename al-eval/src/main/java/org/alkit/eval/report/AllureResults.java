package org.alkit.eval.report;

import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.FileSystemResultsWriter;
import io.qameta.allure.model.Label;
import io.qameta.allure.model.Parameter;
import io.qameta.allure.model.Status;
import io.qameta.allure.model.StatusDetails;
import io.qameta.allure.model.StepResult;
import io.qameta.allure.model.TestResult;
import io.qameta.allure.util.ResultsUtils;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import org.alkit.eval.matrix.CellSummary;
import org.alkit.eval.matrix.EvalMatrix;
import org.alkit.eval.matrix.EvalResults;
import org.alkit.eval.matrix.RunKey;

/**
 * Writes a matrix's results as Allure results through Allure's own lifecycle API
 * ({@code allure-java-commons}): one test case per cell (suite = data set, sub-suite = scenario,
 * name = strategy) with its parameters, a step per learning-curve point, and attachments — the
 * scenario's learning curves (accuracy, and rare-class accuracy where there are rare classes) as
 * PNGs with mean ± std bands, the cell's per-class pick histogram and table (classes by
 * {@link EvalResults#className}), the scenario's paired tests and
 * the cell's rows of {@code metrics.csv}. A last test case holds the penalty matrix, the summary
 * and the whole CSV. A cell that regressed against a baseline fails, with the numbers.
 */
final class AllureResults {
  private AllureResults() {}

  static void write(EvalResults results, Path dir, List<Baseline.Regression> regressions) {
    AllureLifecycle lifecycle = new AllureLifecycle(new FileSystemResultsWriter(dir));
    String csv = MetricsCsv.csv(results);
    for (Map.Entry<List<String>, List<CellSummary>> group : SummaryTable.groups(results).entrySet()) {
      String scenario = group.getKey().get(1);
      List<CellSummary> cells = group.getValue();
      byte[] curves = Plots.learningCurves(group.getKey().get(0) + " · " + scenario + ": accuracy", "test accuracy",
          cells, CellSummary.CurvePoint::accuracy);
      boolean rare = cells.stream().anyMatch(c -> c.finalRareAccuracy().n() > 0);
      byte[] rareCurves = rare ? Plots.learningCurves(group.getKey().get(0) + " · " + scenario
          + ": rare-class accuracy", "rare-class accuracy", cells, CellSummary.CurvePoint::rareAccuracy) : null;
      String tests = tests(results, group.getKey().get(0), scenario);
      for (CellSummary cell : cells) {
        Optional<Baseline.Regression> regression =
            regressions.stream().filter(r -> r.cell().equals(cell.cell())).findFirst();
        testCase(lifecycle, results, cell, regression, () -> {
          lifecycle.addAttachment("learning curves (mean ± std over seeds)", "image/png", "png", curves);
          if (rareCurves != null) {
            lifecycle.addAttachment("rare-class learning curves (mean ± std over seeds)", "image/png", "png",
                rareCurves);
          }
          lifecycle.addAttachment("picks per class", "image/png", "png",
              Plots.picksPerClass(cell.cell() + ": picks per class", cell,
                  c -> results.className(cell.cell().dataset(), c)));
          lifecycle.addAttachment("picks per class (table)", "text/csv", "csv", picksTable(results, cell));
          lifecycle.addAttachment("paired Wilcoxon tests in this scenario", "text/plain", "txt",
              tests.getBytes(StandardCharsets.UTF_8));
          lifecycle.addAttachment("metrics of this cell", "text/csv", "csv", rows(csv, cell.cell()));
        });
      }
    }
    summaryCase(lifecycle, results, regressions, csv);
    environment(results, dir);
  }

  private static void testCase(AllureLifecycle lifecycle, EvalResults results, CellSummary cell,
      Optional<Baseline.Regression> regression, Runnable attachments) {
    EvalMatrix m = results.matrix();
    RunKey.Cell c = cell.cell();
    EvalMatrix.StrategySpec spec = m.strategies().stream().filter(s -> s.label().equals(c.strategy())).findFirst()
        .orElseThrow();
    String id = m.name() + "/" + c.dataset() + "/" + c.scenario() + "/" + c.strategy();
    String uuid = UUID.randomUUID().toString();
    List<Parameter> parameters = new ArrayList<>(List.of(
        ResultsUtils.createParameter("strategy", spec.name()),
        ResultsUtils.createParameter("options", spec.options()),
        ResultsUtils.createParameter("seeds", m.seeds()),
        ResultsUtils.createParameter("model", m.template().model() + " " + m.template().modelOptions()),
        ResultsUtils.createParameter("initial labeled", m.template().initialLabeled()),
        ResultsUtils.createParameter("budget per round", m.template().budget()),
        ResultsUtils.createParameter("rounds", m.template().rounds())));
    TestResult test = new TestResult().setUuid(uuid).setName(c.scenario() + " · " + c.strategy())
        .setFullName(id).setHistoryId(UUID.nameUUIDFromBytes(id.getBytes(StandardCharsets.UTF_8)).toString())
        .setTestCaseId(id)
        .setLabels(List.of(ResultsUtils.createParentSuiteLabel(m.name()), ResultsUtils.createSuiteLabel(c.dataset()),
            ResultsUtils.createSubSuiteLabel(c.scenario()), label("feature", c.scenario()),
            label("story", c.strategy()), label("framework", "alkit eval")))
        .setParameters(parameters)
        .setDescription(description(results, cell));
    lifecycle.scheduleTestCase(test);
    lifecycle.startTestCase(uuid);
    List<CellSummary.CurvePoint> curve = cell.curve();
    for (int k = 0; k < curve.size(); k++) {
      CellSummary.CurvePoint p = curve.get(k);
      String step = UUID.randomUUID().toString();
      String what = k < curve.size() - 1 ? "round " + (k + 1) : "after the last round";
      lifecycle.startStep(uuid, step, new StepResult().setName(String.format(Locale.ROOT,
              "%s: %.0f labeled, accuracy %s", what, p.labeled(), p.accuracy().format(4)))
          .setStatus(Status.PASSED)
          .setParameters(List.of(ResultsUtils.createParameter("balanced accuracy", p.balancedAccuracy().format(4)),
              ResultsUtils.createParameter("rare-class accuracy", p.rareAccuracy().format(4)))));
      lifecycle.stopStep(step);
    }
    attachments.run();
    lifecycle.updateTestCase(uuid, t -> {
      if (regression.isPresent()) {
        Baseline.Regression r = regression.get();
        t.setStatus(Status.FAILED).setStatusDetails(new StatusDetails().setMessage(String.format(Locale.ROOT,
            "mean AUBC %.4f fell below the baseline %.4f by %.4f", r.current(), r.baseline(),
            r.baseline() - r.current())));
      } else {
        t.setStatus(Status.PASSED);
      }
    });
    lifecycle.stopTestCase(uuid);
    lifecycle.writeTestCase(uuid);
  }

  private static void summaryCase(AllureLifecycle lifecycle, EvalResults results,
      List<Baseline.Regression> regressions, String csv) {
    String uuid = UUID.randomUUID().toString();
    String id = results.matrix().name() + "/summary";
    StringBuilder penalty = new StringBuilder();
    SummaryTable.penalty(results, penalty);
    lifecycle.scheduleTestCase(new TestResult().setUuid(uuid).setName("matrix summary and penalty matrix")
        .setFullName(id).setHistoryId(UUID.nameUUIDFromBytes(id.getBytes(StandardCharsets.UTF_8)).toString())
        .setLabels(List.of(ResultsUtils.createParentSuiteLabel(results.matrix().name()),
            ResultsUtils.createSuiteLabel("summary"), label("framework", "alkit eval")))
        .setDescription(penalty.toString()));
    lifecycle.startTestCase(uuid);
    lifecycle.addAttachment("penalty matrix", "text/markdown", "md", penalty.toString().getBytes(StandardCharsets.UTF_8));
    lifecycle.addAttachment("summary.md", "text/markdown", "md",
        SummaryTable.markdown(results, regressions).getBytes(StandardCharsets.UTF_8));
    lifecycle.addAttachment("metrics.csv", "text/csv", "csv", csv.getBytes(StandardCharsets.UTF_8));
    lifecycle.updateTestCase(uuid, t -> t.setStatus(regressions.isEmpty() ? Status.PASSED : Status.FAILED));
    lifecycle.stopTestCase(uuid);
    lifecycle.writeTestCase(uuid);
  }

  private static String description(EvalResults results, CellSummary c) {
    return String.format(Locale.ROOT, "AUBC %s · final accuracy %s · final balanced accuracy %s · final rare-class "
            + "accuracy %s · labels to %.2f: %s (%d/%d seeds) · OOD picks %s · unique picks %s · %s ms and %s MB "
            + "allocated per selection · vs random: %s",
        c.aubc().format(4), c.finalAccuracy().format(4), c.finalBalancedAccuracy().format(4),
        c.finalRareAccuracy().format(4), results.matrix().targetAccuracy(), c.labelsToTarget().format(0),
        c.reachedTarget(), c.seeds(), c.oodPickFraction().format(3), c.uniquePickFraction().format(3),
        c.selectMillis().format(1), c.selectAllocatedMegabytes().format(1),
        SummaryTable.versusRandom(results, c.cell()));
  }

  private static String tests(EvalResults results, String dataset, String scenario) {
    StringBuilder out = new StringBuilder("paired two-sided Wilcoxon signed-rank tests on per-seed AUBC, alpha = "
        + results.matrix().alpha() + "\nstrategy  other  pairs  mean difference  p  outcome\n");
    results.tests().stream().filter(t -> t.dataset().equals(dataset) && t.scenario().equals(scenario))
        .forEach(t -> out.append(String.format(Locale.ROOT, "%s  %s  %d  %+.4f  %.4g  %s%n", t.strategy(), t.other(),
            t.pairs(), t.meanDifference(), t.p(), t.outcome())));
    return out.toString();
  }

  /** The header and the rows of {@code csv} that belong to {@code cell}. */
  /** {@code class,name,picks}: the mean picks of each class in a run, over the seeds. */
  private static byte[] picksTable(EvalResults results, CellSummary cell) {
    StringBuilder table = new StringBuilder("class,name,picks\n");
    double[] picks = cell.picksPerClass();
    for (int c = 0; c < picks.length; c++) {
      String name = results.className(cell.cell().dataset(), c);
      table.append(c).append(',').append(MetricsCsv.quote(name)).append(',')
          .append(String.format(java.util.Locale.ROOT, "%.2f", picks[c])).append('\n');
    }
    return table.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] rows(String csv, RunKey.Cell cell) {
    String prefix = String.join(",", MetricsCsv.quote(cell.dataset()), MetricsCsv.quote(cell.scenario()),
        MetricsCsv.quote(cell.strategy())) + ",";
    StringBuilder out = new StringBuilder(String.join(",", MetricsCsv.HEADER)).append('\n');
    csv.lines().filter(line -> line.startsWith(prefix)).forEach(line -> out.append(line).append('\n'));
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static Label label(String name, String value) {
    return new Label().setName(name).setValue(value);
  }

  /** Allure's Environment widget reads {@code environment.properties}. */
  private static void environment(EvalResults results, Path dir) {
    EvalMatrix m = results.matrix();
    Properties p = new Properties();
    p.setProperty("matrix", m.name());
    p.setProperty("fingerprint", m.fingerprint());
    p.setProperty("datasets", String.join(", ", m.datasets()));
    p.setProperty("seeds", m.seeds().toString());
    p.setProperty("model", m.template().model() + " " + m.template().modelOptions());
    p.setProperty("backend", m.template().backend() + " " + m.template().backendOptions());
    p.setProperty("budget", m.template().initialLabeled() + " initial, " + m.template().rounds() + " rounds of "
        + m.template().budget());
    p.setProperty("java", System.getProperty("java.version"));
    try (OutputStream out = Files.newOutputStream(dir.resolve("environment.properties"))) {
      p.store(out, "alkit eval");
    } catch (IOException e) {
      throw new UncheckedIOException("writing " + dir.resolve("environment.properties") + " failed", e);
    }
  }
}
