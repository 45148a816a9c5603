package org.alkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.alkit.runtime.Npy;
import org.alkit.runtime.NpyArray;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The survey's strategies and models from the command line: label dispersion from a prediction
 * history file, and every bad input the issue names refused in one line with exit status 2 (a
 * history of another pool, class ids out of range, a committee of one member for variation ratio,
 * an ensemble of fewer than two members).
 */
class SurveyCommandsTest {
  @TempDir
  Path dir;

  private Path probs;

  @BeforeEach
  void probabilities() {
    probs = dir.resolve("probs.npy");
    Npy.writeMatrix(probs, CliHarness.probabilities());
  }

  /** {@code epochs × items} int32 class ids. */
  private Path history(String name, int[][] ids) {
    Path file = dir.resolve(name + ".npy");
    List<Double> values = new ArrayList<>();
    for (int[] epoch : ids) {
      for (int id : epoch) {
        values.add((double) id);
      }
    }
    Npy.write(file, new NpyArray(NpyArray.Dtype.INT32, new int[] {ids.length, ids[0].length},
        values.stream().mapToDouble(Double::doubleValue).toArray()));
    return file;
  }

  /** 20 items over 4 epochs: item i keeps class i mod 2 for i mod 5 epochs of 4, then switches. */
  private Path steadyThenSwitching() {
    int[][] ids = new int[4][20];
    for (int e = 0; e < 4; e++) {
      for (int i = 0; i < 20; i++) {
        ids[e][i] = e < i % 5 ? i % 2 : 1 - i % 2;
      }
    }
    return history("history", ids);
  }

  @Test
  void labelDispersionPicksTheItemsWhosePredictionChangedMost() throws IOException {
    Path out = dir.resolve("picks.json");
    CliHarness.Result r = CliHarness.run("select", "--strategy", "label-dispersion", "--budget", "4",
        "--prediction-history", steadyThenSwitching().toString(), "--probs", probs.toString(), "--out", out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode json = new ObjectMapper().readTree(Files.readString(out));
    // i mod 5 = 2: two epochs each way, dispersion 1/2; ties to the lower index
    assertThat(json.get("selected").toString()).isEqualTo("[2,7,12,17]");
    assertThat(json.get("scores").get(0).asDouble()).isEqualTo(0.5);
  }

  @Test
  void aHistoryOfAnotherPoolOrWithForeignClassIdsIsOneLine() {
    CliHarness.Result wide = CliHarness.run("select", "--strategy", "label-dispersion", "--budget", "2",
        "--prediction-history", history("wide", new int[][] {new int[21]}).toString(), "--probs", probs.toString());
    assertThat(wide.code()).isEqualTo(2);
    assertThat(wide.err().strip()).isEqualTo("alkit: --prediction-history holds 21 items per epoch (shape (1, 21),"
        + " epochs × items) but --probs has 20; expected one per pool item");
    int[][] ids = new int[2][20];
    ids[1][13] = 5;
    Path foreign = history("foreign", ids);
    CliHarness.Result bad = CliHarness.run("select", "--strategy", "label-dispersion", "--budget", "2",
        "--prediction-history", foreign.toString(), "--probs", probs.toString());
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err().strip()).isEqualTo("alkit: --prediction-history: " + foreign
        + ": [1][13] = 5; expected a class id in [0, 2)");
    CliHarness.Result missing = CliHarness.run("select", "--strategy", "label-dispersion", "--budget", "2",
        "--probs", probs.toString());
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err()).contains("prediction-history").contains("--prediction-history missing");
  }

  @Test
  void aCommitteeOfOneMemberCannotVote() throws IOException {
    Path one = dir.resolve("one.npy");
    float[] p = CliHarness.probabilities().toArray();
    double[] values = new double[p.length];
    for (int k = 0; k < p.length; k++) {
      values[k] = p[k];
    }
    Npy.write(one, new NpyArray(NpyArray.Dtype.FLOAT32, new int[] {1, 20, 2}, values));
    CliHarness.Result r = CliHarness.run("select", "--strategy", "variation-ratio", "--set",
        "over=committee-probabilities", "--budget", "2", "--committee-probs", one.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err().strip().lines()).hasSize(1);
    assertThat(r.err()).contains("--committee-probs holds 1 matrix").contains("expected at least 2");
    Path config = Files.writeString(dir.resolve("one.yml"), "model: committee\nmodel-options: {members: 1}\n"
        + "strategy: variation-ratio\nstrategy-options: {over: committee-probabilities}\n"
        + "initial-labeled: 10\nbudget: 5\nrounds: 1\n");
    CliHarness.Result run = CliHarness.run("run", "--config", config.toString());
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err().strip()).isEqualTo("alkit: strategy 'variation-ratio': committee-probabilities holds 1"
        + " member; expected a committee of at least 2 (one member always agrees with itself)");
  }

  @Test
  void anEnsembleOfOneIsRefusedBeforeRoundOne() throws IOException {
    Path config = Files.writeString(dir.resolve("ensemble.yml"), "model: ensemble\nmodel-options: {members: 1}\n");
    CliHarness.Result r = CliHarness.run("run", "--config", config.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err().strip()).isEqualTo("alkit: model 'ensemble': option 'members' = 1: expected >= 2");
  }
}
