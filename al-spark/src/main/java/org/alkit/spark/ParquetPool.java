package org.alkit.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
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
import scala.jdk.javaapi.CollectionConverters;

/**
 * A Parquet pool, one row per item ({@link Columns}). Before the selection's job the driver checks
 * the schema (each column the strategy reads is there, with its type) and reads the first row,
 * which fixes each signal's widths (C, d; T and C of a stack); a count of the unlabeled rows per
 * partition follows, so power-BALD's draws do not repeat across partitions. Each task then reads
 * its partition's rows, in id order, checks every row against those widths (ragged arrays or mismatched C) and every
 * value (NaN), and ranks them ({@link Shard}).
 */
final class ParquetPool {
  private ParquetPool() {}

  static Top rank(SparkSession spark, String path, Columns columns, Set<Signal> requires, Shard shard) {
    Top top = Top.merge(open(spark, path, columns, requires, shard.strategy(), true)
        .map(rows -> Top.reporting(() -> shard.rank(rows.get()))), shard.budget());
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
    Layout layout = Layout.of(first.get(0), signals, hasLabeled, hasLabel);
    JavaRDD<Row> rows = pool.javaRDD();
    return new Pool() {
      @Override
      public int partitions() {
        return rows.getNumPartitions();
      }

      @Override
      public <R> List<R> map(PoolTask<R> task) {
        List<Long> unlabeled = countDraws ? unlabeledPerPartition(data, columns, hasLabeled, 1 + signals.size(), rows)
            : Collections.nCopies(rows.getNumPartitions(), 0L);
        long[] drawsBefore = new long[unlabeled.size()];
        for (int p = 1; p < drawsBefore.length; p++) {
          drawsBefore[p] = drawsBefore[p - 1] + unlabeled.get(p - 1);
        }
        return rows.mapPartitionsWithIndex(
            (p, it) -> List.of(task.apply(() -> layout.read(it, drawsBefore[p]))).iterator(), true).collect();
      }

      @Override
      public Subset labeled() {
        if (!hasLabeled) {
          return Subset.union(List.of());
        }
        Rows labeled = layout.read(pool.filter(functions.col(columns.name("labeled")).equalTo(true))
            .collectAsList().iterator(), 0).requireFinite();
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
      int labeledAt, JavaRDD<Row> rows) {
    JavaRDD<Row> flags = data.select(functions.col(columns.name(hasLabeled ? "labeled" : "id"))).javaRDD();
    boolean sameSplits = flags.getNumPartitions() == rows.getNumPartitions();
    JavaRDD<Row> counted = sameSplits ? flags : rows;
    int at = sameSplits ? 0 : labeledAt;
    return counted.mapPartitions(it -> {
      long count = 0;
      while (it.hasNext()) {
        Row row = it.next();
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
   * {@code label} when present) and each signal's widths: {@code {cols}} for a matrix,
   * {@code {T, C}} for a stack.
   */
  private record Layout(Map<Signal, int[]> widths, boolean hasLabeled, boolean hasLabel) implements Serializable {
    private static final long serialVersionUID = 1L;

    static Layout of(Row first, Map<Signal, String> signals, boolean hasLabeled, boolean hasLabel) {
      Map<Signal, int[]> widths = new LinkedHashMap<>();
      int column = 1;
      for (Map.Entry<Signal, String> e : signals.entrySet()) {
        Signal signal = e.getKey();
        List<?> values = first.getList(column++);
        if (values == null || values.isEmpty()) {
          throw new InvalidInputException("column '" + e.getValue() + "' of id " + first.get(0)
              + " is " + (values == null ? "null" : "empty") + "; expected " + signal.key());
        }
        widths.put(signal, signal.shape() == Signal.Shape.STACK
            ? new int[] {values.size(), inner(values.get(0)).size()}
            : new int[] {values.size()});
      }
      return new Layout(widths, hasLabeled, hasLabel);
    }

    boolean isLabeled(Row row) {
      return hasLabeled && !row.isNullAt(widths.size() + 1) && row.getBoolean(widths.size() + 1);
    }

    /** The rows {@code it} gives, in id order, checked against the widths. */
    Rows read(Iterator<Row> it, long drawsBefore) {
      List<Row> rows = new ArrayList<>();
      it.forEachRemaining(rows::add);
      rows.sort((a, b) -> Long.compare(id(a), id(b)));
      int n = rows.size();
      long[] ids = new long[n];
      List<Integer> labeled = new ArrayList<>();
      List<Integer> labels = new ArrayList<>();
      Map<Signal, float[][]> values = new LinkedHashMap<>();
      widths.forEach((signal, w) -> values.put(signal, new float[signal.shape() == Signal.Shape.STACK ? w[0] : 1]
          [n * w[w.length - 1]]));
      for (int i = 0; i < n; i++) {
        Row row = rows.get(i);
        ids[i] = id(row);
        int column = 1;
        for (Map.Entry<Signal, int[]> e : widths.entrySet()) {
          read(e.getKey(), e.getValue(), row.getList(column++), ids[i], i, values.get(e.getKey()));
        }
        if (isLabeled(row)) {
          labeled.add(i);
          if (hasLabel) {
            int at = widths.size() + 2;
            if (row.isNullAt(at)) {
              throw new InvalidInputException("label of the labeled id " + ids[i] + " is null; expected a class");
            }
            labels.add(((Number) row.get(at)).intValue());
          }
        }
      }
      Map<Signal, Object> signals = new EnumMap<>(Signal.class);
      values.forEach((signal, data) -> {
        int cols = widths.get(signal)[widths.get(signal).length - 1];
        List<Matrix> matrices = Arrays.stream(data).map(d -> Matrix.wrap(n, cols, d)).toList();
        signals.put(signal, signal.shape() == Signal.Shape.STACK ? matrices : matrices.get(0));
      });
      return new Rows(ids, labeled.stream().mapToInt(Integer::intValue).toArray(),
          hasLabel ? labels.stream().mapToInt(Integer::intValue).toArray() : null, signals, drawsBefore);
    }

    private static long id(Row row) {
      if (row.isNullAt(0)) {
        throw new InvalidInputException("a pool item has a null id; expected every id set");
      }
      return ((Number) row.get(0)).longValue();
    }

    /** Row {@code i} of a signal from its column's value, checked against the widths. */
    private static void read(Signal signal, int[] w, List<?> value, long id, int i, float[][] out) {
      if (signal.shape() == Signal.Shape.MATRIX) {
        copy(signal.key(), value, w[0], id, out[0], i);
        return;
      }
      if (value == null || value.size() != w[0]) {
        throw ragged(signal.key(), id, value == null ? 0 : value.size(), w[0]);
      }
      for (int t = 0; t < w[0]; t++) {
        copy(signal.key() + " matrix " + t, inner(value.get(t)), w[1], id, out[t], i);
      }
    }

    private static void copy(String what, List<?> value, int width, long id, float[] out, int i) {
      if (value == null || value.size() != width) {
        throw ragged(what, id, value == null ? 0 : value.size(), width);
      }
      for (int j = 0; j < width; j++) {
        Object v = value.get(j);
        out[i * width + j] = v == null ? Float.NaN : ((Number) v).floatValue();
      }
    }

    private static InvalidInputException ragged(String what, long id, int size, int width) {
      return new InvalidInputException(what + " of id " + id + " has " + size + " values; expected " + width
          + ", as the pool's first row (ragged arrays or mismatched C)");
    }
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
