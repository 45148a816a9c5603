package org.alkit.diversity;

import org.alkit.api.Matrix;

/**
 * BADGE's last-layer gradient embeddings g ⊗ h, kept factorised: for each item the gradient of
 * the cross-entropy at the predicted label with respect to the logits, g = p − onehot(argmax p)
 * (C values), and the penultimate features h (d values). The C·d-wide embedding is never
 * materialised; distances use
 * <pre>  ‖g⊗h − g'⊗h'‖² = ‖g‖²‖h‖² + ‖g'‖²‖h'‖² − 2 (g·g')(h·h')</pre>
 * with ‖g‖² and ‖h‖² precomputed, so one distance costs {@code O(C + d)}.
 *
 * <p><b>Layout.</b> Items are stored in tiles of {@value #TILE}, each tile column-major (one
 * contiguous array per class or feature), copied once from the signals. The distances from one
 * item to a whole tile ({@link #squaredDistancesTo}) are then two row-times-tile products whose
 * inner loops run over contiguous floats, which the JIT vectorises (see
 * {@link Kernels#dotColumns}).
 *
 * <p>The sign of g follows DISTIL (p − onehot); the original BADGE uses onehot − p. Norms and
 * distances do not depend on it.
 */
final class FactorisedGradients implements Points {
  /** Items per tile. */
  static final int TILE = 256;

  private final float[][][] g;
  private final float[][][] h;
  private final int size;
  private final int classes;
  private final int dim;
  private final double[] gNorm2;
  private final double[] hNorm2;

  private FactorisedGradients(float[][][] g, float[][][] h, int size, int classes, int dim) {
    this.g = g;
    this.h = h;
    this.size = size;
    this.classes = classes;
    this.dim = dim;
    this.gNorm2 = new double[size];
    this.hNorm2 = new double[size];
    for (int t = 0; t < g.length; t++) {
      squaredNorms(g[t], t, gNorm2);
      squaredNorms(h[t], t, hNorm2);
    }
  }

  /** The gradient embeddings of the given rows of probabilities {@code p} and features {@code h}. */
  static FactorisedGradients of(Matrix p, Matrix features, int[] rows) {
    int c = p.cols();
    int d = features.cols();
    int tiles = (rows.length + TILE - 1) / TILE;
    float[][][] g = new float[tiles][][];
    float[][][] h = new float[tiles][][];
    float[] row = new float[Math.max(c, d)];
    for (int t = 0; t < tiles; t++) {
      int width = Math.min(TILE, rows.length - t * TILE);
      g[t] = new float[c][width];
      h[t] = new float[d][width];
      for (int j = 0; j < width; j++) {
        int i = rows[t * TILE + j];
        p.copyRow(i, row);
        int arg = ProbabilityRows.argmax(p, i);
        for (int k = 0; k < c; k++) {
          g[t][k][j] = row[k] - (k == arg ? 1f : 0f);
        }
        features.copyRow(i, row);
        for (int k = 0; k < d; k++) {
          h[t][k][j] = row[k];
        }
      }
    }
    return new FactorisedGradients(g, h, rows.length, c, d);
  }

  @Override
  public int size() {
    return size;
  }

  /** The number of tiles. */
  int tiles() {
    return g.length;
  }

  @Override
  public double squaredDistance(int i, int j) {
    double gg = dot(g, i, j, classes);
    double hh = dot(h, i, j, dim);
    double d2 = gNorm2[i] * hNorm2[i] + gNorm2[j] * hNorm2[j] - 2 * gg * hh;
    return Math.max(0, d2);
  }

  /** ‖g_i ⊗ h_i‖² = ‖g_i‖²‖h_i‖². */
  double squaredNorm(int i) {
    return gNorm2[i] * hNorm2[i];
  }

  /** g_i (C values). */
  float[] gradient(int i) {
    return column(g, i, classes);
  }

  /** h_i (d values). */
  float[] features(int i) {
    return column(h, i, dim);
  }

  /**
   * ‖x − c‖² for every item x of tile {@code t}, into {@code out[0, width)}, given c's factors
   * {@code gc = gradient(c)} and {@code hc = features(c)}; {@code gg} and {@code hh} are scratch
   * arrays of {@value #TILE} floats. Clamped at 0 like {@link #squaredDistance}.
   */
  void squaredDistancesTo(int c, float[] gc, float[] hc, int t, float[] gg, float[] hh,
      double[] out) {
    int x0 = t * TILE;
    int width = Math.min(TILE, size - x0);
    Kernels.dotColumns(gc, g[t], width, gg);
    Kernels.dotColumns(hc, h[t], width, hh);
    double cNorm2 = squaredNorm(c);
    for (int j = 0; j < width; j++) {
      double d2 = gNorm2[x0 + j] * hNorm2[x0 + j] + cNorm2 - 2.0 * gg[j] * hh[j];
      out[j] = Math.max(0, d2);
    }
  }

  /** The explicit C·d row g_i ⊗ h_i, index c·d + j holding g_c·h_j (for checks on single items). */
  float[] materialise(int i) {
    float[] gi = gradient(i);
    float[] hi = features(i);
    float[] out = new float[classes * dim];
    for (int c = 0; c < classes; c++) {
      for (int j = 0; j < dim; j++) {
        out[c * dim + j] = gi[c] * hi[j];
      }
    }
    return out;
  }

  private static float[] column(float[][][] tiles, int i, int length) {
    float[][] tile = tiles[i / TILE];
    int j = i % TILE;
    float[] out = new float[length];
    for (int k = 0; k < length; k++) {
      out[k] = tile[k][j];
    }
    return out;
  }

  private static double dot(float[][][] tiles, int i, int j, int length) {
    float[][] ti = tiles[i / TILE];
    float[][] tj = tiles[j / TILE];
    int a = i % TILE;
    int b = j % TILE;
    double s = 0;
    for (int k = 0; k < length; k++) {
      s += (double) ti[k][a] * tj[k][b];
    }
    return s;
  }

  /** Σ_k tile[k][j]² for every item j of the tile, summed in double. */
  private static void squaredNorms(float[][] tile, int t, double[] out) {
    int x0 = t * TILE;
    for (float[] column : tile) {
      for (int j = 0; j < column.length; j++) {
        out[x0 + j] += (double) column[j] * column[j];
      }
    }
  }
}
