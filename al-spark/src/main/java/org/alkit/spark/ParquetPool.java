package org.alkit.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.alkit.api.InvalidInputException;
import org.alkit.api.Matrix;
import org.alkit.api.Signal;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.util.ArrayData;
import org.apache.spark.sql.execution.ColumnarToRowExec;
import org.apache.spark.sql.execution.SparkPlan;
import org.apache.spark.sql.execution.WholeStageCodegenExec;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DoubleType;
import org.apache.spark.sql.types.FloatType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.LongType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.vectorized.ColumnarBatch;
import scala.jdk.javaapi.CollectionConverters;

/**
 * A Parquet pool, one row per item ({@link Columns}). Before the selection's job the driver checks
 * the schema (each column the strategy reads is there, with its type) and reads the first row,
 * which fixes each signal's widths (C, d; T and C of a stack); a count of the unlabeled rows per
 * partition follows, so power-BALD's draws do not repeat across partitions. Each task then reads
 * its partition's rows as Spark's internal rows (no boxed value per element) in chunks of rows
 * ({@link Shard#chunkRows}), each chunk in id order, checks every row against those widths (ragged
 * arrays or mismatched C) and every value (NaN), and ranks them ({@link Shard}).
 */
final class ParquetPool {
  private ParquetPool() {}

  static Top rank(SparkSession spark, String path, Columns columns, Set<Signal> requires, Shard shard) {
    Top top = open(spark, path, columns, requires, shard.strategy(), true).rank(shard, 0);
    if (top.candidates() == 0) {
      throw new InvalidInputException("--parquet " + path + ": every pool item is labeled; expected at least one"
          + " unlabeled item to pick");
    }
    return top;
  }

  /**
   * The pool at {@code path}, its schema checked for the columns {@code strategy} reads
   * ({@code requires}) and its first row read, before any task. With {@code countDraws}, each
   * {@link Pool#map} first counts the unlabeled rows of each partition (a job of its own), so each
   * task's {@link Rows#drawsBefore()} is right (power-BALD draws in pool order); without, it is 0.
   */
  static Pool open(SparkSession spark, String path, Columns columns, Set<Signal> requires, String strategy,
      boolean countDraws) {
    Dataset<Row> data;
    try {
      data = spark.read().parquet(path);
    } catch (Exception e) { // Scala's AnalysisException is checked in Java's eyes
      if (e instanceof AnalysisException) {
        throw new InvalidInputException("--parquet " + path + ": cannot be read as Parquet: "
            + e.getMessage().lines().findFirst().orElse(""), e);
      }
      throw e;
    }
    StructType schema = data.schema();
    Map<Signal, String> signals = new EnumMap<>(Signal.class);
    for (Signal signal : requires) {
      String key = Columns.keyOf(signal);
      if (key == null) {
        throw new InvalidInputException(strategy + " requires " + signal.key()
            + ", which a Parquet pool does not carry; expected a strategy reading probs, embedding, mc or committee");
      }
      signals.put(signal, columns.name(key));
    }
    List<String> read = new ArrayList<>();
    read.add(requireColumn(schema, columns, "id", ParquetPool::isInteger, "long or int"));
    signals.forEach((signal, name) -> read.add(requireColumn(schema, columns, Columns.keyOf(signal),
        signal.shape() == Signal.Shape.STACK ? t -> isNumbers(t, 2) : t -> isNumbers(t, 1),
        signal.shape() == Signal.Shape.STACK ? "array<array<float>>" : "array<float>")));
    boolean hasLabeled = has(schema, columns.name("labeled"));
    boolean hasLabel = has(schema, columns.name("label"));
    if (hasLabeled) {
      read.add(requireColumn(schema, columns, "labeled", t -> t instanceof BooleanType, "boolean"));
    }
    if (hasLabel) {
      read.add(requireColumn(schema, columns, "label", ParquetPool::isInteger, "int"));
    }
    Dataset<Row> pool = data.select(read.stream().map(functions::col).toArray(Column[]::new));
    List<Row> first = pool.limit(1).collectAsList();
    if (first.isEmpty()) {
      throw new InvalidInputException("--parquet " + path + " has no rows; expected at least one pool item");
    }
    Layout layout = Layout.of(first.get(0), pool.schema(), signals, hasLabeled, hasLabel);
    JavaRDD<InternalRow> rows = internalRows(pool);
    return new Pool() {
      @Override
      public int partitions() {
        return rows.getNumPartitions();
      }

      @Override
      public <R> List<R> map(PoolTask<R> task) {
        long[] drawsBefore = drawsBefore();
        return rows.mapPartitionsWithIndex(
            (p, it) -> List.of(task.apply(() -> layout.read(it, drawsBefore[p]))).iterator(), true).collect();
      }

      @Override
      public Top rank(Shard shard, int chunkRows) {
        long[] drawsBefore = drawsBefore();
        long rowBytes = layout.rowBytes();
        return Top.merge(rows.mapPartitionsWithIndex((p, it) -> List.of(shard.rank(layout.chunks(it, drawsBefore[p],
            chunkRows > 0 ? chunkRows : Shard.chunkRows(rowBytes)))).iterator(), true).collect(), shard.budget());
      }

      /** Each partition's {@link Rows#drawsBefore()}: 0 without {@code countDraws}. */
      private long[] drawsBefore() {
        List<Long> unlabeled = countDraws ? unlabeledPerPartition(data, columns, hasLabeled, 1 + signals.size(), rows)
            : Collections.nCopies(rows.getNumPartitions(), 0L);
        long[] drawsBefore = new long[unlabeled.size()];
        for (int p = 1; p < drawsBefore.length; p++) {
          drawsBefore[p] = drawsBefore[p - 1] + unlabeled.get(p - 1);
        }
        return drawsBefore;
      }

      @Override
      public Subset labeled() {
        if (!hasLabeled) {
          return Subset.union(List.of());
        }
        Rows labeled = layout.read(internalRows(pool.filter(functions.col(columns.name("labeled")).equalTo(true)))
            .map(InternalRow::copy).collect().iterator(), 0).requireFinite();
        return Subset.of(labeled, IntStream.range(0, labeled.ids().length).toArray());
      }
    };
  }

