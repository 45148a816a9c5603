package org.alkit.eval.report;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.alkit.eval.matrix.EvalResults;
import org.alkit.runtime.AtomicFiles;
import org.apiguardian.api.API;

/**
 * Writes what a matrix found: {@code summary.md} (Markdown tables of every cell, the paired tests
 * against random and the penalty matrix), {@code metrics.csv} (every number), Allure results in
 * {@code allure-results/} and, rendered from those by Allure's command line, the HTML report
 * {@code allure-report/index.html}.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class Reports {
  /** The summary's file name. */
  public static final String SUMMARY = "summary.md";
  /** The CSV's file name. */
  public static final String METRICS = "metrics.csv";
  /** The Allure results folder's name. */
  public static final String ALLURE_RESULTS = "allure-results";
  /** The HTML report folder's name. */
  public static final String ALLURE_REPORT = "allure-report";

  private Reports() {}

  /**
   * Writes {@value #SUMMARY}, {@value #METRICS} and a fresh {@value #ALLURE_RESULTS} folder into {@code out}.
   *
   * @param regressions cells that regressed against a baseline: listed in the summary, failed in Allure
   * @return the summary's path
   */
  public static Path write(EvalResults results, Path out, List<Baseline.Regression> regressions) {
    Path summary = out.resolve(SUMMARY);
    AtomicFiles.write(summary, SummaryTable.markdown(results, regressions));
    AtomicFiles.write(out.resolve(METRICS), MetricsCsv.csv(results));
    Path allure = out.resolve(ALLURE_RESULTS);
    deleteTree(allure);
    AllureResults.write(results, allure, regressions);
    return summary;
  }

  /**
   * Renders {@code out/allure-results} into {@code out/allure-report} with the Allure command line
   * unpacked at {@code allureHome}.
   *
   * @return the report's {@code index.html}
   * @throws org.alkit.api.InvalidInputException if {@code allureHome} holds no Allure command line
   */
  public static Path render(Path out, Path allureHome) {
    return AllureCommandLine.render(allureHome, out.resolve(ALLURE_RESULTS), out.resolve(ALLURE_REPORT));
  }

  private static void deleteTree(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("clearing " + root + " failed: " + e.getMessage(), e);
    }
  }
}
