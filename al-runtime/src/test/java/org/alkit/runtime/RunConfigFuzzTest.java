package org.alkit.runtime;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.alkit.runtime.fuzz.ParserContract;
import org.junit.jupiter.api.Timeout;

/**
 * Coverage-guided fuzzing (Jazzer) of the YAML run configuration: any text gives a
 * {@link RunConfig} or an {@link org.alkit.api.InvalidInputException} ({@link ParserContract}), and
 * a parsed configuration survives the round trip a run journal puts it through.
 */
class RunConfigFuzzTest {
  @FuzzTest(maxDuration = "2h", maxExecutions = 1_000_000)
  @Timeout(value = 10, unit = TimeUnit.SECONDS)
  void readsOrRejects(byte[] bytes) {
    String yaml = new String(bytes, StandardCharsets.UTF_8);
    ParserContract.readsOrRejects(bytes.length, () -> {
      RunConfig config = RunConfig.parse(yaml);
      if (!RunConfig.fromTree(config.toTree()).equals(config)) {
        throw new AssertionError("the journal's form of " + config + " reads back as another configuration");
      }
    });
  }
}
