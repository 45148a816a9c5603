package org.alkit.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.alkit.api.AlException;
import org.alkit.api.InvalidInputException;
import org.alkit.api.Selection;
import org.alkit.api.Signal;
import org.alkit.runtime.Npy;
import org.alkit.runtime.NpyArray;
import org.alkit.runtime.SelectionEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Spark engine in {@code local[2]} against the single-machine {@code alkit select} on the same
 * {@code .npy} pool: every per-item scoring strategy, for several partition counts (1, 3 and 8, whose
 * boundaries cut through runs of tied scores), picks the same items with bit-for-bit equal scores.
 */
class SparkSelectionTest extends SessionTest {
  @BeforeAll
  static void start() {
    pool = new Pools(dir, 1_000, 7);
    spark = LocalSpark.builder("local[2]").getOrCreate();
  }


  static Stream<String> strategies() {
    return Pools.scoringStrategies().stream();
  }

  @Test
  void everyPerItemStrategyTheIssueNamesIsServed() {
    assertThat(Pools.scoringStrategies()).contains("least-confidence", "margin", "ratio", "entropy", "bald",
        "variation-ratio", "mean-std", "power-bald", "egl", "label-dispersion");
  }

  @ParameterizedTest
  @MethodSource("strategies")
  void picksAndScoresEqualTheSingleMachineForAnyPartitioning(String strategy) {
    int budget = 60;
    Selection single = pool.single(strategy, Map.of(), budget, 11);
    for (int partitions : new int[] {1, 3, 8}) {
      SelectionEngine.Result distributed = pool.spark(spark, strategy, Map.of(), budget, 11, partitions);
      assertArrayEquals(Pools.asLongs(single.indices()), distributed.selected(),
          strategy + " picks on " + partitions + " partitions");
      assertArrayEquals(single.scores(), distributed.scores(), 0.0, strategy + " scores on " + partitions
          + " partitions");
    }
  }

  @Test
  void powerBaldDrawsWithItsSeedAsOnOneMachine() {
    Map<String, String> options = Pools.options("beta", "2");
    for (long seed : new long[] {1, 2}) {
      Selection single = pool.single("power-bald", options, 100, seed);
      SelectionEngine.Result distributed = pool.spark(spark, "power-bald", options, 100, seed, 5);
      assertArrayEquals(Pools.asLongs(single.indices()), distributed.selected());
      assertArrayEquals(single.scores(), distributed.scores(), 0.0);
    }
    assertThat(pool.spark(spark, "power-bald", options, 100, 1, 5).selected())
        .isNotEqualTo(pool.spark(spark, "power-bald", options, 100, 2, 5).selected());
  }

  /**
   * Each task reads its range in chunks of 7 rows (ranges of 333 and 334 items, chunk boundaries
   * cutting through labeled items): the picks, scores and power-BALD's draws are the single
   * machine's.
   */
  @ParameterizedTest
  @MethodSource("strategies")
  void aRangeLargerThanTheChunkIsRankedChunkByChunkAsOnOneMachine(String strategy) {
    Selection single = pool.single(strategy, Map.of(), 60, 11);
    int[] labeled = Npy.readIndices(pool.labeled);
    Map<Signal, String> files = new EnumMap<>(Signal.class);
    pool.files.forEach((signal, file) -> files.put(signal, file.toString()));
    NpyPool ranges = new NpyPool(spark, pool.n, labeled, null, files, 3);
    Top top = ranges.rank(new Shard(strategy, Map.of(), 60, 11, 1), 7);
    assertArrayEquals(Pools.asLongs(single.indices()), top.ids(), strategy);
    assertArrayEquals(single.scores(), top.scores(), 0.0, strategy);
  }

  @Test
  void aRangeSplitsIntoChunksWithTheirLabeledItemsAndDrawsBefore() {
    NpyPool.RowRange range = new NpyPool.RowRange(100, 120, new int[] {0, 6, 7, 19}, new int[] {4, 5, 6, 7}, 90);
    List<NpyPool.RowRange> chunks = range.chunks(7);
    assertThat(chunks).extracting(NpyPool.RowRange::from).containsExactly(100, 107, 114);
    assertThat(chunks).extracting(NpyPool.RowRange::to).containsExactly(107, 114, 120);
    assertThat(chunks.get(0).labeled()).containsExactly(0, 6);
    assertThat(chunks.get(0).labels()).containsExactly(4, 5);
    assertThat(chunks.get(1).labeled()).containsExactly(0);
    assertThat(chunks.get(1).labels()).containsExactly(6);
    assertThat(chunks.get(2).labeled()).containsExactly(5);
    assertThat(chunks.get(2).labels()).containsExactly(7);
    assertThat(chunks).extracting(NpyPool.RowRange::drawsBefore).containsExactly(90L, 95L, 101L);
    assertThat(range.chunks(50)).singleElement().satisfies(whole -> {
      assertThat(whole.labeled()).containsExactly(range.labeled());
      assertThat(whole.labels()).containsExactly(range.labels());
      assertThat(whole.drawsBefore()).isEqualTo(90L);
    });
  }

  @Test
  void theChunkFollowsTheHeap() {
    long perProcessor = Runtime.getRuntime().maxMemory() / (8L * Runtime.getRuntime().availableProcessors());
    assertThat(Shard.chunkRows(400)).isEqualTo((int) (Math.min(Shard.MAX_CHUNK_BYTES, perProcessor) / 400));
    assertThat(Shard.chunkRows(Long.MAX_VALUE)).isEqualTo(1);
  }

