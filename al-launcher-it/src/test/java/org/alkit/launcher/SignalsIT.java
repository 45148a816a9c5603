package org.alkit.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.alkit.api.Matrix;
import org.alkit.cli.JournalFiles;
import org.alkit.runtime.Npy;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Signals to the {@code alkit} process reach the JVM, because the launcher {@code exec}s it: the
 * process a caller started is the JVM. {@code kill -9} leaves no alkit JVM; SIGTERM and SIGINT stop
 * {@code alkit run} and {@code alkit eval} within 5 s with exit 143 or 130 and one line saying how
 * to resume, and the resumed run ends with the journal, picks and accuracies of an uninterrupted
 * one; {@code timeout} works; {@code alkit maximize} simply ends.
 */
class SignalsIT {
  /** One scenario of 24 rounds (alamp reads the previous round's probabilities, which a resume rebuilds). */
  private static final String RUN = "dataset: optdigits\nstrategy: alamp\ninitial-labeled: 20\nbudget: 4\n"
      + "rounds: 24\nseed: 3\n";
  /** Six runs, one at a time. */
  private static final String MATRIX = "name: stop\ndatasets: [optdigits]\nscenarios: [balanced]\n"
      + "strategies: [margin, coreset]\nseeds: 3\nmodel: logistic\ninitial-labeled: 20\nbudget: 10\nrounds: 8\n"
      + "parallel: 1\n";
  private static final long STOP_MILLIS = 5_000;

  @TempDir
  static Path shared;
  static Path config;
  static Map<String, String> referenceJournal;
  static JsonNode referenceRun;

  @TempDir
  Path dir;

  @BeforeAll
  static void uninterrupted() throws Exception {
    config = Files.writeString(shared.resolve("run.yml"), RUN);
    Path journal = shared.resolve("reference");
    Path json = shared.resolve("reference.json");
    Launcher.Result r = Launcher.run("run", "--config", config.toString(), "--journal", journal.toString(), "--out",
        json.toString());
    assertThat(r.code()).as(r.err()).isZero();
    referenceJournal = JournalFiles.of(journal);
    assertThat(referenceJournal).hasSize(1 + 24 + 2);
    referenceRun = JournalFiles.picksAndAccuracies(json);
  }

  @Test
  void killNineLeavesNoAlkitJvm() throws Exception {
    Path journal = dir.resolve("journal");
    Launcher.Started alkit = startRun(journal, dir.resolve("run.json"));
    awaitJournalFiles(alkit.process(), journal, 3);
    assertThat(commandLine(alkit.process().pid())).as("the alkit process is the JVM").contains("java")
        .contains("org.alkit.cli/org.alkit.cli.Alkit").contains(journal.toString());
    signal(alkit.process(), "KILL");
    assertThat(alkit.waitFor().code()).isEqualTo(128 + 9);
    assertThat(Launcher.processesWith(journal.toString())).as("processes still running the journal").isEmpty();
    assertResumesToTheReference(journal, dir.resolve("run.json"));
  }

  @Test
  void sigtermStopsBetweenRoundsAndTheRunResumes() throws Exception {
    assertStopsAndResumes(p -> signal(p, "TERM"), "SIGTERM", 128 + 15);
  }

  @Test
  void sigintStopsBetweenRoundsAndTheRunResumes() throws Exception {
    Assumptions.assumeFalse(ignored(2), "SIGINT is ignored in this build (started as a background job), "
        + "and so in the processes it starts");
    assertStopsAndResumes(p -> signal(p, "INT"), "SIGINT", 128 + 2);
  }

  @Test
  void timeoutStopsTheRunAndLeavesNothing() throws Exception {
    Path journal = dir.resolve("journal");
    Path longer = Files.writeString(dir.resolve("long.yml"), RUN.replace("rounds: 24", "rounds: 300"));
    Process p = Launcher.command(Map.of(), List.of("timeout", "5", "./alkit", "run", "--config", longer.toString(),
        "--journal", journal.toString())).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isEqualTo(124);
    assertThat(out).contains("alkit run: stopped by SIGTERM after round ")
        .contains("continue with: alkit run --resume " + journal);
    assertThat(Launcher.processesWith(journal.toString())).isEmpty();
  }

  @Test
  void sigtermStopsAMatrixBetweenRunsAndItResumes() throws Exception {
    Path matrix = Files.writeString(dir.resolve("stop.yml"), MATRIX);
    Path reference = dir.resolve("reference");
    Launcher.Result uninterrupted = Launcher.run("eval", matrix.toString(), "--out", reference.toString());
    assertThat(uninterrupted.code()).as(uninterrupted.err()).isZero();

    Path out = dir.resolve("stopped");
    Launcher.Started alkit = Launcher.start(Map.of(), "eval", matrix.toString(), "--out", out.toString());
    Path journal = out.resolve("journal.jsonl");
    while (alkit.process().isAlive() && lines(journal) < 3) {
      Thread.sleep(5);
    }
    long start = System.nanoTime();
    signal(alkit.process(), "TERM");
    Launcher.Result stopped = alkit.waitFor();
    assertThat((System.nanoTime() - start) / 1_000_000).as("ms to stop").isLessThan(STOP_MILLIS);
    assertThat(stopped.code()).as(stopped.err()).isEqualTo(143);
    assertThat(stopped.err().lines().filter(l -> l.contains("stopped by"))).singleElement().asString()
        .isEqualTo("alkit eval: stopped by SIGTERM; the journal in " + out + " keeps every finished run; "
            + "continue with: alkit eval " + matrix + " --out " + out);
    assertThat(lines(journal)).as("journal lines: header and finished runs").isBetween(3L, 6L);

    Launcher.Result resumed = Launcher.run("eval", matrix.toString(), "--out", out.toString());
    assertThat(resumed.code()).as(resumed.err()).isZero();
    assertThat(resumed.err()).contains("resuming: ");
    assertThat(metricsWithoutTimes(out)).isEqualTo(metricsWithoutTimes(reference));
  }

