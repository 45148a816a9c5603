package org.alkit.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.alkit.api.AlException;
import org.alkit.api.ComputeBackend;
import org.alkit.api.InvalidInputException;
import org.alkit.api.Matrix;
import org.alkit.api.ScenarioHints;
import org.alkit.api.Selection;
import org.alkit.api.Signal;
import org.alkit.runtime.Npy;
import org.alkit.runtime.NpyArray;
import org.alkit.runtime.SelectionEngine;
import org.alkit.runtime.SelectionRequest;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The batch strategies the Spark engine distributes, in {@code local[2]}: the two-round ones
 * (coreset, facility-location, SIMILAR) are the single machine's with one partition and
 * deterministic for a partition count; cluster-margin is the single machine's for any partitioning;
 * BADGE's k-means‖ seeding depends on its seed and not on the partitioning; Parquet pools pick ids;
 * bad input is one line.
 */
class BatchDiversityTest extends SessionTest {
  private static final int BUDGET = 12;
  private static final ScenarioHints RARE = ScenarioHints.none().withScenario("rare-classes")
      .withRareClasses(Set.of(1));
  private static Path labels;

  @BeforeAll
  static void start() {
    pool = new Pools(dir, 600, 13);
    int[] labeled = Npy.readIndices(pool.labeled);
    labels = dir.resolve("labels.npy");
    Npy.writeInts(labels, Arrays.stream(labeled).map(i -> i % Pools.CLASSES).toArray());
    spark = LocalSpark.builder("local[2]").getOrCreate();
  }

  static Stream<Arguments> twoRounds() {
    return Stream.of(Arguments.of("coreset", Map.of(), ScenarioHints.none()),
        Arguments.of("facility-location", Map.of(), ScenarioHints.none()),
        Arguments.of("similar", Map.of("function", "flmi"), RARE));
  }

  @ParameterizedTest
  @MethodSource("twoRounds")
  void twoRoundsOnOnePartitionAreTheSingleMachine(String strategy, Map<String, String> options, ScenarioHints hints) {
    Selection single = single(strategy, options, 5, hints);
    SelectionEngine.Result distributed = spark(strategy, options, 5, hints, 1);
    assertArrayEquals(Pools.asLongs(single.indices()), distributed.selected());
    assertArrayEquals(single.scores(), distributed.scores(), 0.0);
  }

  @ParameterizedTest
  @MethodSource("twoRounds")
  void twoRoundsAreDeterministicForAPartitionCount(String strategy, Map<String, String> options,
      ScenarioHints hints) {
    SelectionEngine.Result first = spark(strategy, options, 5, hints, 4);
    assertThat(spark(strategy, options, 5, hints, 4).selected()).containsExactly(first.selected());
    int[] labeled = Npy.readIndices(pool.labeled);
    assertThat(first.selected()).hasSize(BUDGET).doesNotHaveDuplicates().doesNotContain(Pools.asLongs(labeled));
  }

  @Test
  void kCenterOnPartitionsCoversAsTheSingleMachineDoesWithinItsBound() {
    Matrix x = Npy.readMatrix(pool.files.get(Signal.EMBEDDINGS));
    double central = radius(x, Pools.asLongs(single("coreset", Map.of(), 5, ScenarioHints.none()).indices()));
    for (int partitions : new int[] {2, 4}) {
      double distributed = radius(x, spark("coreset", Map.of(), 5, ScenarioHints.none(), partitions).selected());
      // greedy is within 2 of the optimal radius, the two rounds within 4: at most twice the central radius
      assertThat(distributed).as("radius on %d partitions", partitions).isLessThanOrEqualTo(2 * central)
          .isGreaterThan(0);
    }
  }

