package org.alkit.backend.java;

import java.util.Arrays;
import org.alkit.api.Matrix;
import org.alkit.commons.AbstractCentreTracker;

/**
 * The {@code java} backend's {@link CentreTracker} over squared Euclidean distances: for every
 * tracked point x it keeps D²(x) = min over centres c of ‖x − c‖² and the centre that attains it,
 * and {@link #add} folds in one new centre. Serves greedy k-center, its doubt-weighted variant and
 * k-means++ seeding.
 *
 * <p><b>Start</b> (Sener &amp; Savarese 2018, Algorithm 3). The nearest initial centre of every
 * tracked point by {@link DenseRows#squaredDistance}, the summation every later update uses, comes
 * from {@link DotNearest} (the backend's blocked dot products, with a plain scan where they
 * cannot decide); its distance is then recomputed with {@code squaredDistance}. The
 * tracked rows are then stored grouped by nearest initial centre ({@link DenseRows#cluster}): the
 * updates read a group's members together, and contiguous rows stream from memory about twice as
 * fast as scattered ones. Positions and values do not change.
 *
 * <p><b>Pruning</b> (the triangle-inequality bound of Elkan, "Using the Triangle Inequality to
 * Accelerate k-Means", ICML 2003). Points are grouped by their current centre o, and each group
 * keeps its radius r_o = max D(x) over its members. Since ‖x − c‖ ≥ ‖c − o‖ − ‖x − o‖, a new
 * centre c cannot bring x closer when ‖c − o‖ ≥ 2·D(x): a whole group is skipped when
 * ‖c − o‖² ≥ 4·r_o², and inside a visited group each member is checked the same way before its
 * distance is computed. The test keeps a relative slack of {@value #SLACK} against rounding and
 * adds what a float distance can lose to underflow ({@link RowKernels#underflowBound}: skipped
 * when ‖c − o‖² ≥ 4·(r_o²·slack + that)), so the result equals the naive update's also on
 * coordinates whose squares are subnormal floats.
 *
 * <p><b>Projection</b>. A member that passes that test is next checked against the
 * {@link ProjectionBound}: ‖P(x − c)‖ ≤ ‖x − c‖ for the r = {@value ProjectionBound#RANK}
 * top principal directions P of a sample, so when the projected distance (r floats read instead of
 * d) already reaches D(x), x is skipped. On real embeddings most points that survive the triangle
 * test are pruned here; on isotropic data the bound seldom decides. The bound is built after
 * {@value #PROJECT_AT} centres (smaller budgets skip its cost) when there are at least
 * {@code 4·r} coordinates and {@value ProjectionBound#SAMPLE} tracked points.
 *
 * <p><b>Codes.</b> A member that passes both tests is next checked against the
 * {@link QuantizedBound}: an int8 copy of every row (one scale per row) gives a rigorous lower
 * bound on ‖x − c‖ from d bytes instead of 4·d, and only the members it cannot decide, and those
 * the new centre brings closer (whose new D² must be exact), read their float rows. On isotropic
 * data, where neither test above prunes, this bound decides about 99 % of the members after a
 * few dozen picks, so a pick streams n·d bytes of codes instead of n·d·4 bytes of floats. Its
 * inner products need the Vector API, so it is built only when the backend runs it (after
 * {@value #PROJECT_AT} centres with {@code simd = vector}; with {@code simd = auto} once the
 * float distances the updates computed so far, those the tests above did not prune, reached
 * {@value #QUANTIZE_WORK} coordinates, so that short or well-pruned jobs skip its start-up).
 *
 * <p><b>Layout.</b> The centres' coordinates are also kept column-major (one array per
 * coordinate, appended as centres are added), so the distances ‖c − o‖² from a new centre to all
 * existing ones take one vectorised pass ({@link RowKernels#squaredDistancesToColumns}); they serve
 * only the pruning tests. Member distances use {@link DenseRows#squaredDistance}, so D² does not
 * depend on the layout.
 *
 * <p><b>Threads.</b> The visited groups are cut into contiguous runs of about equal member count,
 * one task each on the backend's {@link JavaBackend#parallelFor}; each point is updated by one
 * task, and the points a task moves to the new centre are joined in task order, so the state is the
 * same for any thread count.
 *
 * <p>Memory: one float copy of the tracked and initial-centre rows, one int8 copy when the codes
 * are built, plus {@code O(n + centres·dim)}.
 */
