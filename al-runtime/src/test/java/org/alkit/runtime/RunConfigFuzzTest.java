package org.alkit.runtime;

import java.nio.charset.StandardCharsets;
import org.alkit.runtime.fuzz.ParserContract;
import org.alkit.runtime.fuzz.ParserFuzzTest;

/**
 * Coverage-guided fuzzing (Jazzer) of the YAML run configuration: any text gives a
 * {@link RunConfig} or an {@link org.alkit.api.InvalidInputException} ({@link ParserContract}), and
 * a parsed configuration survives the round trip a run journal puts it through.
 */
class RunConfigFuzzTest {
  @ParserFuzzTest
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
