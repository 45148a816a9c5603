package org.alkit.eval.matrix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.alkit.api.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalTest {
  @TempDir
  Path dir;

  static RunRecord record(long seed) {
    return new RunRecord(new RunKey("optdigits", "rare-classes:3,5", "smi", seed),
        List.of(new RoundMetrics(1, new Quality(20, 0.1 + seed / 10.0, 1.0 / 3, Double.NaN), new int[] {5, 9},
            new int[] {1, 1}, 0.5, 1, 12, -1, 35, 40, 3, 1)),
        new Quality(22, 0.123456789012345, 0.2, 0.75));
  }

  @Test
  void recordsSurviveAReopenExactlyNanIncluded() {
    try (Journal j = Journal.open(dir, "abc")) {
      j.append(record(1));
      j.append(record(2));
    }
    try (Journal j = Journal.open(dir, "abc")) {
      assertThat(j.records()).hasSize(2).containsEntry(record(1).key(), record(1))
          .containsEntry(record(2).key(), record(2));
    }
  }

  @Test
  void aLineTheKillCutShortIsDroppedAndOverwritten() throws IOException {
    try (Journal j = Journal.open(dir, "abc")) {
      j.append(record(1));
    }
    Path file = dir.resolve(MatrixRunner.JOURNAL);
    Files.writeString(file, "{\"key\":{\"dataset\":\"optdi", StandardOpenOption.APPEND);
    try (Journal j = Journal.open(dir, "abc")) {
      assertThat(j.records()).containsOnlyKeys(record(1).key());
      j.append(record(2));
    }
    assertThat(Files.readAllLines(file)).hasSize(3);
    try (Journal j = Journal.open(dir, "abc")) {
      assertThat(j.records()).hasSize(2);
    }
  }

  @Test
  void anotherMatrixsJournalIsRefused() {
    Journal.open(dir, "abc").close();
    assertThatThrownBy(() -> Journal.open(dir, "def")).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(MatrixRunner.JOURNAL).hasMessageContaining("another matrix")
        .hasMessageContaining("--out");
  }

  @Test
  void aCorruptLineInsideIsNamedByFileAndLine() throws IOException {
    try (Journal j = Journal.open(dir, "abc")) {
      j.append(record(1));
    }
    Path file = dir.resolve(MatrixRunner.JOURNAL);
    Files.writeString(file, "not json\n", StandardOpenOption.APPEND);
    assertThatThrownBy(() -> Journal.open(dir, "abc")).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(file.toString()).hasMessageContaining("line 3");
    Files.writeString(file, "{\"format\":\"something else\"}\n", StandardCharsets.UTF_8);
    assertThatThrownBy(() -> Journal.open(dir, "abc")).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("line 1");
  }
}
