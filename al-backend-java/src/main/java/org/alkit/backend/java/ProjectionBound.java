package org.alkit.backend.java;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.alkit.api.ComputeBackend;
import org.alkit.api.Matrix;

/**
 * A lower bound on Euclidean distances read from a few coordinates per point: for a matrix P with
 * orthonormal rows, ‖P(x − c)‖ ≤ ‖x − c‖ (an orthogonal projection is a contraction). Every row x
 * is stored with its r projected coordinates Px, so the bound for a pair costs r floats instead of
 * the d of the distance. The k-center update ({@link EuclideanTracker}) asks {@link #cannotLower}
 * first and computes the exact distance only where the bound cannot decide; it changes which
 * distances are computed, never a value.
 *
 * <p><b>Directions.</b> The bound is tight for pairs whose difference lies near the span of P, so
 * P spans (approximately) the top-r principal directions of the data: randomized subspace
 * iteration (Halko, Martinsson &amp; Tropp, "Finding Structure with Randomness", SIAM Review 2011,
 * Algorithm 4.4) on {@value #SAMPLE} evenly spaced, centred rows, orthonormalising each step
 * in double. The start matrix comes from a fixed seed and the sample
 * does not depend on threads, so P, and with it which distances are computed, is reproducible.
 * Any orthonormal P gives a valid bound; the quality of the subspace only decides how often it
 * prunes. On isotropic data no r-dimensional subspace holds much of a distance, and the bound
 * rarely prunes.
 *
 * <p><b>Rounding.</b> Px is computed with the backend's {@link JavaBackend#gram} in float: each
 * coordinate is off by at most about d·2⁻²⁴·‖x‖ (any summation order; ‖P_j‖ = 1), so the
 * projected distance is off by at most {@code tolerance(x) + tolerance(c)} with
 * tolerance(x) = {@value #ROUNDING_FACTOR}·√r·d·2⁻²⁴·‖x‖, which {@link #cannotLower} subtracts
 * before it compares. P itself is stored in float, which stretches a projected length by at most
 * a factor 1 + √r·2⁻²⁴; the squared comparison keeps a relative slack far above that.
 *
 * <p>Memory: r floats and one double per row.
 */
final class ProjectionBound {
  /** Projected coordinates per row (r). */
  static final int RANK = 32;
  /** Rows sampled to estimate the principal directions. */
  static final int SAMPLE = 512;
  /** Subspace iterations (each one multiplication by XᵀX). */
  private static final int ITERATIONS = 2;
  /** Seed of the random start subspace. */
  private static final long SEED = 0x5EED_C0DEL;
  /** Safety factor over the worst float rounding of a projected coordinate. */
  private static final double ROUNDING_FACTOR = 4;
  /**
   * Share of the sample's variance the r directions must hold for the bound to be built: below
   * it (isotropic data: about r/d) projected distances fall short of the distances the bound is
   * compared with, and it would cost more than it prunes.
   */
  static final double MIN_CAPTURED = 0.5;
  /** Relative slack on the squared comparison, as the triangle-inequality test's. */
  private static final double SLACK = 1.001;

  private final int rank;
  /** Row-major r coordinates of each row, in the rows' stored order ({@link DenseRows#slotOf}). */
  private final float[] coords;
  /** Upper bound on the rounding of each row's projected coordinates, as a length (stored order). */
  private final double[] tolerance;
  /** {@link RowKernels#underflowBound} of the rows' dimension. */
  private final double underflow;

  private ProjectionBound(int rank, float[] coords, double[] tolerance, int dim) {
    this.rank = rank;
    this.coords = coords;
    this.tolerance = tolerance;
    this.underflow = RowKernels.underflowBound(dim);
  }

  /**
   * Projects every row of {@code rows} on the top-{@code rank} principal subspace of a sample of
   * its first {@code sampled} rows; null, with only the sample's cost spent, when that subspace
   * holds less than {@code minCaptured} of the sample's variance. Needs
   * {@code rows.dim() > rank} and {@code sampled >= 2·rank}.
   */
  static ProjectionBound of(ComputeBackend backend, DenseRows rows, int sampled, int rank,
      double minCaptured) {
    int d = rows.dim();
    if (d <= rank || sampled < 2 * rank) {
      throw new IllegalArgumentException("a rank-" + rank + " projection needs more than " + rank
          + " coordinates (got " + d + ") and at least " + 2 * rank + " sampled rows (got " + sampled + ")");
    }
    float[] directions = directions(rows, sampled, rank, minCaptured);
    if (directions == null) {
      return null;
    }
    Matrix projected = backend.gram(rows.stored(), Matrix.wrap(rank, d, directions));
    int total = rows.size();
    double[] tolerance = new double[total];
    double perNorm = ROUNDING_FACTOR * Math.sqrt(rank) * d * 0x1p-24;
    float[] origin = new float[d];
    backend.parallelFor((total + EuclideanTracker.CHUNK - 1) / EuclideanTracker.CHUNK, t -> {
      for (int x = t * EuclideanTracker.CHUNK; x < Math.min(total, (t + 1) * EuclideanTracker.CHUNK); x++) {
        tolerance[rows.slotOf(x)] = perNorm * Math.sqrt(rows.squaredDistanceTo(x, origin, 0));
      }
    });
    return new ProjectionBound(rank, projected.toArray(), tolerance, d);
  }

