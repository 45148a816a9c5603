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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.alkit.api.InvalidInputException;
import org.alkit.api.Matrix;
import org.alkit.api.Selection;
import org.alkit.api.Signal;
import org.alkit.runtime.Npy;
import org.alkit.runtime.SelectionEngine;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Parquet pools in {@code local[2]}: the same items as the {@code .npy} pool, named by ids
 * {@code 3i + 7} and stored in renamed columns over several files, give the single machine's picks
 * (as ids) and scores; bad input is one line, before the selection's job where the schema shows it.
 */
class ParquetSelectionTest extends SessionTest {
  @BeforeAll
  static void start() {
    pool = new Pools(dir.resolve("npy"), 600, 5);
    spark = LocalSpark.builder("local[2]").getOrCreate();
  }


  private static final StructType SCHEMA = new StructType(new StructField[] {
      DataTypes.createStructField("item", DataTypes.LongType, false),
      DataTypes.createStructField("p", DataTypes.createArrayType(DataTypes.FloatType), true),
      DataTypes.createStructField("mc", DataTypes.createArrayType(DataTypes.createArrayType(DataTypes.FloatType)), true),
      DataTypes.createStructField("labeled", DataTypes.BooleanType, false)});

  private static final Map<String, String> RENAMED = Map.of("id", "item", "probs", "p");

