package org.alkit.runtime;

import java.nio.file.Path;
import org.alkit.runtime.fuzz.ParserContract;
import org.alkit.runtime.fuzz.ParserFuzzTest;

/**
 * Coverage-guided fuzzing (Jazzer) of the {@code .npy} reader through every public entry point:
 * any file gives an array or an {@link org.alkit.api.InvalidInputException} ({@link ParserContract}).
 * {@code ./mvnw verify} replays the inputs in {@code src/test/resources/…/NpyFuzzTestInputs}; the
 * docs/fuzzing.md says how to fuzz for 10⁶ executions.
 */
class NpyFuzzTest {
  private static final Path DIR = ParserContract.scratch("npy-fuzz");

  @ParserFuzzTest
  void readsOrRejects(byte[] bytes) {
    ParserContract.readsOrRejects(DIR, "input.npy", bytes, Npy::read, Npy::readMatrix, Npy::readStack,
        Npy::readIndices);
  }
}