  @Test
  void maximizeSimplyEnds() throws Exception {
    float[][] rows = new float[8000][32];
    SplittableRandom random = new SplittableRandom(5);
    for (float[] row : rows) {
      for (int j = 0; j < row.length; j++) {
        row[j] = (float) random.nextDouble();
      }
    }
    Path data = dir.resolve("data.npy");
    Npy.writeMatrix(data, Matrix.of(rows));
    Launcher.Started alkit = Launcher.start(Map.of(), "maximize", "--function", "facility-location", "--budget",
        "4000", "--optimizer", "naive", "--data", data.toString());
    Thread.sleep(1_500);
    assertThat(alkit.process().isAlive()).as("still maximizing").isTrue();
    long start = System.nanoTime();
    signal(alkit.process(), "TERM");
    Launcher.Result r = alkit.waitFor();
    assertThat((System.nanoTime() - start) / 1_000_000).as("ms to end").isLessThan(STOP_MILLIS);
    assertThat(r.code()).as(r.err()).isEqualTo(143);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).isEmpty();
  }

  /** Stops a journaled run with {@code signal} after some rounds, then resumes it to its end. */
  private void assertStopsAndResumes(Consumer<Process> signal, String name, int code)
      throws Exception {
    Path journal = dir.resolve("journal");
    Path json = dir.resolve("run.json");
    Launcher.Started alkit = startRun(journal, json);
    awaitJournalFiles(alkit.process(), journal, 3);
    long start = System.nanoTime();
    signal.accept(alkit.process());
    Launcher.Result stopped = alkit.waitFor();
    assertThat((System.nanoTime() - start) / 1_000_000).as("ms to stop").isLessThan(STOP_MILLIS);
    assertThat(stopped.code()).as(stopped.err()).isEqualTo(code);
    assertThat(stopped.err().strip()).as("one line on stderr").doesNotContain("\n")
        .startsWith("alkit run: stopped by " + name + " after round ")
        .endsWith("; the journal keeps every finished round; continue with: alkit run --resume " + journal
            + " --out " + json);
    assertThat(JournalFiles.of(journal).size()).as("journal files of the stopped run")
        .isBetween(3, referenceJournal.size() - 2);
    assertThat(Launcher.processesWith(journal.toString())).isEmpty();
    assertResumesToTheReference(journal, json);
  }

  private static Launcher.Started startRun(Path journal, Path json) throws IOException {
    return Launcher.start(Map.of(), "run", "--config", config.toString(), "--journal", journal.toString(), "--out",
        json.toString());
  }

  private static void assertResumesToTheReference(Path journal, Path json) throws Exception {
    Launcher.Result resumed = Launcher.run("run", "--resume", journal.toString(), "--out", json.toString());
    assertThat(resumed.code()).as(resumed.err()).isZero();
    assertThat(JournalFiles.of(journal)).isEqualTo(referenceJournal);
    assertThat(JournalFiles.picksAndAccuracies(json)).isEqualTo(referenceRun);
  }

  private static void awaitJournalFiles(Process p, Path journal, int files) throws Exception {
    while (p.isAlive() && JournalFiles.of(journal).size() < files) {
      Thread.sleep(5);
    }
    assertThat(p.isAlive()).as("still running after %d journal files", files).isTrue();
  }

  /** Sends {@code signal} with the shell's kill ({@link Process#destroy()} would also close the streams). */
  private static void signal(Process p, String signal) {
    try {
      Process kill = new ProcessBuilder("bash", "-c", "kill -" + signal + " " + p.pid()).inheritIO().start();
      assertThat(kill.waitFor()).isZero();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Whether this JVM, and so every process it starts, ignores signal {@code number}. */
  private static boolean ignored(int number) throws IOException {
    String mask = Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("SigIgn:"))
        .findFirst().orElseThrow().substring("SigIgn:".length()).strip();
    return (Long.parseUnsignedLong(mask, 16) & (1L << (number - 1))) != 0;
  }

  private static String commandLine(long pid) throws IOException {
    return new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")), StandardCharsets.UTF_8)
        .replace('\0', ' ');
  }

  private static long lines(Path file) throws IOException {
    if (!Files.exists(file)) {
      return 0;
    }
    try (Stream<String> lines = Files.lines(file)) {
      return lines.count();
    }
  }

  /** metrics.csv without the columns that time or weigh the selection and its fit, which differ between processes. */
  private static List<String> metricsWithoutTimes(Path out) throws IOException {
    List<String> lines = Files.readAllLines(out.resolve("metrics.csv"));
    List<String> header = Arrays.asList(lines.get(0).split(",", -1));
    List<Integer> timing = Stream.of("select_ms", "select_allocated_bytes", "fit_ms", "selection_fit_ms")
        .map(header::indexOf).toList();
    assertThat(timing).doesNotContain(-1);
    return lines.stream().map(l -> {
      String[] cells = l.split(",", -1);
      return IntStream.range(0, cells.length).filter(i -> !timing.contains(i))
          .mapToObj(i -> cells[i]).collect(Collectors.joining(","));
    }).toList();
  }
}
