package org.alkit.eval.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.alkit.api.InvalidInputException;
import org.alkit.api.Matrix;

/** One part of a {@link Scenario}: how it transforms the data and which hints it gives. */
sealed interface ScenarioPart {
  /** The part's kind, one of {@link Scenario#KINDS}. */
  String kind();

  /** Whether the part passes something to strategies through the hints. */
  default boolean hinted() {
    return false;
  }

  /** Transforms {@code state} in place with draws from {@code random}. */
  Scenario.State apply(Scenario scenario, Scenario.State state, SplittableRandom random);

  /** Parses one part of {@code spec}, e.g. {@code dominant:0}. */
  static ScenarioPart parse(String spec, String text) {
    int colon = text.indexOf(':');
    String kind = colon < 0 ? text : text.substring(0, colon).strip();
    String arg = colon < 0 ? null : text.substring(colon + 1).strip();
    if (!Scenario.KINDS.contains(kind)) {
      throw new InvalidInputException("scenario '" + spec + "': unknown kind '" + kind + "'; known kinds: "
          + String.join(", ", Scenario.KINDS) + " (parts join with +)");
    }
    if (kind.equals("balanced")) {
      if (arg != null) {
        throw new InvalidInputException("scenario '" + spec + "': 'balanced' takes no argument; got '" + arg + "'");
      }
      return new Balanced();
    }
    if (arg == null || arg.isEmpty()) {
      throw new InvalidInputException("scenario '" + spec + "': '" + kind + "' needs an argument, e.g. "
          + kind + ":" + example(kind));
    }
    if (kind.equals("ir")) {
      return new ImbalanceRatio(ratio(spec, arg));
    }
    int[] values = integers(spec, kind, arg);
    return switch (kind) {
      case "dominant" -> new Thinning(kind, Set.of(single(spec, kind, values)), true, false);
      case "rare" -> new Thinning(kind, Set.of(single(spec, kind, values)), false, false);
      case "rare-classes" -> new Thinning(kind, distinct(spec, kind, values), false, true);
      case "redundancy" -> new Redundancy(single(spec, kind, values));
      case "ood" -> new Ood(distinct(spec, kind, values));
      default -> new Imbalanced(values);
    };
  }

  private static String example(String kind) {
    return switch (kind) {
      case "dominant", "rare" -> "0";
      case "redundancy" -> "5";
      case "imbalanced" -> "200,400,1589";
      case "ir" -> "0.74";
      default -> "3,5";
    };
  }

  private static int[] integers(String spec, String kind, String arg) {
    String[] cells = arg.split(",", -1);
    int[] out = new int[cells.length];
    for (int k = 0; k < cells.length; k++) {
      try {
        out[k] = Integer.parseInt(cells[k].strip());
      } catch (NumberFormatException e) {
        throw new InvalidInputException("scenario '" + spec + "': '" + kind + "' argument '" + arg
            + "' holds '" + cells[k].strip() + "'; expected comma-separated integers, e.g. " + kind + ":"
            + example(kind), e);
      }
    }
    return out;
  }

  private static double ratio(String spec, String arg) {
    double ratio;
    try {
      ratio = Double.parseDouble(arg);
    } catch (NumberFormatException e) {
      throw new InvalidInputException("scenario '" + spec + "': 'ir' argument '" + arg
          + "'; expected the imbalance ratio sigma/mu of the class counts, a number >= 0, e.g. ir:0.74", e);
    }
    if (!(ratio >= 0) || Double.isInfinite(ratio)) {
      throw new InvalidInputException("scenario '" + spec + "': ir:" + arg
          + " is no imbalance ratio; expected sigma/mu >= 0, e.g. ir:0.74");
    }
    return ratio;
  }

  private static int single(String spec, String kind, int[] values) {
    if (values.length != 1) {
      throw new InvalidInputException("scenario '" + spec + "': '" + kind + "' takes one integer; got "
          + values.length + " (" + Scenario.join(values) + ")");
    }
    return values[0];
  }

  private static Set<Integer> distinct(String spec, String kind, int[] values) {
    Set<Integer> out = new TreeSet<>();
    for (int v : values) {
      if (!out.add(v)) {
        throw new InvalidInputException("scenario '" + spec + "': '" + kind + "' lists class " + v
            + " twice; expected distinct classes");
      }
    }
    return out;
  }

  /**
   * Keeps {@code max(1, round(share · n_c))} pool items, drawn by a seeded shuffle, of each class
   * {@code c} in {@code classes}, and every item of the other classes.
   */
  static void thin(Scenario.State state, Set<Integer> classes, SplittableRandom random) {
    int[][] byClass = Scenario.byClass(state.poolLabels, state.numClasses);
    List<Integer> keep = new ArrayList<>();
    for (int c = 0; c < state.numClasses; c++) {
      int[] members = byClass[c];
      if (!classes.contains(c) || members.length == 0) {
        Arrays.stream(members).forEach(keep::add);
        continue;
      }
      int kept = Math.max(1, (int) Math.round(Scenario.KEPT_SHARE * members.length));
      Arrays.stream(sample(members, kept, random)).forEach(keep::add);
    }
    state.keepPool(keep.stream().mapToInt(Integer::intValue).sorted().toArray());
  }

