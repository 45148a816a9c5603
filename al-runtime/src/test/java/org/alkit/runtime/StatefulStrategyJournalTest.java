package org.alkit.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.alkit.api.ComputeBackend;
import org.alkit.api.InvalidInputException;
import org.alkit.api.ModelAdapter;
import org.alkit.api.ModelProvider;
import org.alkit.api.ScenarioHints;
import org.alkit.api.Selection;
import org.alkit.api.SelectionContext;
import org.alkit.api.Signal;
import org.alkit.api.StatefulStrategy;
import org.alkit.api.Strategy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@link StatefulStrategy}'s state in the run journal: recorded after every selection, restored
 * on resume before the first new selection (so the resumed run picks as the uninterrupted one
 * would), and refused when missing or not the strategy's.
 */
class StatefulStrategyJournalTest {
  @TempDir
  Path dir;

  private static final Dataset DATA = ActiveLearningLoopTest.blobs();
  private static final Registry REGISTRY = Registry.load();
  private static final RunConfig CONFIG = RunConfig.parse("dataset: blobs\nstrategy: stateful\nmodel: logistic\n"
      + "backend: java\ninitial-labeled: 6\nbudget: 4\nrounds: 4\nseed: 9\nmodel-options: {iterations: 40}\n");

  /**
   * Picks the unlabeled items at positions offset, offset + 1, … of the unlabeled list, the offset
   * growing with the labels it has seen: its picks depend on every earlier round.
   */
  static final class Drifting implements Strategy, StatefulStrategy {
    long offset;
    final List<String> restored = new ArrayList<>();

    @Override
    public Selection select(SelectionContext ctx) {
      offset += Arrays.stream(ctx.labels()).sum() + ctx.round();
      int[] unlabeled = ctx.unlabeled();
      int[] picks = new int[ctx.selectionSize()];
      for (int k = 0; k < picks.length; k++) {
        picks[k] = unlabeled[(int) ((offset + k) % unlabeled.length)];
      }
      return new Selection("stateful", java.util.Map.of(), picks, new double[picks.length]);
    }

    @Override
    public String state() {
      return "offset " + offset;
    }

    @Override
    public void restore(String state) {
      restored.add(state);
      if (!state.startsWith("offset ")) {
        throw new InvalidInputException("strategy-state = '" + state + "'; expected offset N");
      }
      offset = Long.parseLong(state.substring("offset ".length()));
    }
  }

  private static RunResult run(Drifting strategy, RunJournal journal) {
    ModelProvider m = REGISTRY.model("logistic");
    ModelAdapter model = m.create(m.options(CONFIG.modelOptions()));
    var b = REGISTRY.backend("java");
    ComputeBackend backend = b.create(b.options(CONFIG.backendOptions()));
    try (ActiveLearningLoop loop = new ActiveLearningLoop(CONFIG, DATA, new LoopParts(model,
        TrainingParticipationTest.provider(strategy, Set.of(), Set.of(Signal.PROBABILITIES)), backend,
        OracleFactory.simulated(DATA)), REGISTRY)) {
      return journal == null ? loop.run() : loop.run(ScenarioHints.none(), r -> {}, journal, 0);
    }
  }

  private Path cutJournal(String name) throws IOException {
    Path cut = dir.resolve(name);
    try (RunJournal journal = RunJournal.create(cut, CONFIG, DATA)) {
      run(new Drifting(), journal);
    }
    Files.delete(cut.resolve("rounds/final.yml"));
    Files.delete(cut.resolve("rounds/round-0004.yml"));
    Files.delete(cut.resolve("rounds/round-0003.yml"));
    return cut;
  }

  @Test
  void aResumedRunRestoresTheLastRecordedStateAndPicksAsTheUninterruptedOne() throws IOException {
    Drifting uninterrupted = new Drifting();
    RunResult whole = run(uninterrupted, null);
    Path cut = cutJournal("cut");
    assertThat(Files.readString(cut.resolve("rounds/round-0002.yml"))).contains("strategy-state: offset ");
    Drifting resumed = new Drifting();
    RunResult again;
    try (RunJournal journal = RunJournal.resume(cut, CONFIG, DATA)) {
      again = run(resumed, journal);
    }
    assertThat(resumed.restored).hasSize(1);
    assertThat(again.rounds()).extracting(RoundResult::replayed).containsExactly(true, true, false, false);
    assertThat(again.rounds()).extracting(r -> Arrays.toString(r.selected()))
        .isEqualTo(whole.rounds().stream().map(r -> Arrays.toString(r.selected())).toList());
    assertThat(resumed.offset).isEqualTo(uninterrupted.offset);
  }

  @Test
  void aMissingOrForeignStateIsRefused() throws IOException {
    Path missing = cutJournal("missing");
    rewrite(missing.resolve("rounds/round-0002.yml"), "strategy-state: .*\n", "");
    assertThatThrownBy(() -> resume(missing)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("no strategy-state; strategy 'participant' records its state after every selection");
    Path foreign = cutJournal("foreign");
    rewrite(foreign.resolve("rounds/round-0002.yml"), "strategy-state: .*\n", "strategy-state: weights 3\n");
    assertThatThrownBy(() -> resume(foreign)).isInstanceOf(InvalidInputException.class)
        .hasMessage("strategy-state = 'weights 3'; expected offset N");
  }

  private static void resume(Path journalDir) {
    try (RunJournal journal = RunJournal.resume(journalDir, CONFIG, DATA)) {
      run(new Drifting(), journal);
    }
  }

  private static void rewrite(Path file, String regex, String replacement) throws IOException {
    String body = Files.readString(file);
    Files.writeString(file, RunJournal.sealed(body.substring(0, body.indexOf("sha256: ")).replaceAll(regex,
        replacement)));
  }
}
