package org.alkit.diversity;

import java.util.Arrays;

/**
 * The incremental min-distance update shared by greedy k-center, its doubt-weighted variant and
 * k-means++ on embeddings (BADGE has its own, {@link GradientMinDistances}): for every tracked point x it keeps D²(x) = min over centres c of
 * ‖x − c‖² and the centre that attains it, and {@link #add} folds in one new centre.
 *
 * <p><b>Pruning.</b> A naive update streams all n rows per new centre. Points are grouped by
 * their current centre o, and each group keeps its radius r_o = max D(x) over its members. By the
 * triangle inequality ‖x − c‖ ≥ ‖c − o‖ − ‖x − o‖, so a new centre c cannot bring x closer when
 * ‖c − o‖ ≥ 2·D(x): a whole group is skipped when ‖c − o‖² ≥ 4·r_o², and inside a visited group
 * each member is checked the same way before its distance is computed. The test keeps a relative
 * slack of {@value #SLACK} against rounding, so the result equals the naive update's. The price
 * is one centre–centre distance per non-empty group and {@code O(n)} extra ints for the groups.
 *
 * <p>Memory: {@code O(n + centres)} beyond the points. Points {@code [0, tracked)} are tracked;
 * higher point indices may serve as centres only (the labeled items of core-set).
 */
final class NearestCentres implements MinDistances {
  /** Relative slack on the squared pruning test, far above float rounding of a distance. */
  private static final double SLACK = 1.001;

  private final Points points;
  private final double[] dist2;
  private final boolean[] isCentre;
  private int[] centreItem;
  private int[][] members;
  private int[] memberCount;
  private double[] radius2;
  private int groups;

  private NearestCentres(Points points, int tracked, int capacity) {
    this.points = points;
    this.dist2 = new double[tracked];
    this.isCentre = new boolean[tracked];
    this.centreItem = new int[capacity];
    this.members = new int[capacity][];
    this.memberCount = new int[capacity];
    this.radius2 = new double[capacity];
  }

  private NearestCentres(NearestCentres o) {
    this.points = o.points;
    this.dist2 = o.dist2.clone();
    this.isCentre = o.isCentre.clone();
    this.centreItem = o.centreItem.clone();
    this.members = new int[o.members.length][];
    for (int g = 0; g < o.groups; g++) {
      this.members[g] = Arrays.copyOf(o.members[g], o.memberCount[g]);
    }
    this.memberCount = o.memberCount.clone();
    this.radius2 = o.radius2.clone();
    this.groups = o.groups;
  }

  /**
   * Tracks points {@code [0, tracked)} whose nearest centres are already known.
   *
   * @param centres point indices of the initial centres, none below {@code tracked}
   * @param nearest for each tracked point, the position in {@code centres} of its nearest centre
   * @param squaredDistances for each tracked point, its squared distance to that centre
   */
  static NearestCentres assigned(Points points, int tracked, int[] centres, int[] nearest,
      double[] squaredDistances) {
    NearestCentres nc = new NearestCentres(points, tracked, centres.length + 16);
    int[] counts = new int[centres.length];
    for (int x = 0; x < tracked; x++) {
      counts[nearest[x]]++;
    }
    for (int g = 0; g < centres.length; g++) {
      nc.openGroup(centres[g], new int[counts[g]]);
    }
    for (int x = 0; x < tracked; x++) {
      int g = nearest[x];
      nc.dist2[x] = squaredDistances[x];
      nc.members[g][nc.memberCount[g]++] = x;
      nc.radius2[g] = Math.max(nc.radius2[g], squaredDistances[x]);
    }
    return nc;
  }

  /** Tracks points {@code [0, tracked)} with the single tracked centre {@code first}. */
  static NearestCentres startingAt(Points points, int tracked, int first) {
    NearestCentres nc = new NearestCentres(points, tracked, 16);
    int[] all = new int[tracked];
    double r2 = 0;
    for (int x = 0; x < tracked; x++) {
      all[x] = x;
      nc.dist2[x] = x == first ? 0 : points.squaredDistance(x, first);
      r2 = Math.max(r2, nc.dist2[x]);
    }
    int g = nc.openGroup(first, all);
    nc.memberCount[g] = tracked;
    nc.radius2[g] = r2;
    nc.isCentre[first] = true;
    return nc;
  }

  /** An independent copy (for beam search). */
  NearestCentres copy() {
    return new NearestCentres(this);
  }

  /** The number of tracked points. */
  @Override
  public int tracked() {
    return dist2.length;
  }

  /** D²(x): the squared distance of tracked point x to its nearest centre. */
  @Override
  public double squaredDistance(int x) {
    return dist2[x];
  }

  /** Whether tracked point x has been made a centre. */
  @Override
  public boolean isCentre(int x) {
    return isCentre[x];
  }

  /** The largest D² over tracked points: the squared k-center radius. */
  double squaredRadius() {
    double r = 0;
    for (int g = 0; g < groups; g++) {
      r = Math.max(r, radius2[g]);
    }
    return r;
  }

  /** The non-centre tracked point with the largest D², ties to the lowest index; −1 if none. */
  int farthest() {
    int best = -1;
    double bestD = Double.NEGATIVE_INFINITY;
    for (int x = 0; x < dist2.length; x++) {
      if (!isCentre[x] && dist2[x] > bestD) {
        bestD = dist2[x];
        best = x;
      }
    }
    return best;
  }

  /** Makes tracked point {@code c} a centre and lowers every D²(x) it improves. */
  @Override
  public void add(int c) {
    isCentre[c] = true;
    int[] moved = new int[16];
    int movedCount = 0;
    double movedRadius2 = 0;
    for (int g = 0; g < groups; g++) {
      if (memberCount[g] == 0) {
        continue;
      }
      double dco = points.squaredDistance(c, centreItem[g]);
      if (dco >= 4 * radius2[g] * SLACK) {
        continue;
      }
      int[] m = members[g];
      int kept = 0;
      double r2 = 0;
      for (int p = 0; p < memberCount[g]; p++) {
        int x = m[p];
        double dx = dist2[x];
        if (x != c && dco >= 4 * dx * SLACK) {
          m[kept++] = x;
          r2 = Math.max(r2, dx);
          continue;
        }
        double d = x == c ? 0 : points.squaredDistance(c, x);
        if (d < dx || x == c) {
          dist2[x] = d;
          if (movedCount == moved.length) {
            moved = Arrays.copyOf(moved, movedCount * 2);
          }
          moved[movedCount++] = x;
          movedRadius2 = Math.max(movedRadius2, d);
        } else {
          m[kept++] = x;
          r2 = Math.max(r2, dx);
        }
      }
      memberCount[g] = kept;
      radius2[g] = r2;
    }
    int g = openGroup(c, moved);
    memberCount[g] = movedCount;
    radius2[g] = movedRadius2;
  }

  private int openGroup(int centre, int[] groupMembers) {
    if (groups == centreItem.length) {
      int cap = groups * 2;
      centreItem = Arrays.copyOf(centreItem, cap);
      members = Arrays.copyOf(members, cap);
      memberCount = Arrays.copyOf(memberCount, cap);
      radius2 = Arrays.copyOf(radius2, cap);
    }
    centreItem[groups] = centre;
    members[groups] = groupMembers;
    return groups++;
  }
}
