package org.alkit.runtime;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.alkit.runtime.fuzz.ParserContract;
import org.alkit.runtime.fuzz.ParserFuzzTest;

/**
 * Coverage-guided fuzzing (Jazzer) of the run journal's file reader: any file gives a header or a
 * round, or an {@link org.alkit.api.InvalidInputException} ({@link ParserContract}). An input whose
 * first byte is even is sealed with a valid checksum first, so the fuzzer reaches the YAML and the
 * fields behind the checksum check.
 */
class RunJournalFuzzTest {
  private static final Path DIR = ParserContract.scratch("journal-fuzz");

  @ParserFuzzTest
  void readsOrRejects(byte[] bytes) {
    boolean seal = bytes.length > 0 && bytes[0] % 2 == 0;
    String text = new String(bytes, StandardCharsets.UTF_8);
    Path file = ParserContract.file(DIR, "round-0001.yml",
        (seal ? RunJournal.sealed(text) : text).getBytes(StandardCharsets.UTF_8));
    ParserContract.readsOrRejects(bytes.length, () -> {
      Map<String, Object> fields = RunJournal.read(file);
      if (fields.containsKey("configuration")) {
        RunConfig.fromTree(fields.get("configuration"));
      } else {
        int round = fields.get("round") instanceof Integer r && r >= 0 ? r : 1;
        JournalRound.of(round, fields, problem -> RunJournal.damaged(file, problem));
      }
    });
  }
}
