package org.alkit.eval.data;

import java.nio.file.Path;
import org.alkit.runtime.fuzz.ParserContract;
import org.alkit.runtime.fuzz.ParserFuzzTest;

/**
 * Coverage-guided fuzzing (Jazzer) of the CSV data set reader ({@code dataset: path.csv}): any file
 * gives a data set or an {@link org.alkit.api.InvalidInputException} ({@link ParserContract}).
 */
class CsvFuzzTest {
  private static final Path DIR = ParserContract.scratch("csv-fuzz");

  @ParserFuzzTest
  void readsOrRejects(byte[] bytes) {
    ParserContract.readsOrRejects(DIR, "input.csv", bytes, file -> Datasets.load(file.toString(), 0.25, 1));
  }
}