  /**
   * The unlabeled rows of each partition of {@code rows}, counted from the {@code labeled} column
   * alone (or the ids, without one): a Parquet scan splits the files by their bytes whatever the
   * columns read, so the partitions are those of {@code rows}; should Spark ever split them
   * otherwise, they are counted over {@code rows} itself.
   */
  private static List<Long> unlabeledPerPartition(Dataset<Row> data, Columns columns, boolean hasLabeled,
      int labeledAt, JavaRDD<InternalRow> rows) {
    JavaRDD<InternalRow> flags = internalRows(data.select(functions.col(columns.name(hasLabeled ? "labeled" : "id"))));
    boolean sameSplits = flags.getNumPartitions() == rows.getNumPartitions();
    JavaRDD<InternalRow> counted = sameSplits ? flags : rows;
    int at = sameSplits ? 0 : labeledAt;
    return counted.mapPartitions(it -> {
      long count = 0;
      while (it.hasNext()) {
        InternalRow row = it.next();
        count += hasLabeled && !row.isNullAt(at) && row.getBoolean(at) ? 0 : 1;
      }
      return Collections.singletonList(count).iterator();
    }).collect();
  }

  private static boolean has(StructType schema, String name) {
    return Arrays.asList(schema.fieldNames()).contains(name);
  }

  private static String requireColumn(StructType schema, Columns columns, String key,
      java.util.function.Predicate<DataType> type, String expected) {
    String name = columns.name(key);
    if (!has(schema, name)) {
      throw new InvalidInputException("column " + key + " = '" + name + "' is not in the Parquet pool; its columns: "
          + String.join(", ", schema.fieldNames()));
    }
    StructField field = schema.apply(name);
    if (!type.test(field.dataType())) {
      throw new InvalidInputException("column '" + name + "' is " + field.dataType().simpleString() + "; expected "
          + expected);
    }
    return name;
  }

  private static boolean isInteger(DataType t) {
    return t instanceof LongType || t instanceof IntegerType;
  }

  private static boolean isNumbers(DataType t, int depth) {
    if (!(t instanceof ArrayType array)) {
      return false;
    }
    DataType element = array.elementType();
    return depth == 1 ? element instanceof FloatType || element instanceof DoubleType : isNumbers(element, depth - 1);
  }

