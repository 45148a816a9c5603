package org.alkit.diversity;

/**
 * Each query row's nearest reference row, exactly as a brute-force scan with {@link
 * DenseRows#squaredDistance} would find it (ties to the lower reference index), at matrix-product
 * speed. This is the first step of greedy k-center (Sener &amp; Savarese 2018, Algorithm 3): the
 * nearest labeled item of every unlabeled item.
 *
 * <p><b>Candidates by expansion.</b> All rows are shifted by the references' mean μ (distances do
 * not change; norms shrink), then
 * <pre>  ‖x − r‖² ≈ v = ‖x'‖² + ‖r'‖² − 2 x'·r',   x' = x − μ, r' = r − μ.</pre>
 * The dot products come from a tile kernel over column-major reference tiles whose inner loop
 * runs over contiguous floats of one column with no reduction, so the JIT turns it into SIMD
 * multiply-adds (four columns per pass keep the accumulator traffic low).
 *
 * <p><b>Exact re-check.</b> Float rounding bounds the error of v and of the exact value e alike:
 * both are within {@code ε = ERROR·(d + 16)·2⁻²⁴·(‖x'‖² + ‖r'‖²)} of the true distance. Scanning
 * the references in order, e is computed only when {@code v − ε ≤ best} (the reference might beat
 * the best exact value so far), and replaces the best only when strictly smaller. Any reference
 * whose exact value could win is therefore checked, so the result is the brute-force one, ties
 * included; typically only a handful of references per row are recomputed.
 *
 * <p>Query rows are split into blocks of {@value #BLOCK} that run on the given {@link Workers};
 * each row is handled by one thread in a fixed order, so the result does not depend on the thread
 * count. Memory: one transposed copy of the references ({@code refs·d} floats) and
 * {@code O(d + TILE)} per task.
 */
final class NearestRows {
  /** Reference columns per tile: 256 columns of d ≤ 512 floats stay in a 512 KiB L2. */
  static final int TILE = 256;
  /** Query rows per parallel task. */
  static final int BLOCK = 64;
  /** Safety factor on the rounding-error bound of the expansion and the exact distance. */
  private static final double ERROR = 2;
  private static final double UNIT_ROUNDOFF = 0x1p-24;

  private NearestRows() {}

  /**
   * @param index for each query row, the position of its nearest reference in {@code [0, refs)}
   * @param squaredDistances the exact {@link DenseRows#squaredDistance} to that reference
   */
  record Result(int[] index, double[] squaredDistances) {}

  /**
   * The nearest row of {@code [refFrom, refTo)} for every row of {@code [queryFrom, queryTo)},
   * all rows of {@code points}; at least one reference.
   */
  static Result find(DenseRows points, int queryFrom, int queryTo, int refFrom, int refTo,
      Workers workers) {
    int d = points.dim();
    int queries = queryTo - queryFrom;
    int refs = refTo - refFrom;
    float[] mean = points.mean(refFrom, refTo);
    float[][][] tiles = new float[(refs + TILE - 1) / TILE][][];
    double[] refNorm2 = new double[refs];
    for (int t = 0; t < tiles.length; t++) {
      int from = refFrom + t * TILE;
      tiles[t] = points.centredColumns(from, Math.min(refTo, from + TILE), mean);
    }
    float[] row = new float[d];
    for (int j = 0; j < refs; j++) {
      points.centredRow(refFrom + j, mean, row);
      refNorm2[j] = squaredNorm(row);
    }
    double tolerance = ERROR * (d + 16) * UNIT_ROUNDOFF;
    int[] index = new int[queries];
    double[] dist2 = new double[queries];
    workers.forEach((queries + BLOCK - 1) / BLOCK, task -> {
      float[] q = new float[d];
      float[] dots = new float[TILE];
      int end = Math.min(queries, (task + 1) * BLOCK);
      for (int i = task * BLOCK; i < end; i++) {
        int x = queryFrom + i;
        points.centredRow(x, mean, q);
        double qNorm2 = squaredNorm(q);
        double best = Double.POSITIVE_INFINITY;
        int bestJ = -1;
        for (int t = 0; t < tiles.length; t++) {
          int j0 = t * TILE;
          int width = Math.min(TILE, refs - j0);
          Kernels.dotColumns(q, tiles[t], width, dots);
          for (int j = 0; j < width; j++) {
            double scale = qNorm2 + refNorm2[j0 + j];
            double approx = scale - 2.0 * dots[j];
            if (approx - tolerance * scale <= best) {
              double exact = points.squaredDistance(x, refFrom + j0 + j);
              if (exact < best) {
                best = exact;
                bestJ = j0 + j;
              }
            }
          }
        }
        index[i] = bestJ;
        dist2[i] = best;
      }
    });
    return new Result(index, dist2);
  }

  private static double squaredNorm(float[] v) {
    return Kernels.dot(v, 0, v, 0, v.length);
  }
}