  @Test
  void clusterMarginIsTheSingleMachinesForAnyPartitioning() {
    Map<String, String> options = Pools.options("candidates", "5", "max-clustered", "40");
    Selection single = single("cluster-margin", options, 5, ScenarioHints.none());
    for (int partitions : new int[] {1, 3, 8}) {
      SelectionEngine.Result distributed = spark("cluster-margin", options, 5, ScenarioHints.none(), partitions);
      assertArrayEquals(Pools.asLongs(single.indices()), distributed.selected(), partitions + " partitions");
      assertArrayEquals(single.scores(), distributed.scores(), 0.0);
    }
  }

  @Test
  void badgeSeedsWithKMeansParallelUnderItsSeedWhateverThePartitioning() {
    SelectionEngine.Result one = spark("badge", Map.of(), 5, ScenarioHints.none(), 1);
    assertThat(spark("badge", Map.of(), 5, ScenarioHints.none(), 3).selected()).containsExactly(one.selected());
    assertThat(spark("badge", Map.of(), 6, ScenarioHints.none(), 3).selected()).isNotEqualTo(one.selected());
    Selection single = single("badge", Map.of(), 5, ScenarioHints.none());
    // the first centre is BADGE's: the largest gradient embedding, scored by its norm
    assertThat(one.selected()[0]).isEqualTo(single.indices()[0]);
    assertThat(one.scores()[0]).isEqualTo(single.scores()[0]);
    assertThat(one.selected()).hasSize(BUDGET).doesNotHaveDuplicates();
  }

