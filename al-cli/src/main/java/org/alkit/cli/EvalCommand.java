package org.alkit.cli;

import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.alkit.api.InvalidInputException;
import org.alkit.eval.matrix.EvalMatrix;
import org.alkit.eval.matrix.EvalResults;
import org.alkit.eval.matrix.MatrixRunner;
import org.alkit.eval.matrix.RunRecord;
import org.alkit.eval.report.Baseline;
import org.alkit.eval.report.JUnitReport;
import org.alkit.eval.report.Recommendation;
import org.alkit.eval.report.Reports;
import org.alkit.runtime.Registry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code alkit eval MATRIX}: runs a scenario matrix (resuming from the journal in {@code --out}),
 * writes {@code summary.md}, {@code metrics.csv} and Allure results, renders the Allure HTML
 * report with {@code --report}, and in CI compares each cell's mean AUBC with a baseline. SIGINT
 * or SIGTERM stop it after the runs being computed ({@link StopSignals}: exit 130 or 143, one line
 * saying how to resume).
 */
@Command(name = "eval", mixinStandardHelpOptions = true, version = Alkit.VERSION,
    description = "Run a scenario matrix (data sets × scenarios × strategies × seeds): summary.md, "
    + "metrics.csv, Allure results and report, regression check against a baseline.")
final class EvalCommand implements Callable<Integer> {
  /** The system property (set by the alkit launcher and the build) naming the unpacked Allure command line. */
  static final String ALLURE_HOME_PROPERTY = "alkit.allure.home";
  /** The environment variable that overrides it. */
  static final String ALLURE_HOME_ENV = "ALKIT_ALLURE_HOME";
  /** The system property the alkit launcher sets to {@code true} when stderr is a terminal. */
  static final String TERMINAL_PROPERTY = "alkit.stderr.terminal";

