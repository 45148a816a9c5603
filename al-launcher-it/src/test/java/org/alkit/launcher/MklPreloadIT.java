package org.alkit.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The library that lets libtorch's MKL pick its AVX2 / AVX-512 kernels on processors not made by
 * Intel ({@code al-gpu/src/main/c/mkl_intel_cpu.c}): the launcher builds it once where a C compiler
 * exists and preloads it into the JVM of computing commands; without a compiler, or with
 * {@code ALKIT_MKL_SHIM=off}, it runs as before (the default example's accuracy, which CI prints).
 */
class MklPreloadIT {
  private static final Path SHIM = Launcher.ROOT.resolve("al-cli/target/launcher/mkl-intel-cpu.so");
  private static final String ACCURACY = "final accuracy: 0.9198";

  @BeforeEach
  void withoutTheLibrary() throws IOException {
    Files.deleteIfExists(SHIM);
  }

  @Test
  void withoutACompilerTheLauncherRunsAsBefore() throws Exception {
    Launcher.Result run = Launcher.run(Map.of("CC", "/nonexistent/cc"), "run");
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out()).contains(ACCURACY);
    assertThat(SHIM).doesNotExist();
  }

  @Test
  void theOffSwitchNeitherBuildsNorPreloads() throws Exception {
    Launcher.Started run = Launcher.start(Map.of("ALKIT_MKL_SHIM", "off"), "run");
    assertThat(jvmMaps(run.process())).doesNotContain("mkl-intel-cpu.so");
    Launcher.Result done = run.waitFor();
    assertThat(done.code()).as(done.err()).isZero();
    assertThat(done.out()).contains(ACCURACY);
    assertThat(SHIM).doesNotExist();
  }

  @Test
  void onAnAmdProcessorWithACompilerTheJvmOfAComputingCommandMapsIt() throws Exception {
    assumeTrue(System.getProperty("os.arch").equals("amd64"), "x86-64 only");
    assumeTrue(!Files.readString(Path.of("/proc/cpuinfo")).contains("GenuineIntel"), "not on Intel's processors");
    assumeTrue(new ProcessBuilder("sh", "-c", "command -v cc").start().waitFor() == 0, "needs cc");
    Launcher.Started run = Launcher.start(Map.of(), "run");
    assertThat(jvmMaps(run.process())).contains(SHIM.toString());
    Launcher.Result done = run.waitFor();
    assertThat(done.code()).as(done.err()).isZero();
    assertThat(done.out()).as("logistic regression never loads libtorch").contains(ACCURACY);
    assertThat(SHIM).isRegularFile();

    Launcher.Started light = Launcher.start(Map.of(), "--version");
    assertThat(jvmMaps(light.process())).as("--version loads no libtorch").doesNotContain("mkl-intel-cpu.so");
    assertThat(light.waitFor().code()).isZero();
  }

  /** The memory map of the JVM the script became (the same process), read once the JVM is loaded. */
  private static String jvmMaps(Process process) throws Exception {
    Path maps = Path.of("/proc/" + process.pid() + "/maps");
    while (process.isAlive()) {
      String text;
      try {
        text = Files.readString(maps);
      } catch (IOException gone) {
        break;
      }
      if (text.contains("libjvm.so")) {
        return text;
      }
      Thread.sleep(2);
    }
    throw new AssertionError("the JVM ended before its memory map could be read");
  }
}
