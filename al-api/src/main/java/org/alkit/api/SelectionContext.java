package org.alkit.api;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;
import static org.apiguardian.api.API.Status.STABLE;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.apiguardian.api.API;

/**
 * Everything one selection round may read: the pool (size, labeled and unlabeled indices, known
 * labels), the budget, the round number, a seed, the model's signals, the scenario's hints and
 * the compute backend.
 *
 * <p>Signals are computed lazily, once, on first access, and validated then against the signal's
 * {@link Signal#domain()}: their row count must equal {@link #poolSize()}; a
 * {@link Signal.Domain#FEATURES} signal of d columns must hold finite values with
 * |v| ≤ √(Float.MAX_VALUE / 4d), so squared distances and dot products stay finite; the rows of a
 * {@link Signal.Domain#PROBABILITY_ROWS} signal must be finite, non-negative and sum to 1 within
 * {@value #PROBABILITY_TOLERANCE}; a {@link Signal.Domain#CLASS_IDS} signal must hold whole
 * numbers in [0, 2²⁴). A signal the context does not have raises
 * {@link MissingSignalException}.
 *
 * <pre>{@code
 * SelectionContext ctx = SelectionContext.builder(1000)
 *     .labeled(new int[] {3, 7}, new int[] {0, 1})
 *     .budget(10).seed(42)
 *     .signal(Signal.PROBABILITIES, probs)
 *     .build();
 * }</pre>
 */
@API(status = STABLE, since = "0.1")
public final class SelectionContext {
  /** How far a probability row's sum may stray from 1. */
  public static final double PROBABILITY_TOLERANCE = 1e-3;

  private final int poolSize;
  private final int[] labeled;
  private final int[] labels;
  private final int[] unlabeled;
  private final int budget;
  private final int round;
  private final long seed;
  private final long drawsBefore;
  private final Map<Signal, Lazy<?>> signals;
  private final ScenarioHints hints;
  private final ComputeBackend backend;
  private final Map<Class<?>, Object> capabilities;

  private SelectionContext(Builder b) {
    this.poolSize = b.poolSize;
    this.labeled = b.labeled;
    this.labels = b.labels;
    this.unlabeled = complement(b.poolSize, b.labeled);
    this.budget = b.budget;
    this.round = b.round;
    this.seed = b.seed;
    this.drawsBefore = b.drawsBefore;
    this.signals = new EnumMap<>(b.signals);
    this.hints = b.hints;
    this.backend = b.backend;
    this.capabilities = Map.copyOf(b.capabilities);
  }

  /** A builder for a pool of {@code poolSize} items. */
  public static Builder builder(int poolSize) {
    return new Builder(poolSize);
  }

  /** A builder holding this context's values (signals already computed are shared). */
  public Builder toBuilder() {
    Builder b = new Builder(poolSize);
    b.labeled = labeled;
    b.labels = labels;
    b.budget = budget;
    b.round = round;
    b.seed = seed;
    b.drawsBefore = drawsBefore;
    b.signals.putAll(signals);
    b.hints = hints;
    b.backend = backend;
    b.capabilities.putAll(capabilities);
    return b;
  }

  /** Number of items in the pool; signals have this many rows. */
  public int poolSize() {
    return poolSize;
  }

  /** Pool indices without a label, ascending (a copy). */
  public int[] unlabeled() {
    return unlabeled.clone();
  }

  /** How many pool items have no label. */
  public int unlabeledCount() {
    return unlabeled.length;
  }

  /** Pool indices with a label, ascending (a copy). */
  public int[] labeled() {
    return labeled.clone();
  }

  /** Whether the labels of the labeled items are known. */
  public boolean hasLabels() {
    return labels != null;
  }

  /**
   * The labels of {@link #labeled()}, position by position (a copy).
   *
   * @throws AlException if the caller gave labeled indices without their labels
   */
  public int[] labels() {
    if (labels == null) {
      throw new AlException("the labels of the " + labeled.length
          + " labeled items were not given; this strategy needs them");
    }
    return labels.clone();
  }

  /** The number of items asked for; a strategy returns {@link #selectionSize()} of them. */
  public int budget() {
    return budget;
  }

  /** {@code min(budget, unlabeledCount)}: how many items a strategy must return. */
  public int selectionSize() {
    return Math.min(budget, unlabeled.length);
  }

  /** The round number, 1 for the first selection. */
  public int round() {
    return round;
  }