final class EuclideanTracker extends AbstractCentreTracker {
  /** Relative slack on the squared pruning test, far above float rounding of a distance. */
  private static final double SLACK = 1.001;
  /** Fewer members to check than this are updated on the calling thread. */
  private static final int MIN_PARALLEL_MEMBERS = 2048;
  /** Points per task of a full pass. */
  static final int CHUNK = 4096;
  /**
   * Centres (initial and added) at which the projection bound is built, so that a few centres
   * skip its cost.
   */
  static final int PROJECT_AT = 8;
  /** {@code projectAfter} value that never builds the projection bound. */
  static final int NEVER = -1;
  /**
   * Share of its tests the projection bound must prune to stay in use: a test reads r floats, a
   * distance d, so below this share it costs more than it saves.
   */
  private static final double MIN_PRUNE_SHARE = 0.25;
  /** Centres added, while the bound does not pay, before it is tried again. */
  private static final int PROBE_EVERY = 64;
  /**
   * Coordinates of float distances computed by the updates (members × dim) after which
   * {@code simd = auto} builds the {@link QuantizedBound}: 2²⁸, a few hundred milliseconds
   * of scalar distances, which is what the Vector API's start-up costs a one-shot process.
   * Counting the distances computed, not tracked points × dim per centre, keeps short pruned jobs
   * scalar: ranked-batch's 100 picks on 50 000 × 128 Fashion-MNIST embeddings after 20 labeled
   * items passed the old count at the 22nd pick and paid the Vector API's start-up (cold
   * {@code select_ms} about a quarter higher than with {@code simd = scalar}).
   */
  static final long QUANTIZE_WORK = 1L << 28;

  private final DenseRows points;
  /** {@link RowKernels#underflowBound} of the dimension, added to the pruning tests' bounds. */
  private final double underflow;
  private float[][] centreColumns;
  private int[][] members;
  private int[] memberCount;
  private double[] radius2;
  private int groups;
  /** Centres added so far, and at how many centres the projection bound is built ({@link #NEVER}). */
  private int added;
  private final int projectAt;
  /**
   * The projection bound, null until built or where the data do not suit it; whether it was
   * tried, and the share of variance it must capture ({@link ProjectionBound#MIN_CAPTURED}).
   */
  private ProjectionBound projection;
  private boolean projectionTried;
  private final double minCaptured;
  /** Whether the bound pruned enough at its last use, and else when it is tried again. */
  private boolean projectionPays = true;
  private int nextProbe;
  /**
   * At how many centres the int8 codes are built ({@link #NEVER}: not at all), once the updates
   * computed {@code quantizeWork} coordinates of float distances; the coordinates so far; the codes.
   */
  private final int quantizeAt;
  private final long quantizeWork;
  private long floatWork;
  /** Whether the codes' inner products run on {@link VectorCodeKernel}. */
  private final boolean vectorCodes;
  private QuantizedBound codes;
  /** Pairs the codes tested and pruned so far, for the benchmarks' reports. */
  private long codeTests;
  private long codePrunes;

  private EuclideanTracker(JavaBackend backend, DenseRows points, int tracked, int capacity,
      int projectAt, double minCaptured, int quantizeAt, long quantizeWork) {
    super(backend, tracked);
    this.points = points;
    this.underflow = RowKernels.underflowBound(points.dim());
    this.projectAt = projectAt;
    this.quantizeAt = quantizeAt;
    this.quantizeWork = quantizeWork;
    this.vectorCodes = backend.vectorCodes() && VectorCodeKernel.usable();
    this.minCaptured = minCaptured;
    this.centreColumns = new float[points.dim()][capacity];
    this.members = new int[capacity][];
    this.memberCount = new int[capacity];
    this.radius2 = new double[capacity];
  }

