package org.alkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code alkit run --journal} killed with SIGKILL ({@link Process#destroyForcibly()}, i.e.
 * {@code kill -9}) at random points — between rounds, mid-fit, mid-write — and continued with
 * {@code --resume} (itself killed again at times) until it ends: the journal must then be byte for
 * byte that of an uninterrupted run, and the selections and accuracies the same.
 *
 * <p>Two scenarios, one of them {@code alamp}, which reads the previous round's probabilities: a
 * resumed run must rebuild them from the journal.
 */
class RunJournalKillTest {
  private static final int RUNS = 6;
  private static final int KILLS_PER_RUN = 3;
  private static final int SIGKILL_EXIT = 128 + 9;

  @TempDir
  Path dir;

  @Test
  void killedAtRandomPointsAndResumedEndsByteForByteAsAnUninterruptedRun() throws Exception {
    Path config = dir.resolve("run.yml");
    Files.writeString(config, "dataset: optdigits\nstrategy: alamp\ninitial-labeled: 20\nbudget: 8\nrounds: 10\n"
        + "seed: 3\nscenarios:\n  - {name: alamp, strategy: alamp}\n  - {name: margin, strategy: margin}\n");
    Path reference = dir.resolve("reference");
    Jvm.Run uninterrupted = Jvm.run(Jvm.concat(Jvm.CLI, List.of("run", "--config", config.toString(), "--journal",
        reference.toString(), "--out", dir.resolve("reference.json").toString())));
    assertThat(uninterrupted.code()).as(uninterrupted.out()).isZero();
    Map<String, String> expected = JournalFiles.of(reference);
    assertThat(expected).hasSize(1 + 2 * (11 + 1));

    Random random = new Random(14);
    int kills = 0;
    int resumedMidRun = 0;
    for (int run = 0; run < RUNS; run++) {
      Path journal = dir.resolve("run-" + run);
      Path json = dir.resolve("run-" + run + ".json");
      Path log = dir.resolve("run-" + run + ".log");
      for (int attempt = 0; ; attempt++) {
        boolean resume = Files.exists(journal.resolve("journal.yml"));
        if (resume && !JournalFiles.of(journal).isEmpty() && JournalFiles.of(journal).size() < expected.size()) {
          resumedMidRun++;
        }
        List<String> args = resume ? List.of("run", "--resume", journal.toString(), "--out", json.toString())
            : List.of("run", "--config", config.toString(), "--journal", journal.toString(), "--out", json.toString());
        Process p = Jvm.start(Jvm.concat(Jvm.CLI, args), log);
        if (attempt < KILLS_PER_RUN) {
          killWhenWritten(p, journal, random.nextInt(expected.size() + 1), random.nextInt(40));
        }
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        if (p.exitValue() == SIGKILL_EXIT) {
          kills++;
          continue;
        }
        assertThat(p.exitValue()).as("attempt %d of run %d: %s", attempt, run, Files.readString(log)).isZero();
        break;
      }
      assertThat(JournalFiles.of(journal)).as("journal of run %d", run).isEqualTo(expected);
      assertThat(JournalFiles.picksAndAccuracies(json)).isEqualTo(JournalFiles.picksAndAccuracies(dir.resolve("reference.json")));
      assertThat(finalLines(Files.readString(log))).isEqualTo(finalLines(uninterrupted.out()));
    }
    assertThat(kills).as("processes killed").isGreaterThanOrEqualTo(RUNS);
    assertThat(resumedMidRun).as("resumes of a journal holding some rounds").isPositive();
  }

  /** Kills {@code p} once {@code files} journal files exist, {@code delayMillis} later (or never, if it ends first). */
  private static void killWhenWritten(Process p, Path journal, int files, int delayMillis) throws Exception {
    while (p.isAlive() && JournalFiles.of(journal).size() < files) {
      Thread.sleep(2);
    }
    Thread.sleep(delayMillis);
    p.destroyForcibly();
  }

  private static List<String> finalLines(String output) {
    return output.lines().filter(l -> l.startsWith("final accuracy: ")).toList();
  }
}
