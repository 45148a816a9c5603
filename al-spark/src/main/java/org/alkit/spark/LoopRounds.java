package org.alkit.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.alkit.api.Matrix;
import org.alkit.api.Options;
import org.alkit.api.Selection;
import org.alkit.api.SelectionContext;
import org.alkit.api.Signal;
import org.alkit.runtime.SelectionEngine;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * The rounds of an active-learning loop on Spark ({@link SparkSelection#rounds}): each round the
 * driver cuts the signals of the loop's context (computed in the driver by the fitted model) into
 * row ranges, ships each range's rows to a task, which scores them with the strategy's own kernels
 * ({@link Shard}), and merges the ranges' tops by alkit's rule ({@link Top#merge}): the picks the
 * strategy makes in the loop's JVM, as the pool indices of the context.
 */
final class LoopRounds implements SelectionEngine.Rounds {
  private final String strategy;
  private final Options options;
  private final Map<String, String> settings;
  private final Integer partitions;
  private SparkSession spark; // from the first round on

  /**
   * @param partitions row ranges a round's pool is cut into, or null for Spark's default
   *     parallelism
   */
  LoopRounds(String strategy, Options options, Map<String, String> settings, Integer partitions) {
    this.strategy = strategy;
    this.options = options;
    this.settings = Map.copyOf(settings);
    this.partitions = partitions;
  }

  @Override
  public Selection select(SelectionContext ctx, Set<Signal> reads) {
    if (spark == null) {
      spark = SparkSelection.start("alkit run " + strategy, settings);
    }
    Map<Signal, Object> signals = new EnumMap<>(Signal.class);
    for (Signal signal : reads) {
      if (ctx.has(signal)) {
        signals.put(signal, signal.shape() == Signal.Shape.MATRIX ? ctx.matrix(signal) : ctx.stack(signal));
      }
    }
    int n = ctx.poolSize();
    List<NpyPool.RowRange> ranges = NpyPool.ranges(n, ctx.labeled(),
        ctx.hasLabels() ? ctx.labels() : null,
        partitions != null ? partitions : spark.sparkContext().defaultParallelism());
    List<RangeSignals> tasks = new ArrayList<>(ranges.size());
    for (NpyPool.RowRange range : ranges) {
      tasks.add(RangeSignals.of(range, signals));
    }
    Shard shard = new Shard(strategy, options.asText(), ctx.selectionSize(), ctx.seed(), ctx.round());
    Top top = Top.merge(JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(tasks, tasks.size())
        .map(rows -> Top.reporting(() -> rows.rank(shard))).collect(), shard.budget());
    int[] picked = new int[top.ids().length];
    for (int r = 0; r < picked.length; r++) {
      picked[r] = (int) top.ids()[r];
    }
    return Selection.of(strategy, options, picked, top.scores());
  }

  @Override
  public void close() {
    if (spark != null) {
      spark.stop();
      spark = null;
    }
  }

  /**
   * One row range of a round's pool and its signals' rows, as a task receives them: each signal
   * its matrices' values (one matrix, or a stack's), {@code columns} wide.
   */
  private record RangeSignals(NpyPool.RowRange range, Map<Signal, float[][]> values, Map<Signal, Integer> columns,
      Map<Signal, Boolean> stacks) implements Serializable {
    private static final long serialVersionUID = 1L;

    static RangeSignals of(NpyPool.RowRange range, Map<Signal, Object> signals) {
      Map<Signal, float[][]> values = new EnumMap<>(Signal.class);
      Map<Signal, Integer> columns = new EnumMap<>(Signal.class);
      Map<Signal, Boolean> stacks = new EnumMap<>(Signal.class);
      signals.forEach((signal, value) -> {
        List<?> matrices = value instanceof Matrix m ? List.of(m) : (List<?>) value;
        float[][] rows = new float[matrices.size()][];
        for (int t = 0; t < rows.length; t++) {
          Matrix m = (Matrix) matrices.get(t);
          rows[t] = m.rows(range.from(), range.to()).toArray();
          columns.put(signal, m.cols());
        }
        values.put(signal, rows);
        stacks.put(signal, !(value instanceof Matrix));
      });
      return new RangeSignals(range, values, columns, stacks);
    }

    Top rank(Shard shard) {
      int n = range.to() - range.from();
      Map<Signal, Object> signals = new EnumMap<>(Signal.class);
      values.forEach((signal, rows) -> {
        List<Matrix> matrices = new ArrayList<>(rows.length);
        for (float[] r : rows) {
          matrices.add(Matrix.wrap(n, columns.get(signal), r));
        }
        signals.put(signal, stacks.get(signal) ? matrices : matrices.get(0));
      });
      return shard.rank(range.rows(signals));
    }
  }
}
