package org.alkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunCommandTest {
  @TempDir
  Path dir;

  private Path config(String yaml) throws IOException {
    Path file = dir.resolve("run.yml");
    Files.writeString(file, yaml);
    return file;
  }

  private static CliHarness.Result succeeds(String... args) {
    CliHarness.Result r = CliHarness.run(args);
    assertThat(r.code()).as(r.err()).isZero();
    return r;
  }

  @Test
  void runsTheLoopAndEndsWithTheFinalAccuracy() throws IOException {
    Path cfg = config("dataset: optdigits\nstrategy: random\ninitial-labeled: 30\nbudget: 30\nrounds: 3\nseed: 5\n");
    Path json = dir.resolve("curve.json");
    CliHarness.Result r = succeeds("run", "--config", cfg.toString(), "--out", json.toString());
    com.fasterxml.jackson.databind.JsonNode curve = new com.fasterxml.jackson.databind.ObjectMapper()
        .readTree(json.toFile()).get("runs").get(0);
    assertThat(curve.get("rounds")).hasSize(3);
    assertThat(curve.get("rounds").get(2).get("labeled").asInt()).isEqualTo(90);
    assertThat(curve.get("rounds").get(0).get("selected")).hasSize(30);
    assertThat(curve.get("final_labeled").asInt()).isEqualTo(120);
    assertThat(curve.get("rounds")).as("one fit measures and selects without a selection model").allSatisfy(round -> {
      assertThat(round.get("fit_ms").isIntegralNumber()).as(round.toString()).isTrue();
      assertThat(round.get("fit_ms").asLong()).isNotNegative().isEqualTo(round.get("selection_fit_ms").asLong());
    });
    String[] lines = r.out().strip().split("\n");
    assertThat(lines[lines.length - 1]).matches("final accuracy: 0\\.\\d{4}");
    assertThat(r.out()).contains("round 1/3").contains("round 3/3");
    double accuracy = Double.parseDouble(lines[lines.length - 1].substring("final accuracy: ".length()));
    assertThat(accuracy).as("120 labels of optdigits").isGreaterThan(0.8);
  }

  @Test
  void runsTheSvmModelAndRefusesABadOptionWithExitTwo() throws IOException {
    Path cfg = config("dataset: optdigits\nmodel: svm\nmodel-options: {class-weight: balanced}\nstrategy: margin\n"
        + "initial-labeled: 40\nbudget: 40\nrounds: 2\nseed: 3\n");
    CliHarness.Result r = succeeds("run", "--config", cfg.toString());
    assertThat(r.out()).contains("model svm");
    String[] lines = r.out().strip().split("\n");
    double accuracy = Double.parseDouble(lines[lines.length - 1].substring("final accuracy: ".length()));
    assertThat(accuracy).as("120 labels of optdigits").isGreaterThan(0.8);
    CliHarness.Result bad = CliHarness.run("run", "--config",
        config("model: svm\nmodel-options: {c-grid: \"1,-2\"}\n").toString());
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains("c-grid").contains("-2").doesNotContain("\tat ");
  }

  @Test
  void eachScenarioRunsItsOwnStrategy() throws IOException {
    Path cfg = config("strategy: random\ninitial-labeled: 20\nbudget: 10\nrounds: 1\n"
        + "scenarios:\n  - {name: plain, strategy: random}\n  - {name: outliers, strategy: example-outlier}\n");
    CliHarness.Result r = CliHarness.run("run", "--config", cfg.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("scenario plain: strategy random").contains("scenario outliers: strategy example-outlier");
    assertThat(r.out().split("final accuracy: ", -1)).hasSize(3);
  }

  @Test
  void unknownKeyListsTheKnownOnes() throws IOException {
    CliHarness.Result r = CliHarness.run("run", "--config", config("budgett: 3\n").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("budgett").contains("budget").doesNotContain("\tat ");
  }

  @Test
  void unknownStrategyListsTheKnownOnes() throws IOException {
    CliHarness.Result r = CliHarness.run("run", "--config", config("strategy: nope\nrounds: 1\n").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("unknown strategy 'nope'").contains("random");
  }

  @Test
  void missingConfigFileIsNamed() {
    CliHarness.Result r = CliHarness.run("run", "--config", dir.resolve("none.yml").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("none.yml");
  }

  @Test
  void aJournaledRunResumesWithItsOwnConfigurationAndRefusesAnotherInOneLine() throws IOException {
    Path cfg = config("strategy: margin\ninitial-labeled: 20\nbudget: 10\nrounds: 2\n");
    Path journal = dir.resolve("journal");
    CliHarness.Result first = succeeds("run", "--config", cfg.toString(), "--journal", journal.toString());
    CliHarness.Result resumed = succeeds("run", "--resume", journal.toString());
    assertThat(resumed.out()).contains("round 2/2  labeled 30  accuracy").contains("from the journal")
        .doesNotContain("select ");
    assertThat(resumed.out().lines().filter(l -> l.startsWith("final accuracy")))
        .isEqualTo(first.out().lines().filter(l -> l.startsWith("final accuracy")).toList());

    Path other = dir.resolve("other.yml");
    Files.writeString(other, "strategy: entropy\ninitial-labeled: 20\nbudget: 10\nrounds: 2\n");
    CliHarness.Result refused = CliHarness.run("run", "--config", other.toString(), "--resume", journal.toString());
    assertThat(refused.code()).isEqualTo(2);
    assertThat(refused.err().strip()).isEqualTo("alkit: --resume " + journal + " was written for another"
        + " configuration (strategy = margin there, entropy here); resume it with the configuration that wrote it");
  }

  @Test
  void journalAndResumeTogetherAreRefused() {
    CliHarness.Result r = CliHarness.run("run", "--journal", dir.resolve("a").toString(), "--resume",
        dir.resolve("b").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--journal").contains("--resume").contains("together");
  }

  @Test
  void anEmptyOrCommentOnlyConfigurationIsRefusedNamingTheFile() throws IOException {
    for (String text : new String[] {"", "# only a comment\n\n   \n"}) {
      Path cfg = config(text);
      CliHarness.Result r = CliHarness.run("run", "--config", cfg.toString());
      assertThat(r.code()).as(r.err()).isEqualTo(Alkit.BAD_INPUT);
      assertThat(r.err().strip()).startsWith("alkit: " + cfg + ": the configuration is empty")
          .contains("expected a mapping of dataset").doesNotContain("\n");
      assertThat(r.out()).doesNotContain("final accuracy");
    }
  }

  @Test
  void aFileWhereAFolderIsNeededIsNamedWithWhatWasExpected() throws IOException {
    Path file = dir.resolve("a-file");
    Files.writeString(file, "x");
    CliHarness.Result r = CliHarness.run("run", "--journal", file.toString());
    assertThat(r.code()).isEqualTo(Alkit.BAD_INPUT);
    assertThat(r.err().strip()).isEqualTo("alkit: --journal " + file + " is a file; expected a new folder");
    assertThat(r.out()).doesNotContain("round 1");
  }

  @Test
  void anOutputThatCannotBeCreatedSaysSoAndNotFileNotFound() throws IOException {
    Path cfg = config("strategy: random\ninitial-labeled: 20\nbudget: 10\nrounds: 1\n");
    Path file = dir.resolve("a-file");
    Files.writeString(file, "x");
    Path under = file.resolve("x.json");
    CliHarness.Result r = CliHarness.run("run", "--config", cfg.toString(), "--out", under.toString());
    assertThat(r.code()).isEqualTo(Alkit.BAD_INPUT);
    assertThat(r.err()).startsWith("alkit: --out " + under).doesNotContain("file not found").doesNotContain("\tat ");
  }
}