  /** The pool's rows, {@code edit} applied to each, written as three Parquet files. */
  private static Path parquet(String name, IntFunction<Object[]> edit) {
    Matrix probs = Npy.readMatrix(pool.files.get(Signal.PROBABILITIES));
    List<Matrix> mc = Npy.readStack(pool.files.get(Signal.MC_PROBABILITIES));
    int[] labeled = Npy.readIndices(pool.labeled);
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < pool.n; i++) {
      int item = i;
      Object[] values = {3L * i + 7, row(probs, i), mc.stream().map(m -> row(m, item)).toList(),
          Arrays.stream(labeled).anyMatch(l -> l == item)};
      Object[] edited = edit.apply(i);
      for (int c = 0; edited != null && c < edited.length; c++) {
        if (edited[c] != null) {
          values[c] = edited[c];
        }
      }
      rows.add(RowFactory.create(values));
    }
    Path out = dir.resolve(name);
    spark.createDataFrame(rows, SCHEMA).repartition(3).sortWithinPartitions("item").write()
        .parquet(out.toString());
    return out;
  }

  private static List<Float> row(Matrix m, int i) {
    List<Float> out = new ArrayList<>();
    for (int j = 0; j < m.cols(); j++) {
      out.add(m.get(i, j));
    }
    return out;
  }

  private static SelectionEngine.Result select(Path parquet, String strategy, int budget, long seed) {
    return new SparkSelection(() -> Pools.REGISTRY).select(spark, new SelectionEngine.Job(strategy, Map.of(), budget,
        seed, 1, Map.of(), null, null, parquet.toString(), RENAMED, Map.of()));
  }

  @Test
  void picksTheSingleMachinesItemsByIdWithTheirScores() {
    Path data = parquet("pool.parquet", i -> null);
    for (String strategy : List.of("entropy", "margin", "bald", "mean-std")) {
      Selection single = pool.single(strategy, Map.of(), 40, 0);
      SelectionEngine.Result distributed = select(data, strategy, 40, 0);
      assertArrayEquals(Arrays.stream(single.indices()).mapToLong(i -> 3L * i + 7).toArray(), distributed.selected(),
          strategy);
      assertArrayEquals(single.scores(), distributed.scores(), 0.0, strategy);
    }
    assertThat(select(data, "power-bald", 40, 3).selected()).containsExactly(select(data, "power-bald", 40, 3)
        .selected());
  }

  /**
   * The rows read as Spark holds them (no boxed value per element), in chunks of 7 rows: int ids,
   * double probabilities and files whose rows run against id order still give the single
   * machine's picks (as ids) and scores.
   */
  @Test
  void chunksOfUnsortedRowsWithIntIdsAndDoublesPickAsOnOneMachine() {
    Matrix probs = Npy.readMatrix(pool.files.get(Signal.PROBABILITIES));
    int[] labeled = Npy.readIndices(pool.labeled);
    StructType schema = new StructType(new StructField[] {
        DataTypes.createStructField("id", DataTypes.IntegerType, false),
        DataTypes.createStructField("probs", DataTypes.createArrayType(DataTypes.DoubleType), true),
        DataTypes.createStructField("labeled", DataTypes.BooleanType, false)});
    List<Row> rows = new ArrayList<>();
    for (int i = pool.n - 1; i >= 0; i--) {
      int item = i;
      rows.add(RowFactory.create(3 * i + 7, row(probs, i).stream().map(Float::doubleValue).toList(),
          Arrays.stream(labeled).anyMatch(l -> l == item)));
    }
    Path out = dir.resolve("unsorted.parquet");
    spark.createDataFrame(rows, schema).coalesce(2).write().parquet(out.toString());
    assertThat(ParquetPool.columnarScan(spark.read().parquet(out.toString()).select("id", "probs", "labeled")))
        .as("the vectorized reader's batches, read in place").isNotNull();
    for (String strategy : List.of("entropy", "margin")) {
      Selection single = pool.single(strategy, Map.of(), 40, 0);
      Top top = ParquetPool.open(spark, out.toString(), Columns.of(Map.of()), Set.of(Signal.PROBABILITIES),
          strategy, true).rank(new Shard(strategy, Map.of(), 40, 0, 1), 7);
      assertArrayEquals(Arrays.stream(single.indices()).mapToLong(i -> 3L * i + 7).toArray(), top.ids(), strategy);
      assertArrayEquals(single.scores(), top.scores(), 0.0, strategy);
    }
  }

  /** Spark reads a Parquet schema with a job of its own; the selection starts none beyond it. */
  @Test
  void aMissingColumnIsOneLineBeforeAnyJobButTheSchemas() {
    Path data = parquet("missing.parquet", i -> null);
    AtomicInteger schemaJobs = LocalSpark.jobs(spark);
    spark.read().parquet(data.toString()).schema();
    LocalSpark.drain(spark);
    int perSchema = schemaJobs.get();
    AtomicInteger jobs = LocalSpark.jobs(spark);
    assertThatThrownBy(() -> new SparkSelection(() -> Pools.REGISTRY).select(spark, new SelectionEngine.Job("entropy",
        Map.of(), 5, 0, 1, Map.of(), null, null, data.toString(), Map.of("id", "item"), Map.of())))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("column probs = 'probs' is not in the Parquet pool; its columns: item, p, mc, labeled");
    assertThatThrownBy(() -> select(data, "egl", 5, 0)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("column embedding = 'embedding' is not in the Parquet pool");
    LocalSpark.drain(spark);
    assertThat(jobs).hasValue(2 * perSchema);
  }

  @Test
  void raggedArraysAreOneLineNamingTheId() {
    Path data = parquet("ragged.parquet", i -> i == 400 ? new Object[] {null, List.of(0.5f, 0.5f)} : null);
    assertThatThrownBy(() -> select(data, "entropy", 5, 0)).isInstanceOf(InvalidInputException.class)
        .hasMessage("probabilities of id 1207 has 2 values; expected " + Pools.CLASSES
            + ", as the pool's first row (ragged arrays or mismatched C)");
  }

  @Test
  void mismatchedClassesAreOneLineNamingTheId() {
    List<Float> three = List.of(0.2f, 0.3f, 0.5f);
    Path data = parquet("classes.parquet", i -> i == 300 ? new Object[] {null, null, List.of(three, three, three, three)}
        : null);
    assertThatThrownBy(() -> select(data, "bald", 5, 0)).isInstanceOf(InvalidInputException.class)
        .hasMessage("mc-probabilities matrix 0 of id 907 has 3 values; expected " + Pools.CLASSES
            + ", as the pool's first row (ragged arrays or mismatched C)");
  }

  @Test
  void aNaNIsOneLineNamingTheId() {
    List<Float> nan = new ArrayList<>(java.util.Collections.nCopies(Pools.CLASSES, 1f / Pools.CLASSES));
    nan.set(1, Float.NaN);
    Path data = parquet("nan.parquet", i -> i == 100 ? new Object[] {null, nan} : null);
    assertThatThrownBy(() -> select(data, "entropy", 5, 0)).isInstanceOf(InvalidInputException.class)
        .hasMessage("probabilities of pool item 307 [1] = NaN; expected a finite value");
  }

  @Test
  void anEmptyOrAllLabeledPoolIsOneLine() {
    Path empty = dir.resolve("empty.parquet");
    spark.createDataFrame(List.of(), SCHEMA).write().parquet(empty.toString());
    assertThatThrownBy(() -> select(empty, "entropy", 5, 0)).isInstanceOf(InvalidInputException.class)
        .hasMessageEndingWith("has no rows; expected at least one pool item");
    Path all = parquet("labeled.parquet", i -> new Object[] {null, null, null, true});
    assertThatThrownBy(() -> select(all, "entropy", 5, 0)).isInstanceOf(InvalidInputException.class)
        .hasMessageEndingWith("every pool item is labeled; expected at least one unlabeled item to pick");
  }

  @Test
  void aColumnOfTheWrongTypeOrAnUnknownKeyIsOneLine() {
    Path data = parquet("types.parquet", i -> null);
    assertThatThrownBy(() -> new SparkSelection(() -> Pools.REGISTRY).select(spark, new SelectionEngine.Job("entropy",
        Map.of(), 5, 0, 1, Map.of(), null, null, data.toString(), Map.of("id", "item", "probs", "labeled"), Map.of())))
        .isInstanceOf(InvalidInputException.class).hasMessage("column 'labeled' is boolean; expected array<float>");
    assertThatThrownBy(() -> Columns.of(Map.of("prob", "p"))).isInstanceOf(InvalidInputException.class)
        .hasMessage("column key 'prob' is unknown; expected one of id, probs, embedding, mc, committee, labeled, label");
  }
}