  @Test
  void moreRangesThanItemsAndABudgetOfEveryUnlabeledItem() {
    Pools tiny = new Pools(dir.resolve("tiny"), 5, 3);
    Selection single = tiny.single("entropy", Map.of(), 3, 0); // items 0 and 3 are labeled
    SelectionEngine.Result distributed = tiny.spark(spark, "entropy", Map.of(), 3, 0, 16);
    assertThat(distributed.selected()).containsExactly(Pools.asLongs(single.indices()));
  }

  @Test
  void aStrategyWithoutPerItemScoresIsRefusedBeforeAnyJob() {
    AtomicInteger jobs = LocalSpark.jobs(spark);
    assertThatThrownBy(() -> pool.spark(spark, "batch-bald", Map.of(), 5, 0, 2))
        .isInstanceOf(AlException.class).hasMessageContaining("per-item score").hasMessageContaining("entropy");
    // CAL ranks by a score too, but one of each item's labeled neighbours: not an item's alone
    assertThatThrownBy(() -> pool.spark(spark, "cal", Map.of(), 5, 0, 2))
        .isInstanceOf(AlException.class).hasMessageContaining("per-item score").message().doesNotContain("cal,");
    // information density multiplies an uncertainty by the mean similarity to the whole pool
    assertThatThrownBy(() -> pool.spark(spark, "information-density", Map.of(), 5, 0, 2))
        .isInstanceOf(AlException.class).hasMessageContaining("per-item score");
    LocalSpark.drain(spark);
    assertThat(jobs).hasValue(0);
  }

  @Test
  void mismatchedClassesAndMissingSignalsAreOneLineBeforeAnyJob(@TempDir Path bad) {
    AtomicInteger jobs = LocalSpark.jobs(spark);
    Npy.write(bad.resolve("mc.npy"), new NpyArray(NpyArray.Dtype.FLOAT32, new int[] {2, pool.n, 3},
        new double[2 * pool.n * 3]));
    SelectionEngine.Job mismatched = new SelectionEngine.Job("bald", Map.of(), 5, 0, 1,
        Map.of(org.alkit.api.Signal.PROBABILITIES, pool.files.get(org.alkit.api.Signal.PROBABILITIES),
            org.alkit.api.Signal.MC_PROBABILITIES, bad.resolve("mc.npy")), null, null, null, Map.of(), Map.of());
    assertThatThrownBy(() -> new SparkSelection(() -> Pools.REGISTRY).select(spark, mismatched))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("classes");
    SelectionEngine.Job missing = new SelectionEngine.Job("bald", Map.of(), 5, 0, 1,
        Map.of(org.alkit.api.Signal.PROBABILITIES, pool.files.get(org.alkit.api.Signal.PROBABILITIES)), null, null,
        null, Map.of(), Map.of());
    assertThatThrownBy(() -> new SparkSelection(() -> Pools.REGISTRY).select(spark, missing))
        .isInstanceOf(AlException.class).hasMessageContaining("--mc-probs");
    LocalSpark.drain(spark);
    assertThat(jobs).hasValue(0);
  }

  @Test
  void anAllLabeledPoolIsOneLineBeforeAnyJob(@TempDir Path bad) {
    AtomicInteger jobs = LocalSpark.jobs(spark);
    Path all = bad.resolve("all.npy");
    Npy.writeInts(all, java.util.stream.IntStream.range(0, pool.n).toArray());
    SelectionEngine.Job job = new SelectionEngine.Job("entropy", Map.of(), 1, 0, 1, pool.files, all, null, null,
        Map.of(), Map.of());
    assertThatThrownBy(() -> new SparkSelection(() -> Pools.REGISTRY).select(spark, job))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("--labeled covers all");
    LocalSpark.drain(spark);
    assertThat(jobs).hasValue(0);
  }

  @Test
  void aNaNIsOneLineNamingThePoolItem(@TempDir Path bad) {
    double[] probs = new double[pool.n * Pools.CLASSES];
    java.util.Arrays.fill(probs, 1.0 / Pools.CLASSES);
    probs[777 * Pools.CLASSES + 2] = Double.NaN;
    Path file = bad.resolve("nan.npy");
    Npy.write(file, new NpyArray(NpyArray.Dtype.FLOAT32, new int[] {pool.n, Pools.CLASSES}, probs));
    SelectionEngine.Job job = new SelectionEngine.Job("entropy", Map.of(), 3, 0, 1,
        Map.of(org.alkit.api.Signal.PROBABILITIES, file), null, null, null, Map.of(),
        Map.of(SparkSelection.PARTITIONS, "4"));
    assertThatThrownBy(() -> new SparkSelection(() -> Pools.REGISTRY).select(spark, job))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("probabilities of pool item 777 [2] = NaN; expected a finite value");
  }

  @Test
  void aBadPartitionCountIsOneLine() {
    SelectionEngine.Job job = new SelectionEngine.Job("entropy", Map.of(), 3, 0, 1, pool.files, null, null, null,
        Map.of(), Map.of(SparkSelection.PARTITIONS, "0"));
    assertThatThrownBy(() -> new SparkSelection(() -> Pools.REGISTRY).select(spark, job))
        .isInstanceOf(InvalidInputException.class).hasMessage("alkit.partitions = '0'; expected a whole number >= 1");
  }
}
