package org.alkit.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.Guice;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.alkit.api.InvalidInputException;
import org.alkit.api.Matrix;
import org.alkit.api.ScenarioHints;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunJournalTest {
  @TempDir
  Path dir;

  private static final Dataset DATA = ActiveLearningLoopTest.blobs();

  private static RunConfig config(String strategy) {
    return RunConfig.parse("dataset: blobs\nstrategy: " + strategy
        + "\ninitial-labeled: 6\nbudget: 4\nrounds: 4\nseed: 9\nmodel-options: {iterations: 80}\n");
  }

  private static final RunConfig CONFIG = config(LowestConfidenceTestProvider.NAME);

  private static RunResult run(RunConfig config, RunJournal journal) {
    ActiveLearningLoop loop =
        Guice.createInjector(new AlkitModule(config, DATA)).getInstance(ActiveLearningLoop.class);
    return journal == null ? loop.run() : loop.run(ScenarioHints.none(), r -> {}, journal, 0);
  }

  private Path journaled(String name) {
    Path j = dir.resolve(name);
    try (RunJournal journal = RunJournal.create(j, CONFIG, DATA)) {
      run(CONFIG, journal);
    }
    return j;
  }

  /** Every file of a journal, by relative path, with its bytes as text. */
  private static Map<String, String> files(Path journal) throws IOException {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> all = Files.walk(journal)) {
      for (Path f : all.filter(Files::isRegularFile).toList()) {
        out.put(journal.relativize(f).toString(), Files.readString(f));
      }
    }
    return out;
  }

  private static List<String> picksAndAccuracies(RunResult r) {
    List<String> out = new ArrayList<>();
    r.rounds().forEach(round -> out.add(round.round() + " " + round.labeledCount() + " " + round.accuracy() + " "
        + java.util.Arrays.toString(round.selected())));
    out.add("final " + r.finalLabeledCount() + " " + r.finalAccuracy());
    return out;
  }

  /** Rewrites a journal file's content and seals it with a valid checksum, as a tampering tool would. */
  private static void reseal(Path file, String from, String to) throws IOException, NoSuchAlgorithmException {
    String text = Files.readString(file);
    String body = text.substring(0, text.lastIndexOf("sha256: ")).replace(from, to);
    String sum = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
        .digest(body.getBytes(StandardCharsets.UTF_8)));
    Files.writeString(file, body + "sha256: " + sum + "\n");
  }

  @Test
  void aJournaledRunEndsAsAPlainRunAndRecordsEveryRound() throws IOException {
    Path j = journaled("j");
    try (RunJournal journal = RunJournal.resume(j, CONFIG, DATA)) {
      assertThat(picksAndAccuracies(run(CONFIG, journal))).isEqualTo(picksAndAccuracies(run(CONFIG, null)));
    }
    assertThat(files(j)).containsOnlyKeys("journal.lock", "journal.yml", "rounds/round-0000.yml",
        "rounds/round-0001.yml", "rounds/round-0002.yml", "rounds/round-0003.yml", "rounds/round-0004.yml",
        "rounds/final.yml");
    assertThat(files(j).get("rounds/round-0002.yml"))
        .contains("round: 2\nlabeled-before: 10\nfit-seed: ").contains("\nselected: [").endsWith("\n");
  }

  @Test
  void aResumedRunWritesTheMissingRoundsByteForByte() throws IOException {
    Path whole = journaled("whole");
    Path cut = journaled("cut");
    Files.delete(cut.resolve("rounds/final.yml"));
    Files.delete(cut.resolve("rounds/round-0004.yml"));
    Files.delete(cut.resolve("rounds/round-0003.yml"));
    Files.writeString(cut.resolve("rounds/.round-0003.yml.123.tmp"), "half a rou");

    List<RoundResult> seen = new ArrayList<>();
    RunResult resumed;
    try (RunJournal journal = RunJournal.resume(cut, CONFIG, DATA)) {
      resumed = Guice.createInjector(new AlkitModule(CONFIG, DATA)).getInstance(ActiveLearningLoop.class)
          .run(ScenarioHints.none(), seen::add, journal, 0);
    }
    assertThat(files(cut)).isEqualTo(files(whole));
    assertThat(picksAndAccuracies(resumed)).isEqualTo(picksAndAccuracies(run(CONFIG, null)));
    assertThat(seen).extracting(RoundResult::replayed).containsExactly(true, true, false, false);
  }

  @Test
  void aRunKilledBeforeItsFirstWriteStartsAfresh() throws IOException {
    Path j = dir.resolve("early");
    Files.createDirectories(j);
    Files.writeString(j.resolve(".journal.yml.77.tmp"), "alkit-jour");
    Files.writeString(j.resolve("journal.lock"), "");
    try (RunJournal journal = RunJournal.create(j, CONFIG, DATA)) {
      run(CONFIG, journal);
    }
    assertThat(files(j)).isEqualTo(files(journaled("clean")));
  }

  @Test
  void aNewRunNeverOverwritesAJournal() {
    Path j = journaled("j");
    assertThatThrownBy(() -> RunJournal.create(j, CONFIG, DATA))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("--journal " + j + " is not empty; expected a new directory (it holds a journal: continue it"
            + " with --resume " + j + ")");
  }

  @Test
  void anotherConfigurationIsRefusedNamingTheDifference() {
    Path j = journaled("j");
    assertThatThrownBy(() -> RunJournal.resume(j, config("random"), DATA))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("--resume " + j + " was written for another configuration (strategy = "
            + LowestConfidenceTestProvider.NAME + " there, random here); resume it with the configuration that wrote it");
    assertThat(RunJournal.configuration(j)).isEqualTo(CONFIG);
  }

  @Test
  void otherDataIsRefused() {
    Path j = journaled("j");
    Dataset other = Dataset.split("blobs", Matrix.of(new float[][] {{1}, {2}, {3}, {4}}), new int[] {0, 1, 0, 1}, 2,
        0.25, 1);
    assertThatThrownBy(() -> RunJournal.resume(j, CONFIG, other))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("was written for other data: dataset 'blobs'");
  }

  @Test
  void anotherAlkitVersionIsRefused() throws Exception {
    Path j = journaled("j");
    reseal(j.resolve("journal.yml"), "alkit-version: " + RunJournal.alkitVersion(), "alkit-version: 0.0.1");
    assertThatThrownBy(() -> RunJournal.resume(j, CONFIG, DATA))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("--resume " + j + " was written by alkit 0.0.1; this is alkit " + RunJournal.alkitVersion()
            + ", whose selections may differ: resume it with that version");
  }

  @Test
  void damagedJournalsAreRefusedInOneLine() throws Exception {
    Path flipped = journaled("flipped");
    Path round2 = flipped.resolve("rounds/round-0002.yml");
    Files.writeString(round2, Files.readString(round2).replace("round: 2", "round: 3"));
    assertDamaged(flipped, "rounds/round-0002.yml", "checksum mismatch");

    Path gap = journaled("gap");
    Files.delete(gap.resolve("rounds/round-0002.yml"));
    assertDamaged(gap, "rounds/round-0003.yml", "it follows a missing round-0002.yml");

    Path truncated = journaled("truncated");
    Path header = truncated.resolve("journal.yml");
    Files.writeString(header, Files.readString(header).substring(0, 40));
    assertThatThrownBy(() -> RunJournal.resume(truncated, CONFIG, DATA))
        .hasMessage("journal file " + header + " is damaged (no checksum line); the journal cannot be resumed");

    Path repeated = journaled("repeated");
    String labeledItem = firstPick(repeated, 1);
    reseal(repeated.resolve("rounds/round-0002.yml"), "selected: [" + firstPick(repeated, 2) + ",",
        "selected: [" + labeledItem + ",");
    assertDamaged(repeated, "rounds/round-0002.yml",
        "picked item " + labeledItem + ", which is labeled, repeated or outside the pool");

    Path extraLabel = journaled("extra-label");
    reseal(extraLabel.resolve("rounds/round-0001.yml"), "labels: [", "labels: [2, ");
    assertDamaged(extraLabel, "rounds/round-0001.yml", "5 labels for 4 picks");

    Path badLabel = journaled("bad-label");
    reseal(badLabel.resolve("rounds/round-0003.yml"), "labels: [", "labels: [9");
    assertDamaged(badLabel, "rounds/round-0003.yml", "label 9");
  }

  private static String firstPick(Path journal, int round) throws IOException {
    String line = Files.readString(journal.resolve("rounds/" + RunJournal.roundFile(round))).lines()
        .filter(l -> l.startsWith("selected: [")).findFirst().orElseThrow();
    return line.substring("selected: [".length(), line.indexOf(','));
  }

  /** Resuming {@code journal} fails naming {@code file} and a problem that starts with {@code problem}. */
  private void assertDamaged(Path journal, String file, String problem) {
    try (RunJournal j = RunJournal.resume(journal, CONFIG, DATA)) {
      assertThatThrownBy(() -> run(CONFIG, j))
          .isInstanceOf(InvalidInputException.class)
          .hasMessageStartingWith("journal file " + journal.resolve(file) + " is damaged (" + problem)
          .hasMessageEndingWith("); the journal cannot be resumed");
    }
  }

  @Test
  void aJournalInUseIsRefused() {
    Path j = journaled("j");
    try (RunJournal first = RunJournal.resume(j, CONFIG, DATA)) {
      assertThat(first.directory()).isEqualTo(j);
      assertThatThrownBy(() -> RunJournal.resume(j, CONFIG, DATA))
          .isInstanceOf(InvalidInputException.class)
          .hasMessage("journal " + j + " is in use by another alkit run; wait for it to end");
    }
  }

  @Test
  void aDirectoryWithoutJournalIsRefused() {
    Path none = dir.resolve("none");
    assertThatThrownBy(() -> RunJournal.configuration(none))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("--resume " + none + " holds no alkit journal (no journal.yml); expected the directory of an"
            + " earlier --journal");
  }
}
