package org.alkit.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
  @TempDir
  Path dir;

  private long filesIn(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.count();
    }
  }

  @Test
  void writesReplacesAndLeavesNoTemporaryFile() throws IOException {
    Path target = dir.resolve("nested/state.yml");
    AtomicFiles.write(target, "one\n");
    assertThat(target).hasContent("one");
    AtomicFiles.write(target, new byte[] {'t', 'w', 'o'});
    assertThat(Files.readAllBytes(target)).containsExactly('t', 'w', 'o');
    assertThat(filesIn(target.getParent())).isEqualTo(1);
  }

  @Test
  void aFailedWriteNamesTheFileAndKeepsThePreviousContent() throws IOException {
    Path target = dir.resolve("kept.yml");
    AtomicFiles.write(target, "old");
    Files.createDirectory(dir.resolve("blocker"));
    Path impossible = dir.resolve("blocker");
    Files.writeString(impossible.resolve("child"), "a non-empty directory cannot be replaced by a file");

    assertThatThrownBy(() -> AtomicFiles.write(impossible, "new"))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("cannot write " + impossible);
    assertThat(target).hasContent("old");
    assertThat(filesIn(dir)).as("no temporary file left behind").isEqualTo(2);
  }

  @Test
  void recognisesTheTemporaryFilesOfAnInterruptedWrite() {
    assertThat(AtomicFiles.isTemporary(Path.of(".round-0003.yml.8412345.tmp"))).isTrue();
    assertThat(AtomicFiles.isTemporary(Path.of("round-0003.yml"))).isFalse();
    assertThat(AtomicFiles.isTemporary(Path.of(".hidden"))).isFalse();
  }
}
