package org.alkit.eval;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.alkit.runtime.fuzz.ParserContract;
import org.junit.jupiter.api.Timeout;

/**
 * Coverage-guided fuzzing (Jazzer) of the CSV data set reader ({@code dataset: path.csv}): any file
 * gives a data set or an {@link org.alkit.api.InvalidInputException} ({@link ParserContract}).
 */
class CsvFuzzTest {
  private static final Path DIR = ParserContract.scratch("csv-fuzz");

  @FuzzTest(maxDuration = "2h", maxExecutions = 1_000_000)
  @Timeout(value = 10, unit = TimeUnit.SECONDS)
  void readsOrRejects(byte[] bytes) {
    Path file = ParserContract.file(DIR, "input.csv", bytes);
    ParserContract.readsOrRejects(bytes.length, () -> Datasets.load(file.toString(), 0.25, 1));
  }
}
