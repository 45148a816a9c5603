package org.alkit.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.alkit.api.InvalidInputException;
import org.alkit.api.ScenarioHints;
import org.alkit.eval.data.Datasets;
import org.alkit.runtime.ActiveLearningLoop;
import org.alkit.runtime.Dataset;
import org.alkit.runtime.Registry;
import org.alkit.runtime.RoundResult;
import org.alkit.runtime.RunConfig;
import org.alkit.runtime.RunJournal;
import org.alkit.runtime.RunRequest;
import org.alkit.runtime.RunResult;
import org.alkit.runtime.Runs;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code alkit run} with {@code engine: spark} (local[2]): the loop of the one assembly fits the
 * model in the driver and selects each round on Spark, and picks and measures what the local
 * engine does, round by round; a journaled Spark run resumes; a strategy the engine cannot run is
 * refused in one line before round 1.
 */
class SparkLoopTest {
  private static final String CONFIG = """
      dataset: optdigits
      model: logistic
      initial-labeled: 20
      budget: 25
      rounds: 4
      seed: 11
      """;
  /** Three row ranges: a round's pool is cut at other places than Spark's default parallelism would. */
  private static final String SPARK = """
      engine: spark
      spark-master: local[2]
      spark-conf: {alkit.partitions: 3, spark.ui.enabled: 'false', spark.driver.host: 127.0.0.1,
        spark.driver.bindAddress: 127.0.0.1, spark.extraListeners: org.alkit.spark.SparkLoopTest$Jobs}
      """;

  private static Dataset data;

  @BeforeAll
  static void load() {
    RunConfig d = RunConfig.parse(CONFIG);
    data = Datasets.load(d.dataset(), d.testFraction(), d.seed());
  }

  @ParameterizedTest
  @ValueSource(strings = {"margin", "entropy"})
  void sparkRoundsPickAndMeasureWhatTheLocalEngineDoes(String strategy) {
    RunConfig local = RunConfig.parse(CONFIG + "strategy: " + strategy + "\n");
    RunConfig spark = RunConfig.parse(CONFIG + SPARK + "strategy: " + strategy + "\n");
    RunResult expected = run(local, null);
    Jobs.STARTED.set(0);
    RunResult actual = run(spark, null);
    assertThat(Jobs.STARTED).as("one Spark job a round").hasValue(4);
    assertThat(actual.rounds()).hasSize(4);
    assertThat(picksAndAccuracies(actual)).isEqualTo(picksAndAccuracies(expected));
    assertThat(actual.finalAccuracy()).isEqualTo(expected.finalAccuracy());
    assertThat(SparkSession.getActiveSession().isEmpty() && SparkSession.getDefaultSession().isEmpty())
        .as("the loop stops its Spark session").isTrue();
  }

  @Test
  void aJournaledSparkRunResumesAsAnUninterruptedOne(@TempDir Path dir) throws IOException {
    RunConfig spark = RunConfig.parse(CONFIG + SPARK + "strategy: margin\n");
    Path whole = dir.resolve("whole");
    Path cut = dir.resolve("cut");
    for (Path j : List.of(whole, cut)) {
      try (RunJournal journal = RunJournal.create(j, spark, data)) {
        run(spark, journal);
      }
    }
    Files.delete(cut.resolve("rounds/final.yml"));
    Files.delete(cut.resolve("rounds/round-0004.yml"));
    Files.delete(cut.resolve("rounds/round-0003.yml"));
    RunResult resumed;
    try (RunJournal journal = RunJournal.resume(cut, RunJournal.configuration(cut), data)) {
      resumed = run(spark, journal);
    }
    assertThat(resumed.rounds()).extracting(RoundResult::replayed).containsExactly(true, true, false, false);
    assertThat(files(cut)).isEqualTo(files(whole));
    assertThat(picksAndAccuracies(resumed))
        .isEqualTo(picksAndAccuracies(run(RunConfig.parse(CONFIG + "strategy: margin\n"), null)));
  }

  @Test
  void aStrategyTheEngineCannotRunIsOneLineBeforeRoundOne() {
    RunConfig config = RunConfig.parse(CONFIG + SPARK + "strategy: coreset\n");
    String expected = "the spark engine runs strategies that rank items by a per-item score; this one does not."
        + " Expected one of ";
    assertThatThrownBy(() -> Runs.check(config, Registry.load()))
        .isInstanceOf(InvalidInputException.class).hasMessageStartingWith(expected);
    assertThatThrownBy(() -> run(config, null))
        .isInstanceOf(InvalidInputException.class).hasMessageStartingWith(expected)
        .hasMessageContaining("entropy").hasMessageContaining("margin").message().doesNotContain("\n", "coreset");
    assertThat(SparkSession.getDefaultSession().isEmpty()).as("no Spark session started").isTrue();
  }

  @Test
  void sparkSettingsWithoutTheSparkEngineAreRefused() {
    assertThatThrownBy(() -> RunConfig.parse(CONFIG + "spark-master: local[2]\n"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("spark-master and spark-conf with engine local; expected engine: spark for them");
  }

  /** Counts the jobs of the sessions the engine starts ({@code spark.extraListeners}). */
  public static final class Jobs extends SparkListener {
    static final AtomicInteger STARTED = new AtomicInteger();

    @Override
    public void onJobStart(SparkListenerJobStart jobStart) {
      STARTED.incrementAndGet();
    }
  }

  private static RunResult run(RunConfig config, RunJournal journal) {
    RunRequest request = RunRequest.of(config, data).get(0);
    try (ActiveLearningLoop loop = Runs.assemble(request, Registry.load())) {
      return journal == null ? loop.run(ScenarioHints.none(), round -> {})
          : loop.run(ScenarioHints.none(), round -> {}, journal, 0);
    }
  }

  /** Each round's picks and accuracy, and the final accuracy. */
  private static List<Object> picksAndAccuracies(RunResult result) {
    return Stream.concat(result.rounds().stream().map(r -> List.of(r.labeledCount(), r.accuracy(),
        List.of(java.util.Arrays.stream(r.selected()).boxed().toArray()))), Stream.of(result.finalAccuracy()))
        .map(Object.class::cast).toList();
  }

  private static Map<String, String> files(Path journal) throws IOException {
    try (Stream<Path> all = Files.walk(journal)) {
      return all.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().equals("journal.lock"))
          .collect(java.util.stream.Collectors.toMap(f -> journal.relativize(f).toString(), f -> {
            try {
              return Files.readString(f);
            } catch (IOException e) {
              throw new java.io.UncheckedIOException(e);
            }
          }));
    }
  }
}