  /** {@code count} of {@code members}, drawn by a partial Fisher–Yates shuffle. */
  static int[] sample(int[] members, int count, SplittableRandom random) {
    int[] copy = members.clone();
    for (int i = 0; i < count; i++) {
      int j = i + random.nextInt(copy.length - i);
      int t = copy[i];
      copy[i] = copy[j];
      copy[j] = t;
    }
    return Arrays.copyOf(copy, count);
  }

  /** The data as it is. */
  record Balanced() implements ScenarioPart {
    @Override
    public String kind() {
      return "balanced";
    }

    @Override
    public Scenario.State apply(Scenario scenario, Scenario.State state, SplittableRandom random) {
      return state;
    }
  }

  /**
   * Keep 10 % of some classes: those listed ({@code rare}, {@code rare-classes}) or all but those
   * ({@code dominant}); the thinned classes are rare. A hinted part ({@code rare-classes}) names them
   * in the hints with exemplars as the query set.
   *
   * @param kind the part's kind
   * @param classes the classes listed
   * @param allBut whether the classes not listed are thinned
   * @param hinted whether the thinned classes go into the hints
   */
  record Thinning(String kind, Set<Integer> classes, boolean allBut, boolean hinted) implements ScenarioPart {
    @Override
    public Scenario.State apply(Scenario scenario, Scenario.State state, SplittableRandom random) {
      classes.forEach(c -> scenario.checkClass(state, c));
      Set<Integer> thinned = new TreeSet<>();
      IntStream.range(0, state.numClasses).filter(c -> classes.contains(c) != allBut).forEach(thinned::add);
      thin(state, thinned, random);
      state.rare.addAll(thinned);
      if (hinted) {
        state.hintedRare.addAll(thinned);
        state.exemplars(thinned, state.queryOrigins, random);
      }
      return state;
    }
  }

  /** Every pool item {@code copies} times, the copies with small Gaussian noise. */
  record Redundancy(int copies) implements ScenarioPart {
    @Override
    public String kind() {
      return "redundancy";
    }

    @Override
    public boolean hinted() {
      return true;
    }

    @Override
    public Scenario.State apply(Scenario scenario, Scenario.State state, SplittableRandom random) {
      if (copies < 2) {
        throw scenario.bad("redundancy:" + copies + " repeats nothing; expected R >= 2 copies of each item");
      }
      Matrix pool = state.pool;
      int n = pool.rows();
      int d = pool.cols();
      if ((long) n * copies * d > Integer.MAX_VALUE) {
        throw scenario.bad("redundancy:" + copies + " of " + n + " × " + d + " items exceeds one array; expected a "
            + "smaller pool (pool-size) or fewer copies");
      }
      float[] sigma = noise(pool);
      float[] out = new float[n * copies * d];
      int[] labels = new int[n * copies];
      int[] origin = new int[n * copies];
      float[] row = new float[d];
      for (int i = 0; i < n; i++) {
        pool.copyRow(i, row);
        for (int r = 0; r < copies; r++) {
          int at = i * copies + r;
          for (int j = 0; j < d; j++) {
            out[at * d + j] = r == 0 ? row[j] : (float) (row[j] + sigma[j] * nextGaussian(random));
          }
          labels[at] = state.poolLabels[i];
          origin[at] = state.origin[i];
        }
      }
      state.pool = Matrix.wrap(n * copies, d, out);
      state.poolLabels = labels;
      state.origin = origin;
      return state;
    }