  /** The seed every random choice of this round derives from. */
  public long seed() {
    return seed;
  }

  /**
   * A fresh generator seeded with {@link #seed()}: the same sequence at every call. In a context
   * for one shard of a larger pool ({@link Builder#drawsBefore}) the generator has already drawn
   * that many {@code nextLong()} values, so a strategy that draws one value per candidate in
   * ascending pool order draws, on the shard, the values it would draw on the whole pool.
   */
  public SplittableRandom random() {
    SplittableRandom random = new SplittableRandom(seed);
    for (long k = 0; k < drawsBefore; k++) {
      random.nextLong();
    }
    return random;
  }

  /** The scenario's hints. */
  @API(status = EXPERIMENTAL, since = "0.1")
  public ScenarioHints hints() {
    return hints;
  }

  /**
   * The compute backend: every heavy primitive and every thread a strategy uses, including the
   * top-k of {@link ScoringStrategy}. The loop, {@code alkit select} and the testkit's fixtures
   * always bind one; the context does not own it and strategies never close it.
   *
   * @throws AlException if none was bound
   */
  public ComputeBackend backend() {
    if (backend == null) {
      throw new AlException("no compute backend is bound to this selection context");
    }
    return backend;
  }

  /**
   * The capability of type {@code type}, e.g. {@link NetworkTraining}: the one bound on the builder
   * ({@link Builder#capability}) if any, otherwise the backend's ({@link ComputeBackend#capability}),
   * otherwise empty. The runtime binds every capability a strategy declares
   * ({@link StrategyProvider#capabilities(Options)}) before round 1; the context does not own it and
   * strategies never close it.
   */
  @API(status = EXPERIMENTAL, since = "0.2")
  public <C> Optional<C> capability(Class<C> type) {
    Object bound = capabilities.get(type);
    if (bound != null) {
      return Optional.of(type.cast(bound));
    }
    return backend == null ? Optional.empty() : backend.capability(type);
  }

  /** Whether the signal is available. */
  public boolean has(Signal signal) {
    return signals.containsKey(signal);
  }

  /**
   * A {@link Signal.Shape#MATRIX} signal, {@code poolSize × k}.
   *
   * @throws MissingSignalException if the context does not have it
   * @throws InvalidInputException if its values break the signal's rules
   */
  public Matrix matrix(Signal signal) {
    requireShape(signal, Signal.Shape.MATRIX);
    return (Matrix) lazy(signal).get();
  }

  /**
   * A {@link Signal.Shape#STACK} signal: a list of {@code poolSize × C} matrices.
   *
   * @throws MissingSignalException if the context does not have it
   * @throws InvalidInputException if its values break the signal's rules
   */
  @SuppressWarnings("unchecked")
  public List<Matrix> stack(Signal signal) {
    requireShape(signal, Signal.Shape.STACK);
    return (List<Matrix>) lazy(signal).get();
  }

  private Lazy<?> lazy(Signal signal) {
    Lazy<?> lazy = signals.get(signal);
    if (lazy == null) {
      throw new MissingSignalException("this strategy", List.of(signal), "the selection context");
    }
    return lazy;
  }

  private static void requireShape(Signal signal, Signal.Shape shape) {
    if (signal.shape() != shape) {
      throw new IllegalArgumentException(signal.key() + " is a " + signal.shape()
          + " signal; read it with " + (shape == Signal.Shape.MATRIX ? "stack()" : "matrix()"));
    }
  }

  /** The pool items not in {@code labeled}, ascending. */
  static int[] complement(int poolSize, int[] labeled) {
    boolean[] isLabeled = new boolean[poolSize];
    for (int i : labeled) {
      isLabeled[i] = true;
    }
    int[] out = new int[poolSize - labeled.length];
    int k = 0;
    for (int i = 0; i < poolSize; i++) {
      if (!isLabeled[i]) {
        out[k++] = i;
      }
    }
    return out;
  }