  private EuclideanTracker(EuclideanTracker o) {
    super(o);
    this.points = o.points;
    this.underflow = o.underflow;
    this.centreColumns = new float[o.centreColumns.length][];
    for (int k = 0; k < centreColumns.length; k++) {
      centreColumns[k] = o.centreColumns[k].clone();
    }
    this.members = new int[o.members.length][];
    for (int g = 0; g < o.groups; g++) {
      this.members[g] = Arrays.copyOf(o.members[g], o.memberCount[g]);
    }
    this.memberCount = o.memberCount.clone();
    this.radius2 = o.radius2.clone();
    this.groups = o.groups;
    this.added = o.added;
    this.projectAt = o.projectAt;
    this.projectionTried = o.projectionTried;
    this.minCaptured = o.minCaptured;
    this.projection = o.projection;
    this.projectionPays = o.projectionPays;
    this.nextProbe = o.nextProbe;
    this.quantizeAt = o.quantizeAt;
    this.quantizeWork = o.quantizeWork;
    this.floatWork = o.floatWork;
    this.vectorCodes = o.vectorCodes;
    this.codes = o.codes;
    this.codeTests = o.codeTests;
    this.codePrunes = o.codePrunes;
  }

  /**
   * Tracks rows {@code points} of {@code data}, with rows {@code centres} as the initial centres
   * (see the class comment); both index arrays are checked by the caller.
   */
  static EuclideanTracker of(JavaBackend backend, Matrix data, int[] points, int[] centres) {
    boolean worthIt = data.cols() >= 4 * ProjectionBound.RANK && points.length >= ProjectionBound.SAMPLE;
    boolean codes = backend.vectorCodes() && points.length >= ProjectionBound.SAMPLE
        && data.cols() <= QuantizedBound.MAX_DIM && VectorCodeKernel.usable();
    return of(backend, data, points, centres, worthIt ? PROJECT_AT : NEVER, ProjectionBound.MIN_CAPTURED,
        codes ? PROJECT_AT : NEVER, backend.vectorEverywhere() ? 0 : QUANTIZE_WORK);
  }

  /**
   * As {@link #of(JavaBackend, Matrix, int[], int[])}, building the projection bound once there
   * are {@code projectAt} centres ({@link #NEVER}: not at all; it needs more than
   * {@link ProjectionBound#RANK} columns and twice as many tracked points) if its directions
   * hold at least {@code minCaptured} of a sample's variance, and the int8 codes once there are
   * {@code quantizeAt} ({@link #NEVER}: not at all; at most {@link QuantizedBound#MAX_DIM}
   * columns), their inner products on the Vector API where the backend runs it.
   */
  static EuclideanTracker of(JavaBackend backend, Matrix data, int[] points, int[] centres,
      int projectAt, double minCaptured, int quantizeAt) {
    return of(backend, data, points, centres, projectAt, minCaptured, quantizeAt, 0);
  }

  /**
   * As above, the codes built once there are {@code quantizeAt} centres and the updates computed
   * {@code quantizeWork} coordinates of float distances.
   */
  static EuclideanTracker of(JavaBackend backend, Matrix data, int[] points, int[] centres,
      int projectAt, double minCaptured, int quantizeAt, long quantizeWork) {
    int n = points.length;
    DenseRows rows = DenseRows.concat(data, points, centres);
    EuclideanTracker t = new EuclideanTracker(backend, rows, n, centres.length + 16, projectAt, minCaptured,
        quantizeAt, quantizeWork);
    if (centres.length == 0 || n == 0) {
      return t;
    }
    int[] nearest = DotNearest.of(backend, rows, n, centres.length);
    int[] order = byNearest(nearest, centres.length);
    rows.cluster(order);
    int[] counts = new int[centres.length];
    for (int x = 0; x < n; x++) {
      counts[nearest[x]]++;
    }
    for (int g = 0; g < centres.length; g++) {
      t.openGroup(n + g, new int[counts[g]], 0, 0);
    }
    for (int x : order) {
      int g = nearest[x];
      double d2 = rows.squaredDistance(x, n + g);
      t.dist2[x] = d2;
      t.members[g][t.memberCount[g]++] = x;
      t.radius2[g] = Math.max(t.radius2[g], d2);
    }
    return t;
  }

  /**
   * The tracked positions ordered by their nearest initial centre (stable counting sort), so that
   * the members of one group, which the pruned updates read together, are stored together.
   */
  private static int[] byNearest(int[] nearest, int centres) {
    int[] start = new int[centres + 1];
    for (int c : nearest) {
      start[c + 1]++;
    }
    for (int j = 0; j < centres; j++) {
      start[j + 1] += start[j];
    }
    int[] order = new int[nearest.length];
    for (int x = 0; x < nearest.length; x++) {
      order[start[nearest[x]]++] = x;
    }
    return order;
  }