  /**
   * Where each value sits in a row ({@code id}, the signals in order, then {@code labeled} and
   * {@code label} when present), each signal's widths ({@code {cols}} for a matrix, {@code {T, C}}
   * for a stack), the signals whose arrays hold doubles, and whether {@code id} and {@code label}
   * are longs. Rows are read as Spark's internal rows: each array's values straight from Spark's
   * buffers into one {@code float[]} block per signal (per matrix of a stack) and chunk, without a
   * boxed number per value.
   */
  private record Layout(Map<Signal, int[]> widths, Set<Signal> doubles, boolean longIds, boolean hasLabeled,
      boolean hasLabel, boolean longLabels) implements Serializable {
    private static final long serialVersionUID = 1L;

    static Layout of(Row first, StructType schema, Map<Signal, String> signals, boolean hasLabeled, boolean hasLabel) {
      Map<Signal, int[]> widths = new LinkedHashMap<>();
      Set<Signal> doubles = EnumSet.noneOf(Signal.class);
      int column = 1;
      for (Map.Entry<Signal, String> e : signals.entrySet()) {
        Signal signal = e.getKey();
        if (holdsDoubles(schema.fields()[column].dataType())) {
          doubles.add(signal);
        }
        List<?> values = first.getList(column++);
        if (values == null || values.isEmpty()) {
          throw new InvalidInputException("column '" + e.getValue() + "' of id " + first.get(0)
              + " is " + (values == null ? "null" : "empty") + "; expected " + signal.key());
        }
        widths.put(signal, signal.shape() == Signal.Shape.STACK
            ? new int[] {values.size(), inner(values.get(0)).size()}
            : new int[] {values.size()});
      }
      return new Layout(widths, doubles, schema.fields()[0].dataType() instanceof LongType, hasLabeled, hasLabel,
          hasLabel && schema.fields()[column + (hasLabeled ? 1 : 0)].dataType() instanceof LongType);
    }

    /** The bytes of one row's signal values as floats. */
    long rowBytes() {
      return widths.values().stream().mapToLong(w -> Arrays.stream(w).asLongStream().reduce(1, (a, b) -> a * b))
          .sum() * Float.BYTES;
    }

    /** All the rows {@code it} gives, in id order, checked against the widths. */
    Rows read(Iterator<InternalRow> it, long drawsBefore) {
      return chunk(it, drawsBefore, Integer.MAX_VALUE);
    }

    /**
     * The rows {@code it} gives in chunks of at most {@code rows} rows, each in id order; each
     * chunk's {@link Rows#drawsBefore()} counts the unlabeled rows of the chunks before it.
     */
    Iterator<Rows> chunks(Iterator<InternalRow> it, long drawsBefore, int rows) {
      return new Iterator<>() {
        private long draws = drawsBefore;

        @Override
        public boolean hasNext() {
          return it.hasNext();
        }

        @Override
        public Rows next() {
          Rows chunk = chunk(it, draws, rows);
          draws += chunk.ids().length - chunk.labeled().length;
          return chunk;
        }
      };
    }

    /** The next {@code max} rows (or fewer, as many as {@code it} has), in id order. */
    private Rows chunk(Iterator<InternalRow> it, long drawsBefore, int max) {
      int capacity = Math.min(max, 1024);
      long[] ids = new long[capacity];
      boolean[] isLabeled = new boolean[capacity];
      int[] labels = hasLabel ? new int[capacity] : null;
      Map<Signal, float[][]> values = new LinkedHashMap<>();
      widths.forEach((signal, w) -> values.put(signal, new float[signal.shape() == Signal.Shape.STACK ? w[0] : 1]
          [capacity * w[w.length - 1]]));
      int n = 0;
      while (n < max && it.hasNext()) {
        InternalRow row = it.next(); // Spark reuses it: every value is copied out before the next
        if (n == ids.length) {
          int grown = (int) Math.min(max, 2L * n);
          ids = Arrays.copyOf(ids, grown);
          isLabeled = Arrays.copyOf(isLabeled, grown);
          labels = labels == null ? null : Arrays.copyOf(labels, grown);
          values.forEach((signal, data) -> {
            int width = widths.get(signal)[widths.get(signal).length - 1];
            Arrays.setAll(data, t -> Arrays.copyOf(data[t], grown * width));
          });
        }
        ids[n] = id(row);
        int column = 1;
        for (Map.Entry<Signal, int[]> e : widths.entrySet()) {
          Signal signal = e.getKey();
          read(signal, e.getValue(), doubles.contains(signal), row.isNullAt(column) ? null : row.getArray(column),
              ids[n], n, values.get(signal));
          column++;
        }
        isLabeled[n] = hasLabeled && !row.isNullAt(column) && row.getBoolean(column);
        if (isLabeled[n] && hasLabel) {
          int at = column + 1;
          if (row.isNullAt(at)) {
            throw new InvalidInputException("label of the labeled id " + ids[n] + " is null; expected a class");
          }
          labels[n] = longLabels ? (int) row.getLong(at) : row.getInt(at);
        }
        n++;
      }
      int[] order = idOrder(ids, n);
      long[] sortedIds = new long[n];
      List<Integer> labeled = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        sortedIds[i] = ids[order[i]];
        if (isLabeled[order[i]]) {
          labeled.add(i);
        }
      }
      int[] labeledRows = labeled.stream().mapToInt(Integer::intValue).toArray();
      int[] unsortedLabels = labels;
      Map<Signal, Object> signals = new EnumMap<>(Signal.class);
      int rows = n;
      values.forEach((signal, data) -> {
        int cols = widths.get(signal)[widths.get(signal).length - 1];
        List<Matrix> matrices = Arrays.stream(data).map(d -> Matrix.wrap(rows, cols, permuted(d, order, cols)))
            .toList();
        signals.put(signal, signal.shape() == Signal.Shape.STACK ? matrices : matrices.get(0));
      });
      return new Rows(sortedIds, labeledRows,
          hasLabel ? Arrays.stream(labeledRows).map(i -> unsortedLabels[order[i]]).toArray() : null, signals,
          drawsBefore);
    }