  /**
   * Whether ‖x − c‖² is certainly at least {@code current}·(1 + slack) plus what a float distance
   * loses to underflow ({@link RowKernels#underflowBound}), so that the float distance of x to c
   * cannot lower x's squared distance {@code current}; x and c are given by
   * their stored positions ({@link DenseRows#slotOf}).
   */
  boolean cannotLower(int xSlot, int cSlot, double current) {
    double projected = Math.sqrt(RowKernels.squaredDistance(coords, xSlot * rank, coords, cSlot * rank, rank));
    double lower = projected * (1 - 1e-5) - tolerance[xSlot] - tolerance[cSlot];
    return lower > 0 && lower * lower >= current * SLACK + underflow;
  }

  /**
   * r orthonormal directions (row-major r × d, float) spanning approximately the top principal
   * subspace of {@value #SAMPLE} evenly spaced rows among the first {@code sampled}; null when
   * they hold less than {@code minCaptured} of the centred sample's squared norm.
   */
  private static float[] directions(DenseRows rows, int sampled, int rank, double minCaptured) {
    int d = rows.dim();
    int s = Math.min(SAMPLE, sampled);
    double[][] x = new double[s][d];
    double[] mean = new double[d];
    for (int i = 0; i < s; i++) {
      float[] row = rows.row((int) ((long) i * sampled / s));
      for (int k = 0; k < d; k++) {
        x[i][k] = row[k];
        mean[k] += row[k];
      }
    }
    double total = 0;
    for (double[] row : x) {
      for (int k = 0; k < d; k++) {
        row[k] -= mean[k] / s;
        total += row[k] * row[k];
      }
    }
    SplittableRandom random = new SplittableRandom(SEED);
    double[][] basis = new double[rank][d];
    for (double[] b : basis) {
      for (int k = 0; k < d; k++) {
        b[k] = random.nextGaussian();
      }
    }
    orthonormalise(basis);
    double[][] scores = new double[rank][s];
    for (int it = 0; it < ITERATIONS; it++) {
      multiply(x, basis, scores);
      orthonormalise(scores);
      multiplyTransposed(x, scores, basis);
      orthonormalise(basis);
    }
    multiply(x, basis, scores);
    double captured = 0;
    for (double[] sc : scores) {
      for (double v : sc) {
        captured += v * v;
      }
    }
    if (captured < minCaptured * total) {
      return null;
    }
    float[] out = new float[rank * d];
    for (int j = 0; j < rank; j++) {
      for (int k = 0; k < d; k++) {
        out[j * d + k] = (float) basis[j][k];
      }
    }
    return out;
  }

  /** {@code scores[j][i] = x_i · basis_j}. */
  private static void multiply(double[][] x, double[][] basis, double[][] scores) {
    for (int j = 0; j < basis.length; j++) {
      for (int i = 0; i < x.length; i++) {
        double dot = 0;
        for (int k = 0; k < basis[j].length; k++) {
          dot += x[i][k] * basis[j][k];
        }
        scores[j][i] = dot;
      }
    }
  }

  /** {@code basis[j] = Σ_i scores[j][i] · x_i}. */
  private static void multiplyTransposed(double[][] x, double[][] scores, double[][] basis) {
    for (int j = 0; j < basis.length; j++) {
      Arrays.fill(basis[j], 0);
      for (int i = 0; i < x.length; i++) {
        double w = scores[j][i];
        for (int k = 0; k < basis[j].length; k++) {
          basis[j][k] += w * x[i][k];
        }
      }
    }
  }

  /**
   * Makes the vectors orthonormal in place: modified Gram–Schmidt run twice ("twice is enough",
   * Giraud et al., Numer. Math. 2005), which leaves them orthonormal to double rounding. A vector
   * that vanishes against the earlier ones is replaced by zeros, which keeps the projection a
   * contraction. (Hand-written rather than EJML's QR: the engine's OSGi bundle imports no EJML.)
   */
  private static void orthonormalise(double[][] v) {
    for (int j = 0; j < v.length; j++) {
      double before = norm(v[j]);
      for (int pass = 0; pass < 2; pass++) {
        for (int i = 0; i < j; i++) {
          double dot = 0;
          for (int k = 0; k < v[j].length; k++) {
            dot += v[j][k] * v[i][k];
          }
          for (int k = 0; k < v[j].length; k++) {
            v[j][k] -= dot * v[i][k];
          }
        }
      }
      double after = norm(v[j]);
      double scale = after > 1e-10 * before ? 1 / after : 0;
      for (int k = 0; k < v[j].length; k++) {
        v[j][k] *= scale;
      }
    }
  }

  private static double norm(double[] v) {
    double s = 0;
    for (double t : v) {
      s += t * t;
    }
    return Math.sqrt(s);
  }
}