  /** The first centre of a tracker that has none: one group holding every point. */
  private void startAt(int first) {
    int tracked = dist2.length;
    int[] all = new int[tracked];
    double r2 = 0;
    for (int x = 0; x < tracked; x++) {
      all[x] = x;
      dist2[x] = x == first ? 0 : points.squaredDistance(x, first);
      r2 = Math.max(r2, dist2[x]);
    }
    openGroup(first, all, tracked, r2);
    isCentre[first] = true;
  }

  @Override
  public EuclideanTracker copy() {
    return new EuclideanTracker(this);
  }

  @Override
  public double[] squaredNorms() {
    int n = dist2.length;
    double[] out = new double[n];
    float[] origin = new float[points.dim()];
    backend.parallelFor(chunks(n), t -> {
      for (int x = t * CHUNK; x < Math.min(n, (t + 1) * CHUNK); x++) {
        out[x] = points.squaredDistanceTo(x, origin, 0);
      }
    });
    return out;
  }

  /** The number of {@link #CHUNK}-point runs covering {@code n} points. */
  private static int chunks(int n) {
    return (n + CHUNK - 1) / CHUNK;
  }

  /**
   * Members tested against the int8 codes, and how many of them the codes decided without their
   * float row, since the start (0 and 0 while the codes are not built).
   */
  long[] codeCounts() {
    return new long[] {codeTests, codePrunes};
  }

  /** Coordinates of float distances the updates computed so far (members × dim). */
  long floatWork() {
    return floatWork;
  }

  /** Whether the int8 codes are built. */
  boolean quantized() {
    return codes != null;
  }

  /** The largest D² over tracked points: the squared k-center radius. */
  double squaredRadius() {
    double r = 0;
    for (int g = 0; g < groups; g++) {
      r = Math.max(r, radius2[g]);
    }
    return r;
  }

  /**
   * The non-centre tracked point with the largest D², ties to the lowest index; −1 if none. Every
   * tracked point belongs to one group and a group's radius is the largest D² of its members, so
   * only the members of groups whose radius is the largest are scanned, not all n points. (When
   * that radius is 0, every group qualifies, and centres, whose D² is 0, are passed over.)
   */
  @Override
  public int farthest() {
    double r2 = squaredRadius();
    int best = -1;
    for (int g = 0; g < groups; g++) {
      if (radius2[g] != r2) {
        continue;
      }
      int[] m = members[g];
      for (int p = 0; p < memberCount[g]; p++) {
        int x = m[p];
        if (dist2[x] == r2 && !isCentre[x] && (best < 0 || x < best)) {
          best = x;
        }
      }
    }
    return best;
  }

  /** Makes tracked point {@code c} a centre and lowers every D²(x) it improves. */
  @Override
  public void add(int c) {
    checkPosition(c);
    added++;
    if (!projectionTried && projectAt != NEVER && groups >= projectAt) {
      projectionTried = true;
      projection = ProjectionBound.of(backend, points, dist2.length, ProjectionBound.RANK,
          minCaptured);
    }
    if (codes == null && quantizeAt != NEVER && groups >= quantizeAt && floatWork >= quantizeWork) {
      codes = QuantizedBound.of(backend, points, dist2.length, vectorCodes);
    }
    if (groups == 0) {
      startAt(c);
      return;
    }
    isCentre[c] = true;
    double[] gap = new double[groups];
    RowKernels.squaredDistancesToColumns(points.row(c), centreColumns, groups, gap);
    int[] visited = new int[groups];
    int visits = 0;
    long work = 0;
    for (int g = 0; g < groups; g++) {
      if (memberCount[g] > 0 && gap[g] < 4 * (radius2[g] * SLACK + underflow)) {
        visited[visits++] = g;
        work += memberCount[g];
      }
    }
    int tasks = work < MIN_PARALLEL_MEMBERS ? 1 : backend.threads();
    int[] cut = cuts(visited, visits, work, tasks);
    Moved[] moved = new Moved[tasks];
    ProjectionBound bound = projection != null && (projectionPays || added >= nextProbe) ? projection : null;
    backend.parallelFor(tasks, t -> moved[t] = update(c, gap, visited, cut[t], cut[t + 1], bound));
    int total = 0;
    double movedRadius2 = 0;
    long tested = 0;
    long pruned = 0;
    for (Moved m : moved) {
      total += m.count;
      movedRadius2 = Math.max(movedRadius2, m.radius2);
      tested += m.tested;
      pruned += m.pruned;
      codeTests += m.codeTests;
      codePrunes += m.codePrunes;
      floatWork += m.distances * (long) points.dim();
    }
    if (bound != null) {
      projectionPays = pruned >= MIN_PRUNE_SHARE * tested;
      nextProbe = added + PROBE_EVERY;
    }

    int[] joined = new int[total];
    int at = 0;
    for (Moved m : moved) {
      System.arraycopy(m.points, 0, joined, at, m.count);
      at += m.count;
    }
    openGroup(c, joined, total, movedRadius2);
  }

