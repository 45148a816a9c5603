package org.alkit.commons;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.Arrays;
import org.alkit.api.CentreTracker;
import org.alkit.api.ComputeBackend;
import org.alkit.api.InvalidInputException;
import org.apiguardian.api.API;

/**
 * What alkit's centre trackers share: D² and the centre flags of the tracked points, and the scans
 * over them that need no geometry ({@link #sample}, a plain {@link #farthest}). Subclasses define
 * the distance and {@link #add}, and run their updates on {@link #backend}'s workers: the
 * {@code java} backend's Euclidean tracker and BADGE's {@link GradientCentreTracker}.
 */
@API(status = INTERNAL, since = "0.2")
public abstract class AbstractCentreTracker implements CentreTracker {
  /** The backend whose workers run the updates. */
  protected final ComputeBackend backend;
  /** D²(x) of each tracked point. */
  protected final double[] dist2;
  /** Whether each tracked point is a centre. */
  protected final boolean[] isCentre;

  /** {@code tracked} points, each at D² = +∞ and no centre. */
  protected AbstractCentreTracker(ComputeBackend backend, int tracked) {
    this.backend = backend;
    this.dist2 = new double[tracked];
    this.isCentre = new boolean[tracked];
    Arrays.fill(dist2, Double.POSITIVE_INFINITY);
  }

  /** A copy of {@code o}'s distances and flags. */
  protected AbstractCentreTracker(AbstractCentreTracker o) {
    this.backend = o.backend;
    this.dist2 = o.dist2.clone();
    this.isCentre = o.isCentre.clone();
  }

  @Override
  public final int size() {
    return dist2.length;
  }

  @Override
  public final double squaredDistance(int x) {
    return dist2[x];
  }

  @Override
  public final void squaredDistances(double[] into) {
    System.arraycopy(dist2, 0, into, 0, dist2.length);
  }

  @Override
  public final boolean isCentre(int x) {
    return isCentre[x];
  }

  /** The first non-centre point of largest D², by a scan of every point. */
  @Override
  public int farthest() {
    int best = -1;
    for (int x = 0; x < dist2.length; x++) {
      if (!isCentre[x] && (best < 0 || dist2[x] > dist2[best])) {
        best = x;
      }
    }
    return best;
  }

  @Override
  public final int sample(double u) {
    int n = dist2.length;
    double total = 0;
    for (int x = 0; x < n; x++) {
      if (!isCentre[x]) {
        total += dist2[x];
      }
    }
    int last = -1;
    if (total > 0) {
      double target = u * total;
      double cumulative = 0;
      for (int x = 0; x < n; x++) {
        if (isCentre[x] || dist2[x] <= 0) {
          continue;
        }
        cumulative += dist2[x];
        last = x;
        if (cumulative > target) {
          return x;
        }
      }
      return last;
    }
    for (int x = 0; x < n; x++) {
      if (!isCentre[x]) {
        return x;
      }
    }
    throw new IllegalStateException("every one of the " + n + " tracked points is a centre; nothing left to draw");
  }

  /** Checks a position given to {@link #add}. */
  protected final void checkPosition(int c) {
    if (c < 0 || c >= dist2.length) {
      throw new IndexOutOfBoundsException("position " + c + " is outside the " + dist2.length
          + " tracked points");
    }
  }

  /**
   * Checks the row indices a tracker is built on.
   *
   * @param name the argument's name in the message, e.g. {@code points}
   * @throws InvalidInputException naming {@code name} and the first index outside {@code [0, rows)}
   */
  public static void checkRows(String name, int[] indices, int rows) {
    for (int i : indices) {
      if (i < 0 || i >= rows) {
        throw new InvalidInputException(name + " holds row " + i + ", outside the matrix's rows [0, "
            + rows + ")");
      }
    }
  }
}