    private long id(InternalRow row) {
      if (row.isNullAt(0)) {
        throw new InvalidInputException("a pool item has a null id; expected every id set");
      }
      return longIds ? row.getLong(0) : row.getInt(0);
    }

    /** Row {@code i} of a signal from its column's value, checked against the widths. */
    private static void read(Signal signal, int[] w, boolean doubles, ArrayData value, long id, int i,
        float[][] out) {
      if (signal.shape() == Signal.Shape.MATRIX) {
        copy(signal.key(), value, doubles, w[0], id, out[0], i);
        return;
      }
      if (value == null || value.numElements() != w[0]) {
        throw ragged(signal.key(), id, value == null ? 0 : value.numElements(), w[0]);
      }
      for (int t = 0; t < w[0]; t++) {
        copy(signal.key() + " matrix " + t, value.isNullAt(t) ? null : value.getArray(t), doubles, w[1], id, out[t],
            i);
      }
    }

    /** A value's elements into row {@code i} of {@code out}; a null element becomes NaN, which the checks name. */
    private static void copy(String what, ArrayData value, boolean doubles, int width, long id, float[] out, int i) {
      if (value == null || value.numElements() != width) {
        throw ragged(what, id, value == null ? 0 : value.numElements(), width);
      }
      int at = i * width;
      for (int j = 0; j < width; j++) {
        out[at + j] = value.isNullAt(j) ? Float.NaN : doubles ? (float) value.getDouble(j) : value.getFloat(j);
      }
    }

    private static InvalidInputException ragged(String what, long id, int size, int width) {
      return new InvalidInputException(what + " of id " + id + " has " + size + " values; expected " + width
          + ", as the pool's first row (ragged arrays or mismatched C)");
    }
  }

  /** The positions of the first {@code n} {@code ids} in ascending order of id. */
  private static int[] idOrder(long[] ids, int n) {
    for (int i = 1; i < n; i++) {
      if (ids[i] < ids[i - 1]) {
        return IntStream.range(0, n).boxed().sorted((a, b) -> Long.compare(ids[a], ids[b]))
            .mapToInt(Integer::intValue).toArray();
      }
    }
    return IntStream.range(0, n).toArray();
  }

  /**
   * Rows {@code order} of {@code data} ({@code cols} floats each), exactly as long as they are:
   * {@code data} itself when it is that already (rows in id order, as files written sorted give).
   */
  private static float[] permuted(float[] data, int[] order, int cols) {
    boolean identity = IntStream.range(0, order.length).allMatch(i -> order[i] == i);
    if (identity) {
      return data.length == order.length * cols ? data : Arrays.copyOf(data, order.length * cols);
    }
    float[] out = new float[order.length * cols];
    for (int i = 0; i < order.length; i++) {
      System.arraycopy(data, order[i] * cols, out, i * cols, cols);
    }
    return out;
  }

  private static boolean holdsDoubles(DataType t) {
    return t instanceof ArrayType array ? holdsDoubles(array.elementType()) : t instanceof DoubleType;
  }

  /**
   * Spark's internal rows of {@code data}: arrays as Spark holds them, no boxed value per element.
   * Where the plan is a columnar scan turned into rows (Spark's vectorized Parquet reader, which
   * reads nested columns too), the rows are read from the scan's column batches in place, so no
   * row is assembled per item ({@code ColumnarToRowExec} would copy each item's array into one).
   */
  static JavaRDD<InternalRow> internalRows(Dataset<Row> data) {
    SparkPlan scan = columnarScan(data);
    if (scan != null) {
      return scan.executeColumnar().toJavaRDD().flatMap(ColumnarBatch::rowIterator);
    }
    return ((org.apache.spark.sql.classic.Dataset<Row>) data).queryExecution().toRdd().toJavaRDD();
  }

  /** The columnar scan whose batches are {@code data}'s rows, or null when its plan is more than that. */
  static SparkPlan columnarScan(Dataset<Row> data) {
    SparkPlan plan = ((org.apache.spark.sql.classic.Dataset<Row>) data).queryExecution().executedPlan();
    if (plan instanceof WholeStageCodegenExec stage && stage.child() instanceof ColumnarToRowExec toRows
        && toRows.child().supportsColumnar()) {
      return toRows.child();
    }
    return null;
  }

  private static List<?> inner(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof List<?> list) {
      return list;
    }
    return CollectionConverters.asJava((scala.collection.Seq<?>) value);
  }
}