  private static void validate(Signal signal, Matrix m, int poolSize, String what) {
    if (m.rows() != poolSize) {
      throw new InvalidInputException(what + " has " + m.rows() + " rows; expected one per pool item ("
          + poolSize + ")");
    }
    if (signal.domain() == Signal.Domain.FEATURES) {
      m.requireFinite(what, Matrix.distanceSafeMagnitude(m.cols()));
      return;
    }
    if (signal.domain() == Signal.Domain.CLASS_IDS) {
      requireClassIds(m, what);
      return;
    }
    for (int i = 0; i < m.rows(); i++) {
      double sum = 0;
      for (int j = 0; j < m.cols(); j++) {
        float v = m.get(i, j);
        if (!Float.isFinite(v)) {
          throw new InvalidInputException(what + "[" + i + "][" + j + "] = " + v + "; expected a finite value");
        }
        if (v < 0) {
          throw new InvalidInputException(what + "[" + i + "][" + j + "] = " + v
              + "; expected a probability >= 0");
        }
        sum += v;
      }
      if (Math.abs(sum - 1) > PROBABILITY_TOLERANCE) {
        throw new InvalidInputException(what + " row " + i + " sums to " + sum
            + "; expected 1 within " + PROBABILITY_TOLERANCE);
      }
    }
  }

  /** Largest class id a float holds exactly, plus one: 2²⁴. */
  private static final float CLASS_ID_LIMIT = 1 << 24;

  private static void requireClassIds(Matrix m, String what) {
    for (int i = 0; i < m.rows(); i++) {
      for (int j = 0; j < m.cols(); j++) {
        float v = m.get(i, j);
        if (!(v >= 0 && v < CLASS_ID_LIMIT && v == (float) Math.rint(v))) {
          throw new InvalidInputException(what + "[" + i + "][" + j + "] = " + v
              + "; expected a class id, a whole number >= 0");
        }
      }
    }
  }

  /** Computes a signal once, on first use, and validates it. */
  private static final class Lazy<T> {
    private final Supplier<T> supplier;
    private T value;

    Lazy(Supplier<T> supplier) {
      this.supplier = supplier;
    }

    synchronized T get() {
      if (value == null) {
        value = Objects.requireNonNull(supplier.get(), "signal supplier returned null");
      }
      return value;
    }
  }

  /** Builds a {@link SelectionContext}, checking indices, labels and budget. */
  public static final class Builder {
    private final int poolSize;
    private int[] labeled = new int[0];
    private int[] labels;
    private int budget = 1;
    private int round = 1;
    private long seed;
    private long drawsBefore;
    private final Map<Signal, Lazy<?>> signals = new EnumMap<>(Signal.class);
    private ScenarioHints hints = ScenarioHints.none();
    private ComputeBackend backend;
    private final Map<Class<?>, Object> capabilities = new LinkedHashMap<>();

    private Builder(int poolSize) {
      if (poolSize < 0) {
        throw new InvalidInputException("poolSize = " + poolSize + "; expected >= 0");
      }
      this.poolSize = poolSize;
    }

    /**
     * The labeled pool items and their labels ({@code labels} may be null when unknown).
     *
     * @throws InvalidInputException on an index out of range, a duplicate, or a length mismatch
     */
    public Builder labeled(int[] indices, int[] labels) {
      int[] sorted = indices.clone();
      int[] order = sortedOrder(indices);
      for (int k = 0; k < order.length; k++) {
        sorted[k] = indices[order[k]];
      }
      for (int k = 0; k < sorted.length; k++) {
        if (sorted[k] < 0 || sorted[k] >= poolSize) {
          throw new InvalidInputException("labeled index " + sorted[k]
              + " is outside the pool [0, " + poolSize + ")");
        }
        if (k > 0 && sorted[k] == sorted[k - 1]) {
          throw new InvalidInputException("labeled index " + sorted[k] + " appears twice");
        }
      }
      if (labels != null && labels.length != indices.length) {
        throw new InvalidInputException("labels has " + labels.length + " entries but labeled has "
            + indices.length + "; expected one label per labeled index");
      }
      this.labeled = sorted;
      if (labels == null) {
        this.labels = null;
      } else {
        int[] sortedLabels = new int[labels.length];
        for (int k = 0; k < order.length; k++) {
          sortedLabels[k] = labels[order[k]];
        }
        this.labels = sortedLabels;
      }
      return this;
    }

    /** The number of items to pick, 1 ≤ budget ≤ poolSize. */
    public Builder budget(int budget) {
      if (budget <= 0 || budget > Math.max(poolSize, 1)) {
        throw new InvalidInputException("budget = " + budget + "; expected 1 <= budget <= pool size ("
            + poolSize + ")");
      }
      this.budget = budget;
      return this;
    }

