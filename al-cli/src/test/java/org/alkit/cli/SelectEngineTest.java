package org.alkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.alkit.runtime.Npy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code select --engine}: al-cli alone knows only {@code local}; {@code spark} comes from al-spark,
 * which the launcher puts on the class path for it (its own tests run it), and its flags need it.
 */
class SelectEngineTest {
  @TempDir
  Path dir;

  private Path probs() {
    Path file = dir.resolve("probs.npy");
    Npy.writeMatrix(file, CliHarness.probabilities());
    return file;
  }

  private static void assertBadInput(CliHarness.Result r, String fragment) {
    assertThat(r.code()).as("exit code; stderr: %s", r.err()).isEqualTo(2);
    assertThat(r.err()).startsWith("alkit: ").doesNotContain("\tat ").contains(fragment);
    assertThat(r.out()).isEmpty();
  }

  @Test
  void anEngineNotOnTheClassPathIsOneLineListingTheInstalledOnes() {
    assertBadInput(CliHarness.run("select", "--strategy", "entropy", "--budget", "2", "--probs", probs().toString(),
        "--engine", "spark"), "--engine = 'spark' is not installed; expected one of local (./alkit loads al-spark");
    assertBadInput(CliHarness.run("select", "--strategy", "entropy", "--budget", "2", "--probs", probs().toString(),
        "--engine", "flink"), "--engine = 'flink' is not installed; expected one of local");
  }

  @Test
  void sparkFlagsNeedTheSparkEngine() {
    assertBadInput(CliHarness.run("select", "--strategy", "entropy", "--budget", "2", "--probs", probs().toString(),
        "--spark-master", "local[2]"), "--spark-master, --spark-conf, --parquet and --column need --engine spark");
    assertBadInput(CliHarness.run("select", "--strategy", "entropy", "--budget", "2", "--parquet", dir.toString()),
        "need --engine spark");
  }

  @Test
  void theLocalEngineIsTheDefaultAndCanBeNamed() {
    CliHarness.Result named = CliHarness.run("select", "--strategy", "entropy", "--budget", "2", "--probs",
        probs().toString(), "--engine", "local");
    CliHarness.Result plain = CliHarness.run("select", "--strategy", "entropy", "--budget", "2", "--probs",
        probs().toString());
    assertThat(named.code()).as(named.err()).isZero();
    assertThat(named.out().replaceAll("\"select_ms\" : [0-9.]+", ""))
        .isEqualTo(plain.out().replaceAll("\"select_ms\" : [0-9.]+", ""));
  }
}
