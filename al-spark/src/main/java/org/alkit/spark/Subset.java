package org.alkit.spark;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.alkit.api.InvalidInputException;
import org.alkit.api.Matrix;
import org.alkit.api.SelectionContext;
import org.alkit.api.Signal;

/**
 * Some rows of a pool, ids ascending, with their matrix signals (row-major floats) and which of them
 * are labeled, with what label ({@code labels} null where the pool has none): what a task of a
 * distributed batch selection sends to the driver, and what a context of its own is built from.
 *
 * @param ids pool ids, ascending
 * @param labeled whether each row is labeled
 * @param labels each row's label (only labeled rows' are meaningful), or null
 * @param values each signal's rows, {@code ids.length × widths.get(signal)} floats
 * @param widths each signal's columns
 */
record Subset(long[] ids, boolean[] labeled, int[] labels, Map<Signal, float[]> values, Map<Signal, Integer> widths)
    implements Serializable {
  private static final long serialVersionUID = 1L;

  Subset {
    Map<Signal, float[]> copied = new EnumMap<>(Signal.class);
    copied.putAll(values);
    values = copied;
    Map<Signal, Integer> copiedWidths = new EnumMap<>(Signal.class);
    copiedWidths.putAll(widths);
    widths = copiedWidths;
  }

  /** Rows {@code positions} (ascending) of {@code rows}, whose signals must all be matrices. */
  static Subset of(Rows rows, int[] positions) {
    boolean[] isLabeled = new boolean[rows.ids().length];
    int[] allLabels = rows.labels() == null ? null : new int[isLabeled.length];
    for (int t = 0; t < rows.labeled().length; t++) {
      isLabeled[rows.labeled()[t]] = true;
      if (allLabels != null) {
        allLabels[rows.labeled()[t]] = rows.labels()[t];
      }
    }
    Map<Signal, float[]> values = new EnumMap<>(Signal.class);
    Map<Signal, Integer> widths = new EnumMap<>(Signal.class);
    rows.signals().forEach((signal, value) -> {
      Matrix m = (Matrix) value;
      values.put(signal, m.select(positions).toArray());
      widths.put(signal, m.cols());
    });
    return new Subset(IntStream.of(positions).mapToLong(p -> rows.ids()[p]).toArray(),
        pick(isLabeled, positions), allLabels == null ? null : IntStream.of(positions).map(p -> allLabels[p]).toArray(),
        values, widths);
  }

  /** The rows of {@code rows} that are not labeled. */
  static Subset unlabeledOf(Rows rows) {
    boolean[] isLabeled = new boolean[rows.ids().length];
    for (int p : rows.labeled()) {
      isLabeled[p] = true;
    }
    return of(rows, IntStream.range(0, isLabeled.length).filter(p -> !isLabeled[p]).toArray());
  }

  /**
   * The rows of all {@code parts} in id order.
   *
   * @throws InvalidInputException if an id occurs twice
   */
  static Subset union(List<Subset> parts) {
    long[] ids = parts.stream().flatMapToLong(s -> Arrays.stream(s.ids)).toArray();
    int[] order = IntStream.range(0, ids.length).boxed().sorted(Comparator.comparingLong(p -> ids[p]))
        .mapToInt(Integer::intValue).toArray();
    for (int r = 1; r < order.length; r++) {
      if (ids[order[r]] == ids[order[r - 1]]) {
        throw new InvalidInputException("id " + ids[order[r]] + " names two pool items; expected unique ids");
      }
    }
    boolean[] labeled = new boolean[ids.length];
    boolean hasLabels = !parts.isEmpty() && parts.stream().allMatch(s -> s.labels != null);
    int[] labels = hasLabels ? new int[ids.length] : null;
    Map<Signal, Integer> widths = parts.stream().map(Subset::widths).filter(w -> !w.isEmpty()).findFirst()
        .orElse(Map.of());
    Map<Signal, float[]> values = new EnumMap<>(Signal.class);
    widths.forEach((signal, w) -> values.put(signal, new float[ids.length * w]));
    int at = 0;
    int[] rank = new int[ids.length]; // where each concatenated row goes
    for (int r = 0; r < order.length; r++) {
      rank[order[r]] = r;
    }
    for (Subset s : parts) {
      for (int i = 0; i < s.ids.length; i++, at++) {
        int to = rank[at];
        labeled[to] = s.labeled[i];
        if (labels != null) {
          labels[to] = s.labels[i];
        }
        for (Map.Entry<Signal, Integer> e : widths.entrySet()) {
          int w = e.getValue();
          System.arraycopy(s.values.get(e.getKey()), i * w, values.get(e.getKey()), to * w, w);
        }
      }
    }
    return new Subset(Arrays.stream(order).mapToLong(p -> ids[p]).toArray(), labeled, labels, values, widths);
  }

  /** The rows with index {@code rows} (ascending) of this subset. */
  Subset rows(int[] rows) {
    Map<Signal, float[]> picked = new EnumMap<>(Signal.class);
    values.forEach((signal, data) -> picked.put(signal, matrix(signal).select(rows).toArray()));
    return new Subset(IntStream.of(rows).mapToLong(r -> ids[r]).toArray(), pick(labeled, rows),
        labels == null ? null : IntStream.of(rows).map(r -> labels[r]).toArray(), picked, widths);
  }

  int size() {
    return ids.length;
  }

  int unlabeledCount() {
    int count = 0;
    for (boolean l : labeled) {
      count += l ? 0 : 1;
    }
    return count;
  }

  Matrix matrix(Signal signal) {
    return Matrix.wrap(ids.length, widths.get(signal), values.get(signal));
  }

  /** A context of these rows alone (row r is item r), with their labeled set and signals. */
  SelectionContext.Builder context() {
    int[] rows = IntStream.range(0, ids.length).filter(r -> labeled[r]).toArray();
    SelectionContext.Builder builder = SelectionContext.builder(ids.length)
        .labeled(rows, labels == null ? null : IntStream.of(rows).map(r -> labels[r]).toArray());
    widths.keySet().forEach(signal -> builder.signal(signal, matrix(signal)));
    return builder;
  }

  private static boolean[] pick(boolean[] values, int[] at) {
    boolean[] out = new boolean[at.length];
    for (int r = 0; r < at.length; r++) {
      out[r] = values[at[r]];
    }
    return out;
  }
}
