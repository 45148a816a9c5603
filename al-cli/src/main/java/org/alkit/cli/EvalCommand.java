package org.alkit.cli;

import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.alkit.api.InvalidInputException;
import org.alkit.eval.matrix.EvalMatrix;
import org.alkit.eval.matrix.EvalResults;
import org.alkit.eval.matrix.MatrixRunner;
import org.alkit.eval.matrix.RunRecord;
import org.alkit.eval.report.Baseline;
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
    if (writeBaseline && baseline == null) {
      throw new InvalidInputException("--write-baseline needs --baseline FILE, the file to write");
    }
    Path dir = out != null ? out : Path.of("target", "eval", m.name());
    if (fresh) {
      deleteJournal(dir);
    }
    PrintWriter console = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    EvalResults results;
    StopSignals stop = StopSignals.install(err, signal -> "alkit eval: stopped by " + signal + "; the journal in "
        + dir + " keeps every finished run; continue with: alkit eval " + matrix + (out != null ? " --out " + out : ""));
    try (stop; Progress progress = new Progress(err, stop)) {
      results = MatrixRunner.run(m, dir, progress, registry.get());
    } catch (StopSignals.Stopped e) {
      return stop.stopped();
    }
    List<Baseline.Regression> regressions = List.of();
    if (baseline != null && writeBaseline) {
      Baseline.write(results, baseline);
      console.println("baseline written: " + baseline);
    } else if (baseline != null) {
      Baseline.Comparison comparison = Baseline.compare(results, baseline, tolerance);
      regressions = comparison.regressions();
      report(comparison, console);
    }
    Path summary = Reports.write(results, dir, regressions);
    console.println("summary: " + summary);
    console.println("metrics: " + dir.resolve(Reports.METRICS));
    console.println("allure results: " + dir.resolve(Reports.ALLURE_RESULTS));
    if (report) {
      console.println("allure report: " + Reports.render(dir, allureHome()));
    }
    console.flush();
    return regressions.isEmpty() ? 0 : Alkit.REGRESSION;
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
    for (Baseline.Regression r : comparison.regressions()) {
      console.printf(Locale.ROOT, "REGRESSED %s: mean AUBC %.4f, baseline %.4f (%+.4f, tolerance %.4f)%n", r.cell(),
          r.current(), r.baseline(), r.current() - r.baseline(), tolerance);
    }
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
   * A progress bar (me.tongfei:progressbar) on stderr, one step a finished run; after each journaled
   * run, the checkpoint where a signal stops the matrix.
   */
  private static final class Progress implements MatrixRunner.Listener, AutoCloseable {
    private final PrintWriter err;
    private final StopSignals stop;
    private ProgressBar bar;

    Progress(PrintWriter err, StopSignals stop) {
      this.err = err;
      this.stop = stop;
    }

    @Override
    public void started(int total, int done) {
      if (done > 0) {
        err.println("resuming: " + done + " of " + total + " runs are in the journal");
        err.flush();
      }
      bar = new ProgressBarBuilder().setTaskName("eval").setInitialMax(total).startsFrom(done, Duration.ZERO)
          .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(500)
          .setConsumer(new DelegatingProgressBarConsumer(line -> {
            err.print('\r' + line);
            err.flush();
          }, 100))
          .build();
    }

    @Override
    public void finished(RunRecord record) {
      bar.setExtraMessage(record.key().toString());
      bar.step();
      stop.checkpoint();
    }

    @Override
    public void close() {
      if (bar != null) {
        bar.close();
        err.println();
        err.flush();
      }
    }
  }
}