  @Test
  void aParquetPoolPicksIdsWithEveryBatchStrategy() {
    Matrix probs = Npy.readMatrix(pool.files.get(Signal.PROBABILITIES));
    Matrix embeddings = Npy.readMatrix(pool.files.get(Signal.EMBEDDINGS));
    int[] labeled = Npy.readIndices(pool.labeled);
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < pool.n; i++) {
      int item = i;
      boolean isLabeled = Arrays.stream(labeled).anyMatch(l -> l == item);
      rows.add(RowFactory.create(3L * i + 7, row(probs, i), row(embeddings, i), isLabeled,
          isLabeled ? i % Pools.CLASSES : null));
    }
    Path out = dir.resolve("pool.parquet");
    spark.createDataFrame(rows, new StructType(new StructField[] {
        DataTypes.createStructField("id", DataTypes.LongType, false),
        DataTypes.createStructField("probs", DataTypes.createArrayType(DataTypes.FloatType), false),
        DataTypes.createStructField("embedding", DataTypes.createArrayType(DataTypes.FloatType), false),
        DataTypes.createStructField("labeled", DataTypes.BooleanType, false),
        DataTypes.createStructField("label", DataTypes.IntegerType, true)}))
        .repartition(3).write().parquet(out.toString());
    Map<String, String> margin = Pools.options("candidates", "5", "max-clustered", "40");
    Selection single = single("cluster-margin", margin, 5, ScenarioHints.none());
    assertArrayEquals(Arrays.stream(single.indices()).mapToLong(i -> 3L * i + 7).toArray(),
        parquet(out, "cluster-margin", margin, ScenarioHints.none()).selected());
    long[] labeledIds = Arrays.stream(labeled).mapToLong(l -> 3L * l + 7).toArray();
    for (String strategy : List.of("coreset", "facility-location", "badge")) {
      long[] picks = parquet(out, strategy, Map.of(), ScenarioHints.none()).selected();
      assertThat(picks).as(strategy).hasSize(BUDGET).doesNotHaveDuplicates().doesNotContain(labeledIds);
      assertThat(Arrays.stream(picks).map(id -> (id - 7) % 3)).as(strategy + ": ids").containsOnly(0L);
    }
    assertThat(parquet(out, "similar", Map.of("function", "flmi"), RARE).selected()).hasSize(BUDGET)
        .doesNotContain(labeledIds);
  }

  private static SelectionEngine.Result parquet(Path pool, String strategy, Map<String, String> options,
      ScenarioHints hints) {
    return new SparkSelection(() -> Pools.REGISTRY).select(spark, new SelectionEngine.Job(strategy, options, BUDGET,
        5, 1, Map.of(), null, null, pool.toString(), Map.of(), Map.of(), hints));
  }

  @Test
  void badInputIsOneLine(@TempDir Path bad) {
    double[] values = new double[pool.n * 8];
    values[5 * 8] = Double.NaN;
    Path nan = bad.resolve("nan.npy");
    Npy.write(nan, new NpyArray(NpyArray.Dtype.FLOAT32, new int[] {pool.n, 8}, values));
    SelectionEngine.Job job = new SelectionEngine.Job("coreset", Map.of(), 3, 0, 1, Map.of(Signal.EMBEDDINGS, nan),
        null, null, null, Map.of(), Map.of(SparkSelection.PARTITIONS, "2"));
    assertThatThrownBy(() -> new SparkSelection(() -> Pools.REGISTRY).select(spark, job))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("embeddings of pool item 5 [0] = NaN; expected a finite value");
    assertThatThrownBy(() -> spark("similar", Map.of("function", "flmi"), 0, ScenarioHints.none(), 2))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("needs a query set Q")
        .message().doesNotContain("\n");
    assertThatThrownBy(() -> spark("similar", Map.of(), 0, RARE.withQueryIndices(List.of(1)), 2))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("expected no query or private indices");
    assertThatThrownBy(() -> spark("coreset", Map.of(), 0, ScenarioHints.none().withScenario("rare"), 2))
        .isInstanceOf(AlException.class).hasMessage("unknown --scenario 'rare'; known: none, ood, rare-classes,"
        + " redundancy");
  }

  private static Selection single(String strategy, Map<String, String> options, long seed, ScenarioHints hints) {
    SelectionRequest.Builder b = SelectionRequest.builder(strategy, options, BUDGET).seed(seed).labeled(pool.labeled)
        .labels(labels).hints(hints.scenario(), List.copyOf(hints.rareClasses()), List.copyOf(hints.oodClasses()))
        .signal(Signal.PROBABILITIES, pool.files.get(Signal.PROBABILITIES))
        .signal(Signal.EMBEDDINGS, pool.files.get(Signal.EMBEDDINGS));
    try (ComputeBackend backend = Pools.REGISTRY.createBackend("java", Map.of())) {
      return b.build(Pools.REGISTRY).select(backend, Pools.REGISTRY::backends, notice -> { }).selection();
    }
  }

  private static SelectionEngine.Result spark(String strategy, Map<String, String> options, long seed,
      ScenarioHints hints, int partitions) {
    return new SparkSelection(() -> Pools.REGISTRY).select(spark, new SelectionEngine.Job(strategy, options, BUDGET,
        seed, 1, Map.of(Signal.PROBABILITIES, pool.files.get(Signal.PROBABILITIES), Signal.EMBEDDINGS,
        pool.files.get(Signal.EMBEDDINGS)), pool.labeled, labels, null, Map.of(),
        Map.of(SparkSelection.PARTITIONS, Integer.toString(partitions)), hints));
  }

  /** The covering radius: the largest distance of any pool item to the labeled items and the picks. */
  private static double radius(Matrix x, long[] picks) {
    int[] centres = IntStream.concat(Arrays.stream(Npy.readIndices(pool.labeled)),
        Arrays.stream(picks).mapToInt(Math::toIntExact)).toArray();
    double worst = 0;
    for (int i = 0; i < x.rows(); i++) {
      double nearest = Double.MAX_VALUE;
      for (int c : centres) {
        nearest = Math.min(nearest, x.squaredDistance(i, x, c));
      }
      worst = Math.max(worst, nearest);
    }
    return Math.sqrt(worst);
  }

  private static List<Float> row(Matrix m, int i) {
    List<Float> out = new ArrayList<>();
    for (int j = 0; j < m.cols(); j++) {
      out.add(m.get(i, j));
    }
    return out;
  }
}
