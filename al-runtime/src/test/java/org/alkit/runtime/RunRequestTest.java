package org.alkit.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.alkit.api.InvalidInputException;
import org.alkit.api.Matrix;
import org.alkit.api.ScenarioHints;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run request refuses, with the one-line messages {@code alkit run} shows, a configuration or
 * scenario that does not fit its data, whoever makes it; {@link RunRequest#of} makes one per
 * scenario with the rows of its feature files.
 */
class RunRequestTest {
  /** 180 pool items of 4 features, 3 classes. */
  private static final Dataset DATA = ActiveLearningLoopTest.blobs();

  @TempDir Path dir;

  private static RunConfig config(int initial, int rounds, int budget, List<ScenarioConfig> scenarios) {
    RunConfig d = RunConfig.defaults();
    return new RunConfig("blobs", d.model(), Map.of(), d.strategy(), Map.of(), d.backend(), Map.of(), d.oracle(),
        initial, budget, rounds, 1, 0.25, scenarios, java.util.Optional.empty(), Map.of(), java.util.Optional.empty(),
        d.engine(), Map.of());
  }

  private static ScenarioConfig scenario(String name, Set<Integer> rare, List<Integer> query, Path queryData) {
    return new ScenarioConfig(name, "random", Map.of(), rare, Set.of(), query, List.of(),
        Optional.ofNullable(queryData), Optional.empty());
  }

  @Test
  void refusesAPoolTooSmallForEveryRound() {
    assertThat(new RunRequest(config(20, 8, 20, List.of()), DATA, ScenarioHints.none()).dataset()).isSameAs(DATA);
    assertThatThrownBy(() -> new RunRequest(config(20, 10, 20, List.of()), DATA, ScenarioHints.none()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("initial-labeled + rounds × budget = 20 + 10 × 20 = 220 exceeds the pool (180 items); expected at"
            + " most 180: lower rounds, budget or initial-labeled");
  }

  @Test
  void refusesHintsThatAreNotClassesItemsOrRowsOfTheData() {
    RunConfig c = config(10, 2, 10, List.of());
    ScenarioHints hints = ScenarioHints.none().withScenario("rare");
    assertThatThrownBy(() -> new RunRequest(c, DATA, hints.withRareClasses(Set.of(1, 3))))
        .hasMessage("scenario 'rare': rare-classes holds 3; expected a class in [0, 3)");
    assertThatThrownBy(() -> new RunRequest(c, DATA, hints.withOodClasses(Set.of(7))))
        .hasMessage("scenario 'rare': ood-classes holds 7; expected a class in [0, 3)");
    assertThatThrownBy(() -> new RunRequest(c, DATA, hints.withQueryIndices(List.of(4, 180))))
        .hasMessage("scenario 'rare': query holds 180; expected a pool index in [0, 180)");
    assertThatThrownBy(() -> new RunRequest(c, DATA, hints.withPrivateIndices(List.of(999))))
        .hasMessage("scenario 'rare': private holds 999; expected a pool index in [0, 180)");
    assertThatThrownBy(() -> new RunRequest(c, DATA, hints.withPrivateFeatures(Matrix.of(new float[][] {{1, 2}}))))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("scenario 'rare': private-data has 2 columns; expected the dataset's 4 feature columns");
  }

  @Test
  void ofMakesOneRequestPerScenarioWithItsStrategyAndTheRowsOfItsFiles() {
    Path rows = dir.resolve("q.npy");
    Npy.writeMatrix(rows, Matrix.of(new float[][] {{1, 2, 3, 4}, {5, 6, 7, 8}}));
    List<RunRequest> requests = RunRequest.of(config(10, 2, 10, List.of(scenario("a", Set.of(2), List.of(), null),
        scenario("b", Set.of(), List.of(), rows))), DATA);
    assertThat(requests).hasSize(2);
    assertThat(requests.get(0).hints().scenario()).isEqualTo("a");
    assertThat(requests.get(0).hints().rareClasses()).containsExactly(2);
    assertThat(requests.get(1).hints().queryFeatures()).hasValueSatisfying(m -> assertThat(m.rows()).isEqualTo(2));
    assertThat(requests).extracting(r -> r.config().strategy()).containsExactly("random", "random");
    assertThat(RunRequest.of(config(10, 2, 10, List.of()), DATA)).singleElement()
        .satisfies(r -> assertThat(r.hints()).isEqualTo(ScenarioHints.none()));
  }

  @Test
  void ofChecksEveryScenarioBeforeReadingAFileAndNamesTheFileItCannotRead() {
    Path missing = dir.resolve("none.npy");
    assertThatThrownBy(() -> RunRequest.of(config(10, 2, 10, List.of(scenario("a", Set.of(), List.of(), missing),
        scenario("b", Set.of(), List.of(500), null))), DATA))
        .hasMessage("scenario 'b': query holds 500; expected a pool index in [0, 180)");
    assertThatThrownBy(() -> RunRequest.of(config(10, 2, 10, List.of(scenario("a", Set.of(), List.of(), missing))),
        DATA)).isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("scenario 'a': query-data: ").hasMessageContaining("none.npy");
  }
}