  /**
   * The points one task moved to the new centre, in visiting order, and their largest D²; how
   * many points the projection bound and the codes tested and how many each pruned; how many float
   * distances it computed.
   */
  private static final class Moved {
    int[] points = new int[16];
    int count;
    double radius2;
    long tested;
    long pruned;
    long codeTests;
    long codePrunes;
    long distances;

    void add(int x, double d2) {
      if (count == points.length) {
        points = Arrays.copyOf(points, count * 2);
      }
      points[count++] = x;
      radius2 = Math.max(radius2, d2);
    }
  }

  /**
   * Task boundaries: {@code tasks + 1} positions in {@code visited[0, visits)}, cutting it into
   * contiguous runs of about {@code work / tasks} members each.
   */
  private int[] cuts(int[] visited, int visits, long work, int tasks) {
    int[] cut = new int[tasks + 1];
    long seen = 0;
    int v = 0;
    for (int t = 1; t < tasks; t++) {
      long target = work * t / tasks;
      while (v < visits && seen < target) {
        seen += memberCount[visited[v++]];
      }
      cut[t] = v;
    }
    cut[tasks] = visits;
    return cut;
  }

  /**
   * Updates the members of groups {@code visited[from, to)} against the new centre {@code c},
   * testing each against {@code bound} first unless it is null.
   */
  private Moved update(int c, double[] gap, int[] visited, int from, int to, ProjectionBound bound) {
    Moved moved = new Moved();
    int cSlot = points.slotOf(c);
    for (int v = from; v < to; v++) {
      int g = visited[v];
      double dco = gap[g];
      int[] m = members[g];
      int kept = 0;
      double r2 = 0;
      for (int p = 0; p < memberCount[g]; p++) {
        int x = m[p];
        double dx = dist2[x];
        if (x == c) {
          dist2[x] = 0;
          moved.add(x, 0);
          continue;
        }
        if (dco < 4 * (dx * SLACK + underflow)) {
          boolean far = false;
          if (bound != null) {
            moved.tested++;
            far = bound.cannotLower(points.slotOf(x), cSlot, dx);
            if (far) {
              moved.pruned++;
            }
          }
          if (!far && codes != null) {
            moved.codeTests++;
            far = codes.cannotLower(points.slotOf(x), cSlot, dx);
            if (far) {
              moved.codePrunes++;
            }
          }
          if (!far) {
            moved.distances++;
            double d = points.squaredDistance(c, x);
            if (d < dx) {
              dist2[x] = d;
              moved.add(x, d);
              continue;
            }
          }
        }
        m[kept++] = x;
        r2 = Math.max(r2, dx);
      }
      memberCount[g] = kept;
      radius2[g] = r2;
    }
    return moved;
  }

  private void openGroup(int centre, int[] groupMembers, int count, double groupRadius2) {
    if (groups == members.length) {
      int cap = groups * 2;
      for (int k = 0; k < centreColumns.length; k++) {
        centreColumns[k] = Arrays.copyOf(centreColumns[k], cap);
      }
      members = Arrays.copyOf(members, cap);
      memberCount = Arrays.copyOf(memberCount, cap);
      radius2 = Arrays.copyOf(radius2, cap);
    }
    float[] row = points.row(centre);
    for (int k = 0; k < row.length; k++) {
      centreColumns[k][groups] = row[k];
    }
    members[groups] = groupMembers;
    memberCount[groups] = count;
    radius2[groups] = groupRadius2;
    groups++;
  }
}