    /** {@link Scenario#COPY_NOISE} times each column's standard deviation. */
    private static float[] noise(Matrix pool) {
      int n = pool.rows();
      int d = pool.cols();
      double[] sum = new double[d];
      double[] squares = new double[d];
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < d; j++) {
          double v = pool.get(i, j);
          sum[j] += v;
          squares[j] += v * v;
        }
      }
      float[] sigma = new float[d];
      for (int j = 0; j < d; j++) {
        double mean = sum[j] / n;
        sigma[j] = (float) (Scenario.COPY_NOISE * Math.sqrt(Math.max(0, squares[j] / n - mean * mean)));
      }
      return sigma;
    }

    /** A standard normal draw (Box–Muller), from {@code random} only. */
    private static double nextGaussian(SplittableRandom random) {
      double u = 1 - random.nextDouble();
      double v = random.nextDouble();
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
  }

  /** Classes that stay in the pool but are out of distribution. */
  record Ood(Set<Integer> classes) implements ScenarioPart {
    @Override
    public String kind() {
      return "ood";
    }

    @Override
    public boolean hinted() {
      return true;
    }

    @Override
    public Scenario.State apply(Scenario scenario, Scenario.State state, SplittableRandom random) {
      classes.forEach(c -> scenario.checkClass(state, c));
      if (classes.size() >= state.numClasses) {
        throw scenario.bad("every class is out of distribution; expected at least one in-distribution class");
      }
      int[] keep = IntStream.range(0, state.testLabels.length)
          .filter(i -> !classes.contains(state.testLabels[i])).toArray();
      state.test = state.test.select(keep);
      state.testLabels = Arrays.stream(keep).map(i -> state.testLabels[i]).toArray();
      state.ood.addAll(classes);
      state.exemplars(classes, state.privateOrigins, random);
      return state;
    }
  }

  /**
   * Keeps exactly {@code counts[c]} pool items of class c, drawn by a seeded shuffle; the classes
   * below the counts' mean are rare. Shared by {@code imbalanced} and {@code ir}.
   */
  static void keepCounts(Scenario scenario, Scenario.State state, int[] counts, SplittableRandom random) {
    int[][] byClass = Scenario.byClass(state.poolLabels, state.numClasses);
    List<Integer> keep = new ArrayList<>();
    double mean = Arrays.stream(counts).average().orElse(0);
    for (int c = 0; c < counts.length; c++) {
      if (counts[c] < 1 || counts[c] > byClass[c].length) {
        throw scenario.bad("count of class " + c + " = " + counts[c] + "; expected 1.."
            + byClass[c].length + ", the items of that class in the pool");
      }
      Arrays.stream(sample(byClass[c], counts[c], random)).forEach(keep::add);
      if (counts[c] < mean) {
        state.rare.add(c);
      }
    }
    state.keepPool(keep.stream().mapToInt(Integer::intValue).sorted().toArray());
  }

  /**
   * Induces the imbalance ratio σ/μ (population standard deviation over mean of the class counts)
   * of Aggarwal et al., "Optimizing active learning for low annotation budgets" (σ/μ ≈ 0.74), by
   * a geometric per-class schedule: class k keeps n_k = max(1, round(m · q^k)) pool items, m the
   * smallest class's item count in the pool (so every class can give its share), and q ∈ (0, 1]
   * found by bisection so that the schedule's real-valued counts m · q^k have σ/μ = ratio (σ/μ
   * falls as q rises, from √(C − 1) at q → 0 to 0 at q = 1). Class 0 is the largest; the classes
   * below the mean are rare. {@link #counts} gives the schedule.
   *
   * @param ratio the target σ/μ, in [0, √(C − 1))
   */
  record ImbalanceRatio(double ratio) implements ScenarioPart {
    @Override
    public String kind() {
      return "ir";
    }

    @Override
    public Scenario.State apply(Scenario scenario, Scenario.State state, SplittableRandom random) {
      int[][] byClass = Scenario.byClass(state.poolLabels, state.numClasses);
      int smallest = Arrays.stream(byClass).mapToInt(members -> members.length).min().orElse(0);
      if (smallest == 0) {
        throw scenario.bad("a class has no pool items; expected every class in the pool for ir:" + ratio);
      }
      keepCounts(scenario, state, counts(scenario, state.numClasses, smallest), random);
      return state;
    }

    /** The schedule's counts of {@code classes} classes, the largest {@code largest}. */
    int[] counts(Scenario scenario, int classes, int largest) {
      double most = Math.sqrt(classes - 1);
      if (ratio >= most) {
        throw scenario.bad("ir:" + ratio + " is out of reach with " + classes + " classes; expected sigma/mu < "
            + "sqrt(C - 1) = " + most);
      }
      double low = 0;
      double high = 1;
      for (int step = 0; step < 200; step++) {
        double q = (low + high) / 2;
        if (variation(q, classes) > ratio) {
          low = q;
        } else {
          high = q;
        }
      }
      double q = (low + high) / 2;
      return IntStream.range(0, classes).map(k -> (int) Math.max(1, Math.round(largest * Math.pow(q, k)))).toArray();
    }

    /** σ/μ of q^0, q^1, …, q^(C−1). */
    static double variation(double q, int classes) {
      double sum = 0;
      double squares = 0;
      for (int k = 0; k < classes; k++) {
        double v = Math.pow(q, k);
        sum += v;
        squares += v * v;
      }
      double mean = sum / classes;
      return Math.sqrt(Math.max(0, squares / classes - mean * mean)) / mean;
    }
  }

  /** Exactly {@code counts[c]} pool items of class c. */
  record Imbalanced(int[] counts) implements ScenarioPart {
    @Override
    public String kind() {
      return "imbalanced";
    }

    @Override
    public Scenario.State apply(Scenario scenario, Scenario.State state, SplittableRandom random) {
      if (counts.length != state.numClasses) {
        throw scenario.bad("imbalanced lists " + counts.length + " counts (" + Scenario.join(counts)
            + "); expected one per class, " + state.numClasses);
      }
      keepCounts(scenario, state, counts, random);
      return state;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Imbalanced i && Arrays.equals(i.counts, counts);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(counts);
    }

    @Override
    public String toString() {
      return "Imbalanced[" + Scenario.join(counts) + "]";
    }
  }
}
