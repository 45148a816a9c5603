package org.alkit.spark;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.alkit.api.Matrix;
import org.alkit.api.Signal;
import org.alkit.runtime.Npy;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * A {@code .npy} pool in {@code partitions} row ranges (at most one per item), each read by one
 * task from the files itself (so every executor must see them under the same path), whose labeled
 * items the driver knows from {@code --labeled}. A ranking task reads its range in chunks
 * ({@link #rank}), so the range count only spreads the work: a task's memory is the chunk's.
 */
final class NpyPool implements Pool {
  private final SparkSession spark;
  private final int[] labeled;
  private final int[] labels;
  private final Map<Signal, String> files;
  private final List<RowRange> ranges;

  NpyPool(SparkSession spark, int n, int[] labeled, int[] labels, Map<Signal, String> files, int partitions) {
    this.spark = spark;
    this.labeled = labeled;
    this.labels = labels;
    this.files = files;
    this.ranges = ranges(n, labeled, labels, partitions);
  }

  @Override
  public int partitions() {
    return ranges.size();
  }

  @Override
  public <R> List<R> map(PoolTask<R> task) {
    Map<Signal, String> read = files;
    return JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(ranges, ranges.size())
        .map(r -> task.apply(() -> r.read(read))).collect();
  }

  @Override
  public Top rank(Shard shard, int chunkRows) {
    Map<Signal, String> read = files;
    long rowBytes = files.entrySet().stream().mapToLong(e -> rowFloats(e.getKey(), Path.of(e.getValue()))).sum()
        * Float.BYTES;
    return Top.merge(JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(ranges, ranges.size())
        .map(r -> shard.rank(r.chunks(chunkRows > 0 ? chunkRows : Shard.chunkRows(rowBytes)).stream()
            .map(c -> c.read(read)).iterator())).collect(), shard.budget());
  }

  /** The values of one pool item in {@code file}: a row's, or T rows' of a stack, or T epochs'. */
  private static long rowFloats(Signal signal, Path file) {
    int[] shape = Npy.header(file).shape();
    return signal.shape() == Signal.Shape.STACK ? (long) shape[0] * shape[2]
        : signal == Signal.PREDICTION_HISTORY ? shape[0] : shape[1];
  }

  /** The labeled items' rows, read by the driver from the files (runs of consecutive items at once). */
  @Override
  public Subset labeled() {
    int[] order = sortedPositions(labeled);
    List<Subset> runs = new ArrayList<>();
    for (int start = 0; start < order.length; ) {
      int end = start + 1;
      while (end < order.length && labeled[order[end]] == labeled[order[end - 1]] + 1) {
        end++;
      }
      int from = labeled[order[start]];
      int[] rows = IntStream.range(0, end - start).toArray();
      int[] values = labels == null ? null : IntStream.range(start, end).map(k -> labels[order[k]]).toArray();
      runs.add(Subset.of(new RowRange(from, from + end - start, rows, values, 0).read(files).requireFinite(), rows));
      start = end;
    }
    return Subset.union(runs);
  }

  /**
   * A pool of {@code n} items in {@code partitions} row ranges (at most one per item), with the
   * labeled items and labels of each.
   */
  static List<RowRange> ranges(int n, int[] labeled, int[] labels, int partitions) {
    int[] order = sortedPositions(labeled);
    int count = Math.min(partitions, n);
    List<RowRange> ranges = new ArrayList<>(count);
    int seen = 0; // labeled items before the range
    for (int p = 0; p < count; p++) {
      int from = (int) ((long) n * p / count);
      int to = (int) ((long) n * (p + 1) / count);
      int first = seen;
      while (seen < order.length && labeled[order[seen]] < to) {
        seen++;
      }
      int[] rows = new int[seen - first];
      int[] values = labels == null ? null : new int[rows.length];
      for (int k = 0; k < rows.length; k++) {
        rows[k] = labeled[order[first + k]] - from;
        if (values != null) {
          values[k] = labels[order[first + k]];
        }
      }
      ranges.add(new RowRange(from, to, rows, values, from - first));
    }
    return ranges;
  }

  /** Positions of {@code values} in ascending order of value. */
  private static int[] sortedPositions(int[] values) {
    return IntStream.range(0, values.length).boxed()
        .sorted((a, b) -> Integer.compare(values[a], values[b])).mapToInt(Integer::intValue).toArray();
  }

  /**
   * Rows {@code [from, to)} of a {@code .npy} pool: its labeled rows (relative to {@code from}) and
   * their labels, and the unlabeled items before it.
   */
  record RowRange(int from, int to, int[] labeled, int[] labels, long drawsBefore) implements Serializable {
    private static final long serialVersionUID = 1L;

    /**
     * The range in consecutive ranges of at most {@code rows} rows, each with its labeled rows
     * and labels, and the unlabeled items before it.
     */
    List<RowRange> chunks(int rows) {
      List<RowRange> chunks = new ArrayList<>();
      int seen = 0; // labeled rows before the chunk
      for (int start = from; start < to; start += (int) Math.min(rows, (long) to - start)) {
        int end = (int) Math.min(to, (long) start + rows);
        int first = seen;
        while (seen < labeled.length && labeled[seen] < end - from) {
          seen++;
        }
        int offset = start - from;
        int[] chunkLabeled = IntStream.range(first, seen).map(k -> labeled[k] - offset).toArray();
        chunks.add(new RowRange(start, end, chunkLabeled,
            labels == null ? null : Arrays.copyOfRange(labels, first, seen), drawsBefore + offset - first));
      }
      return chunks;
    }

    Rows read(Map<Signal, String> files) {
      Map<Signal, Object> signals = new EnumMap<>(Signal.class);
      files.forEach((signal, file) -> signals.put(signal, read(signal, Path.of(file))));
      return rows(signals);
    }

    /** The range's rows from its {@code signals}: each a {@link Matrix} or a {@code List<Matrix>} of its rows. */
    Rows rows(Map<Signal, Object> signals) {
      long[] ids = new long[to - from];
      Arrays.setAll(ids, k -> from + k);
      return new Rows(ids, labeled, labels, signals, drawsBefore);
    }

    private Object read(Signal signal, Path file) {
      if (signal == Signal.PREDICTION_HISTORY) {
        return Npy.readPredictionHistoryRows(file, from, to);
      }
      if (signal.shape() == Signal.Shape.MATRIX) {
        return Npy.readMatrixRows(file, from, to);
      }
      List<Matrix> stack = Npy.readStackRows(file, from, to);
      return stack;
    }
  }
}