    /** The round number, ≥ 1. */
    public Builder round(int round) {
      if (round < 1) {
        throw new InvalidInputException("round = " + round + "; expected >= 1");
      }
      this.round = round;
      return this;
    }

    /** The seed of this round's random choices. */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /**
     * Makes this the context of one shard of a larger pool, as a distributed engine (al-spark)
     * scores a pool that no single machine holds: {@code candidatesBefore} is the number of
     * unlabeled items of the whole pool that precede the shard's first item, and
     * {@link SelectionContext#random()} starts after as many {@code nextLong()} draws.
     *
     * @throws InvalidInputException if {@code candidatesBefore} is negative
     */
    @API(status = EXPERIMENTAL, since = "0.3")
    public Builder drawsBefore(long candidatesBefore) {
      if (candidatesBefore < 0) {
        throw new InvalidInputException("candidatesBefore = " + candidatesBefore + "; expected >= 0");
      }
      this.drawsBefore = candidatesBefore;
      return this;
    }

    /** A matrix signal, computed now. */
    public Builder signal(Signal signal, Matrix value) {
      Objects.requireNonNull(value, signal.key());
      return signal(signal, () -> value);
    }

    /** A matrix signal computed on first access. */
    public Builder signal(Signal signal, Supplier<Matrix> supplier) {
      requireShape(signal, Signal.Shape.MATRIX);
      int n = poolSize;
      signals.put(signal, new Lazy<>(() -> {
        Matrix m = supplier.get();
        validate(signal, m, n, signal.key());
        return m;
      }));
      return this;
    }

    /** A stacked signal, computed now. */
    public Builder stack(Signal signal, List<Matrix> value) {
      Objects.requireNonNull(value, signal.key());
      return stack(signal, () -> value);
    }

    /** A stacked signal computed on first access; every matrix must have the same shape. */
    public Builder stack(Signal signal, Supplier<List<Matrix>> supplier) {
      requireShape(signal, Signal.Shape.STACK);
      int n = poolSize;
      signals.put(signal, new Lazy<>(() -> {
        List<Matrix> list = List.copyOf(supplier.get());
        if (list.isEmpty()) {
          throw new InvalidInputException(signal.key() + " holds no matrices; expected at least one");
        }
        for (int t = 0; t < list.size(); t++) {
          if (list.get(t).cols() != list.get(0).cols()) {
            throw new InvalidInputException(signal.key() + "[" + t + "] has " + list.get(t).cols()
                + " columns but [0] has " + list.get(0).cols());
          }
          validate(signal, list.get(t), n, signal.key() + "[" + t + "]");
        }
        return list;
      }));
      return this;
    }

    /** Removes a signal, e.g. to test the error a strategy gives without it. */
    public Builder without(Signal signal) {
      signals.remove(signal);
      return this;
    }

    /** The scenario's hints. */
    @API(status = EXPERIMENTAL, since = "0.1")
    public Builder hints(ScenarioHints hints) {
      this.hints = Objects.requireNonNull(hints, "hints");
      return this;
    }

    /** The compute backend strategies use for heavy kernels. */
    public Builder backend(ComputeBackend backend) {
      this.backend = backend;
      return this;
    }

    /**
     * Binds a capability, which {@link SelectionContext#capability} returns before the backend's;
     * the caller keeps owning it.
     *
     * @throws InvalidInputException if {@code value} is not an instance of {@code type}
     */
    @API(status = EXPERIMENTAL, since = "0.2")
    public <C> Builder capability(Class<C> type, C value) {
      Objects.requireNonNull(value, type.getName());
      if (!type.isInstance(value)) {
        throw new InvalidInputException("capability " + value.getClass().getName() + " is not a "
            + type.getName() + "; expected an instance of the type it is bound to");
      }
      capabilities.put(type, value);
      return this;
    }

    /** The context. */
    public SelectionContext build() {
      return new SelectionContext(this);
    }

    private static int[] sortedOrder(int[] values) {
      return java.util.stream.IntStream.range(0, values.length).boxed()
          .sorted((a, b) -> Integer.compare(values[a], values[b]))
          .mapToInt(Integer::intValue).toArray();
    }
  }

  @Override
  public String toString() {
    return "SelectionContext[pool=" + poolSize + ", labeled=" + labeled.length + ", budget=" + budget
        + ", round=" + round + ", seed=" + seed + ", signals=" + signals.keySet()
        + ", hints=" + hints.scenario() + "]";
  }
}