  @Inject
  Provider<Registry> registry;

  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "MATRIX", description = "the YAML matrix, e.g. matrices/quick.yml")
  Path matrix;

  @Option(names = "--out", paramLabel = "DIR",
      description = "output folder: journal, summary.md, metrics.csv, allure-results (default: target/eval/<matrix name>)")
  Path out;

  @Option(names = "--report", description = "also render DIR/allure-report/index.html with Allure's command line")
  boolean report;

  @Option(names = "--fresh", description = "discard the journal in DIR and run every run again")
  boolean fresh;

  @Option(names = "--parallel", paramLabel = "N", description = "runs at once (default: the matrix's, 0 = one per core)")
  Integer parallel;

  @Option(names = "--baseline", paramLabel = "FILE",
      description = "compare each cell's mean AUBC with this baseline; exit 3 if any fell by more than --tolerance")
  Path baseline;

  @Option(names = "--tolerance", paramLabel = "T", defaultValue = "0.01",
      description = "how far a cell's mean AUBC may fall below its baseline (default: ${DEFAULT-VALUE})")
  double tolerance;

  @Option(names = "--write-baseline", description = "record the results as the --baseline file instead of comparing")
  boolean writeBaseline;

  @Option(names = "--junit", paramLabel = "FILE",
      description = "also write a JUnit XML report: a testcase per cell, a regressed cell a failure (for CI servers)")
  Path junit;

  @Option(names = "--recommend", paramLabel = "FILE",
      description = "also write a run configuration naming, per scenario, the strategy with the best mean AUBC among "
      + "those not significantly beaten (a matrix of one data set)")
  Path recommend;

  @Override
  public Integer call() {
    EvalMatrix m = EvalMatrix.load(matrix);
    if (parallel != null) {
      if (parallel < 0) {
        throw new InvalidInputException("--parallel = " + parallel + "; expected >= 0 (0 = one per core)");
      }
      m = new EvalMatrix(m.name(), m.datasets(), m.scenarios(), m.strategies(), m.seeds(), m.template(),
          m.poolSize(), m.testSize(), m.targetAccuracy(), m.alpha(), parallel);
    }
    Baseline.Stored stored = checkBeforeTheFirstRun(m);
    Path dir = out != null ? out : Path.of("target", "eval", m.name());
    if (fresh) {
      deleteJournal(dir);
    }
    PrintWriter console = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    EvalResults results;
    StopSignals stop = StopSignals.install(err, signal -> "alkit eval: stopped by " + signal + "; the journal in "
        + dir + " keeps every finished run; continue with: alkit eval " + matrix + (out != null ? " --out " + out : ""));
    try (stop; Progress progress = Progress.of(err, stop)) {
      results = MatrixRunner.run(m, dir, progress, registry.get());
    } catch (StopSignals.Stopped e) {
      return stop.stopped();
    }
    List<Baseline.Regression> regressions = List.of();
    if (baseline != null && writeBaseline) {
      Baseline.write(results, baseline);
      console.println("baseline written: " + baseline);
    } else if (stored != null) {
      Baseline.Comparison comparison = stored.compare(results);
      regressions = comparison.regressions();
      report(comparison, console);
    }
    Path summary = Reports.write(results, dir, regressions);
    console.println("summary: " + summary);
    console.println("metrics: " + dir.resolve(Reports.METRICS));
    console.println("allure results: " + dir.resolve(Reports.ALLURE_RESULTS));
    if (junit != null) {
      JUnitReport.write(results, regressions, junit);
      console.println("junit report: " + junit);
    }
    if (recommend != null) {
      Recommendation.write(results, recommend);
      console.println("recommended run configuration: " + recommend);
    }
    if (report) {
      console.println("allure report: " + Reports.render(dir, allureHome()));
    }
    console.flush();
    return regressions.isEmpty() ? 0 : Alkit.REGRESSION;
  }

  /**
   * Everything about the flags that can be checked before the matrix runs: the tolerance, the
   * baseline to compare with (read now), the output folder and files, and that a recommendation
   * can be made. The matrix itself is checked by {@link MatrixRunner#check}.
   *
   * @return the baseline to compare with, or null
   */
  private Baseline.Stored checkBeforeTheFirstRun(EvalMatrix m) {
    if (writeBaseline && baseline == null) {
      throw new InvalidInputException("--write-baseline needs --baseline FILE, the file to write");
    }
    Baseline.checkTolerance(tolerance);
    Inputs.requireFolder("--out", out, "a folder (new, or one an earlier run of this matrix wrote)");
    Map<String, Path> inputs = new LinkedHashMap<>();
    inputs.put("MATRIX", matrix);
    if (!writeBaseline) {
      inputs.put("--baseline", baseline);
    }
    if (writeBaseline) {
      Inputs.requireOutput("--baseline", baseline, inputs);
    }
    Inputs.requireOutput("--junit", junit, inputs);
    Inputs.requireOutput("--recommend", recommend, inputs);
    if (recommend != null) {
      Recommendation.check(m);
    }
    return baseline != null && !writeBaseline ? Baseline.load(baseline, tolerance) : null;
  }
  private void report(Baseline.Comparison comparison, PrintWriter console) {
    if (!comparison.sameMatrix()) {
      console.println("note: the baseline " + baseline + " was recorded for a different matrix; shared cells are "
          + "compared");
    }
    comparison.newCells().forEach(c -> console.println("new cell (no baseline): " + c));
    comparison.missingCells().forEach(c -> console.println("baseline cell not in this matrix: " + c));
    if (comparison.regressions().isEmpty()) {
      console.printf(Locale.ROOT, "no regression: every cell's mean AUBC is within %.4f of the baseline%n", tolerance);
    }
    comparison.regressions().forEach(r -> console.println(r.message()));
  }

  private static Path allureHome() {
    String env = System.getenv(ALLURE_HOME_ENV);
    String home = env != null && !env.isBlank() ? env : System.getProperty(ALLURE_HOME_PROPERTY);
    if (home == null || home.isBlank()) {
      throw new InvalidInputException("--report needs the Allure command line: set " + ALLURE_HOME_ENV + " to an "
          + "unpacked allure-commandline 2.34.1, or run through ./alkit, which uses al-cli/target/allure");
    }
    return Path.of(home);
  }

  private static void deleteJournal(Path dir) {
    try {
      Files.deleteIfExists(dir.resolve(MatrixRunner.JOURNAL));
    } catch (IOException e) {
      throw new UncheckedIOException("deleting the journal in " + dir + " failed: " + e.getMessage(), e);
    }
  }

  /**
   * Progress on stderr, one step a finished run; after each journaled run, the checkpoint where a
   * signal stops the matrix. On a terminal the JVM writes to itself (the launcher says so in
   * {@value #TERMINAL_PROPERTY}) a progress bar of me.tongfei:progressbar redrawn in place; elsewhere
   * (a log, CI, a pipe, the launcher's line filter) one plain line a run,
   * {@code eval: 3/8 runs (37%): optdigits / balanced / margin / seed 2},
   * so a log holds no carriage returns and each state once.
   */
  private abstract static class Progress implements MatrixRunner.Listener, AutoCloseable {
    final PrintWriter err;
    private final StopSignals stop;

    Progress(PrintWriter err, StopSignals stop) {
      this.err = err;
      this.stop = stop;
    }

    static Progress of(PrintWriter err, StopSignals stop) {
      return Boolean.getBoolean(TERMINAL_PROPERTY) ? new Bar(err, stop) : new Lines(err, stop);
    }

    @Override
    public void started(int total, int done) {
      if (done > 0) {
        err.println("resuming: " + done + " of " + total + " runs are in the journal");
        err.flush();
      }
      begin(total, done);
    }

    @Override
    public void finished(RunRecord record) {
      step(record);
      stop.checkpoint();
    }

    abstract void begin(int total, int done);

    abstract void step(RunRecord record);

    @Override
    public abstract void close();
  }

  /** The progress bar, on a terminal: the library's console consumer, which fits the terminal's width. */
  private static final class Bar extends Progress {
    private ProgressBar bar;

    Bar(PrintWriter err, StopSignals stop) {
      super(err, stop);
    }

    @Override
    void begin(int total, int done) {
      bar = new ProgressBarBuilder().setTaskName("eval").setInitialMax(total).startsFrom(done, Duration.ZERO)
          .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(500).build();
    }

    @Override
    void step(RunRecord record) {
      bar.setExtraMessage(record.key().toString());
      bar.step();
    }

    @Override
    public void close() {
      if (bar != null) {
        bar.close();
      }
    }
  }

  /** A plain line a finished run, off a terminal. */
  private static final class Lines extends Progress {
    private int total;
    private int done;

    Lines(PrintWriter err, StopSignals stop) {
      super(err, stop);
    }

    @Override
    void begin(int total, int done) {
      this.total = total;
      this.done = done;
    }

    @Override
    void step(RunRecord record) {
      done++;
      err.printf(Locale.ROOT, "eval: %d/%d runs (%d%%): %s%n", done, total, 100 * done / total, record.key());
      err.flush();
    }

    @Override
    public void close() {
      err.flush();
    }
  }
}
