package org.alkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.alkit.api.Matrix;
import org.alkit.runtime.Npy;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code djl} compute backend chosen on the command line and in the run configuration. */
class DjlBackendCommandTest {
  @TempDir
  Path dir;

  Path data;

  @BeforeEach
  void writeInputs() {
    SplittableRandom r = new SplittableRandom(3);
    float[][] rows = new float[120][12];
    for (float[] row : rows) {
      for (int j = 0; j < row.length; j++) {
        row[j] = (float) r.nextGaussian();
      }
    }
    data = dir.resolve("x.npy");
    Npy.writeMatrix(data, Matrix.of(rows));
  }

  private static JsonNode json(CliHarness.Result r) throws IOException {
    assertThat(r.code()).as(r.err()).isZero();
    return new ObjectMapper().readTree(r.out());
  }

  @Test
  void maximizeAndSelectOnDjlPickWhatJavaPicks() throws IOException {
    String[] maximize = {"maximize", "--function", "facility-location", "--budget", "10", "--data", data.toString()};
    JsonNode onJava = json(CliHarness.run(maximize));
    JsonNode onDjl = json(CliHarness.run(concat(maximize, "--backend", "djl", "--backend-option", "threads=1")));
    assertThat(onDjl.get("selected")).isEqualTo(onJava.get("selected"));
    String[] select = {"select", "--strategy", "coreset", "--budget", "8", "--embeddings", data.toString()};
    assertThat(json(CliHarness.run(concat(select, "--backend", "djl"))).get("selected"))
        .isEqualTo(json(CliHarness.run(select)).get("selected"));
  }

  /**
   * VaB-AL's VAE trains on the configured backend: on {@code java} a djl backend is created for it
   * at one thread, with {@code --backend djl} that backend trains it; both say so on standard
   * error, and on the same device and threads they pick the same items with the same scores.
   */
  @Test
  void vabalTrainsItsVaeOnTheConfiguredBackend() throws IOException {
    Path labeled = dir.resolve("labeled.npy");
    Npy.writeInts(labeled, new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9});
    Path labels = dir.resolve("labels.npy");
    Npy.writeInts(labels, new int[] {0, 1, 2, 0, 1, 2, 0, 1, 2, 0});
    String[] select = {"select", "--strategy", "vabal", "--set", "epochs=3", "--set", "mc-samples=5", "--budget", "6",
        "--embeddings", data.toString(), "--labeled", labeled.toString(), "--labels", labels.toString()};
    CliHarness.Result onJava = CliHarness.run(select);
    CliHarness.Result onDjl = CliHarness.run(concat(select, "--backend", "djl", "--backend-option", "device=cpu",
        "--backend-option", "threads=1"));
    assertThat(onJava.err()).isEqualTo("strategy 'vabal' trains its networks on PyTorch (DJL), cpu, 1 thread "
        + "(backend 'djl', created for this strategy)\n");
    assertThat(onDjl.err()).isEqualTo("strategy 'vabal' trains its networks on PyTorch (DJL), cpu, 1 thread "
        + "(backend 'djl')\n");
    assertThat(json(onDjl).get("selected")).isEqualTo(json(onJava).get("selected"));
    assertThat(json(onDjl).get("scores")).isEqualTo(json(onJava).get("scores"));
  }

  @Test
  void aGpuThatIsNotThereIsABadInputNamingTheOptionAndTheDevices() {
    CliHarness.Result r = CliHarness.run("maximize", "--function", "facility-location", "--budget", "3",
        "--data", data.toString(), "--backend", "djl", "--backend-option", "device=gpu:64");
    assertThat(r.code()).as(r.err()).isEqualTo(2);
    assertThat(r.err()).startsWith("alkit: backend 'djl': option 'device' = 'gpu:64', but PyTorch sees ")
        .contains("expected cpu").doesNotContain("\tat ");
  }

  @Test
  void anUnknownBackendOrOptionListsTheKnownOnes() {
    CliHarness.Result r = CliHarness.run("select", "--strategy", "coreset", "--budget", "3",
        "--embeddings", data.toString(), "--backend", "cuda");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--backend").contains("cuda").contains("djl").contains("java");
    r = CliHarness.run("select", "--strategy", "coreset", "--budget", "3", "--embeddings", data.toString(),
        "--backend", "djl", "--backend-option", "devise=gpu");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("devise").contains("device");
  }

  @Test
  void theRunConfigurationSelectsDjl() throws IOException {
    Path config = dir.resolve("run.yml");
    Files.writeString(config, "dataset: optdigits\nstrategy: coreset\nbackend: djl\n"
        + "backend-options: {device: cpu, threads: 1}\ninitial-labeled: 20\nbudget: 20\nrounds: 2\nseed: 3\n");
    CliHarness.Result r = CliHarness.run("run", "--config", config.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("round 2/2").containsPattern("final accuracy: 0\\.\\d{4}");
  }

  private static String[] concat(String[] head, String... tail) {
    String[] out = java.util.Arrays.copyOf(head, head.length + tail.length);
    System.arraycopy(tail, 0, out, head.length, tail.length);
    return out;
  }
}
