package org.alkit.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The launcher's class-data archive now that the JVM replaces the script: the first call's JVM
 * dumps its classes at exit under a name of its own; a later call makes that dump the archive
 * only once its JVM is gone and the dump is whole, deletes a dump cut short, leaves a dump still
 * being written alone (and does not dump beside it), and maps the archive.
 */
class ClassDataIT {
  private static final Path STATE = Launcher.ROOT.resolve("al-cli/target/launcher");
  /** A process id above Linux's largest ({@code pid_max} is at most 2^22): no process has it. */
  private static final long GONE = 99_999_999L;

  @Test
  void aWholeDumpBecomesTheArchiveADumpCutShortIsDeletedAndADumpBeingWrittenIsLeftAlone() throws Exception {
    for (Path f : files("alkit-")) {
      Files.delete(f);
    }
    assertThat(Launcher.run("--version").code()).isZero();
    List<Path> dumps = files("alkit-");
    assertThat(dumps).as("the first call's dump").singleElement().asString().endsWith(".dump");
    Path dump = dumps.get(0);
    String archive = dump.getFileName().toString().replaceFirst("\\.\\d+\\.dump$", "");
    Path cut = STATE.resolve(archive + "." + GONE + ".dump");
    Files.write(cut, new byte[(int) Files.size(dump)]); // as a kill -9 leaves it: no header yet
    // a dump still being written: its writer runs, with the dump on its command line
    Process writer = new ProcessBuilder("bash", "-c", "exec bash -c 'sleep 60; true' "
        + "-XX:ArchiveClassesAtExit=" + STATE.resolve(archive) + ".$$.dump").start();
    try {
      Path writing = STATE.resolve(archive + "." + writer.pid() + ".dump");
      while (!Launcher.processesWith("-XX:ArchiveClassesAtExit=" + writing).containsKey(writer.pid())) {
        Thread.sleep(5);
      }
      Files.copy(dump, writing);

      Launcher.Result mapped = Launcher.run(Map.of("ALKIT_JAVA_OPTS", "-Xlog:class+load"), "--version");
      assertThat(mapped.code()).as(mapped.err()).isZero();
      assertThat(mapped.out()).contains("org.alkit.cli.Alkit source: shared objects file (top)");
      assertThat(files("alkit-")).as("the archive, and the dump being written")
          .containsExactly(STATE.resolve(archive), writing);

      Files.delete(STATE.resolve(archive));
      Launcher.Result beside = Launcher.run(Map.of("ALKIT_JAVA_OPTS", "-Xlog:class+load"), "--version");
      assertThat(beside.code()).as(beside.err()).isZero();
      assertThat(beside.out()).doesNotContain("shared objects file (top)");
      assertThat(files("alkit-")).as("no second dump beside the one being written").containsExactly(writing);
    } finally {
      writer.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
    }
    Launcher.Result after = Launcher.run(Map.of("ALKIT_JAVA_OPTS", "-Xlog:class+load"), "--version");
    assertThat(after.out()).contains("org.alkit.cli.Alkit source: shared objects file (top)");
    assertThat(files("alkit-")).as("its writer gone, the dump became the archive")
        .containsExactly(STATE.resolve(archive));
  }

  private static List<Path> files(String prefix) throws IOException {
    try (Stream<Path> all = Files.list(STATE)) {
      return all.filter(f -> f.getFileName().toString().startsWith(prefix)).sorted().toList();
    }
  }
}
