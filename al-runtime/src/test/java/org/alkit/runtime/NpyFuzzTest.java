package org.alkit.runtime;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.alkit.runtime.fuzz.ParserContract;
import org.junit.jupiter.api.Timeout;

/**
 * Coverage-guided fuzzing (Jazzer) of the {@code .npy} reader through every public entry point:
 * any file gives an array or an {@link org.alkit.api.InvalidInputException} ({@link ParserContract}).
 * {@code ./mvnw verify} replays the inputs in {@code src/test/resources/…/NpyFuzzTestInputs}; the
 * README says how to fuzz for 10⁶ executions.
 */
class NpyFuzzTest {
  private static final Path DIR = ParserContract.scratch("npy-fuzz");

  @FuzzTest(maxDuration = "2h", maxExecutions = 1_000_000)
  @Timeout(value = 10, unit = TimeUnit.SECONDS)
  void readsOrRejects(byte[] bytes) {
    Path file = ParserContract.file(DIR, "input.npy", bytes);
    ParserContract.readsOrRejects(bytes.length, () -> Npy.read(file));
    ParserContract.readsOrRejects(bytes.length, () -> Npy.readMatrix(file));
    ParserContract.readsOrRejects(bytes.length, () -> Npy.readStack(file));
    ParserContract.readsOrRejects(bytes.length, () -> Npy.readIndices(file));
  }
}
