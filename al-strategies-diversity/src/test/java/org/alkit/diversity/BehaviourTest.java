package org.alkit.diversity;

import static org.alkit.diversity.KCenterPropertiesTest.select;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import org.alkit.api.Matrix;
import org.alkit.api.Selection;
import org.alkit.api.SelectionContext;
import org.junit.jupiter.api.Test;

/** Hand-checked behaviour of kmeans, cluster-margin, CAL and the average-linkage tree. */
class BehaviourTest {

  /** Three tight blobs at x = 0, 10, 20 (items i % 3), 30 items. */
  private static Matrix blobs(SplittableRandom rng) {
    float[][] rows = new float[30][2];
    for (int i = 0; i < 30; i++) {
      rows[i][0] = 10 * (i % 3) + (float) rng.nextDouble() * 0.1f;
      rows[i][1] = (float) rng.nextDouble() * 0.1f;
    }
    return Matrix.of(rows);
  }

  @Test
  void kmeansTakesOneRepresentativePerBlob() {
    Matrix e = blobs(new SplittableRandom(1));
    Selection sel = select(new KMeansProvider(), Map.of(), Pools.context(e, null, 0, 3, 5));
    assertThat(Arrays.stream(sel.indices()).map(i -> i % 3).sorted().toArray()).containsExactly(0, 1, 2);
    assertThat(sel.scores()).containsExactly(10, 10, 10);
  }

  @Test
  void kmeansPrefilterPicksOnlyLowMarginItems() {
    SplittableRandom rng = new SplittableRandom(2);
    Matrix e = blobs(rng);
    float[][] p = new float[30][];
    for (int i = 0; i < 30; i++) {
      p[i] = i < 10 ? new float[] {0.5f, 0.5f} : new float[] {0.95f, 0.05f};
    }
    Selection sel = select(new KMeansProvider(), Map.of("prefilter", "2"),
        Pools.context(e, Matrix.of(p), 0, 4, 5));
    assertThat(sel.indices()).hasSize(4).doesNotHaveDuplicates();
    assertThat(Arrays.stream(sel.indices()).boxed()).allMatch(i -> i < 10);
  }

  @Test
  void clusterMarginVisitsEveryClusterBeforeRepeatingOne() {
    Matrix e = blobs(new SplittableRandom(3));
    float[][] p = new float[30][];
    for (int i = 0; i < 30; i++) {
      float m = (i % 3 == 0 ? 0.0f : 0.2f) + i * 0.001f; // blob 0 most uncertain
      p[i] = new float[] {(1 + m) / 2, (1 - m) / 2};
    }
    Selection sel = select(new ClusterMarginProvider(), Map.of("clusters", "3", "candidates", "3"),
        Pools.context(e, Matrix.of(p), 0, 6, 1));
    int[] blobOf = Arrays.stream(sel.indices()).map(i -> i % 3).toArray();
    assertThat(Arrays.copyOf(blobOf, 3)).doesNotHaveDuplicates();
    assertThat(Arrays.copyOfRange(blobOf, 3, 6)).doesNotHaveDuplicates();
  }

  @Test
  void calScoresMeanKlFromNearestLabeledNeighbours() {
    // labeled 0 at (0,0) p=(0.9,0.1), labeled 1 at (10,0) p=(0.1,0.9); item 2 at (1,0), item 3 at (9,0)
    Matrix e = Matrix.of(new float[][] {{0, 0}, {10, 0}, {1, 0}, {9, 0}});
    Matrix p = Matrix.of(new float[][] {{0.9f, 0.1f}, {0.1f, 0.9f}, {0.2f, 0.8f}, {0.15f, 0.85f}});
    SelectionContext ctx = Pools.context(e, p, 2, 2, 1);
    Selection sel = select(new CalProvider(), Map.of("neighbors", "1"), ctx);
    double kl2 = kl(0.9, 0.1, 0.2, 0.8);
    double kl3 = kl(0.1, 0.9, 0.15, 0.85);
    assertThat(sel.indices()).containsExactly(2, 3);
    assertThat(sel.score(0)).isCloseTo(kl2, within(1e-6));
    assertThat(sel.score(1)).isCloseTo(kl3, within(1e-6));
  }

  private static double kl(double a0, double a1, double b0, double b1) {
    return a0 * Math.log(a0 / b0) + a1 * Math.log(a1 / b1);
  }

  @Test
  void averageLinkageMatchesNaiveMerging() {
    SplittableRandom rng = new SplittableRandom(9);
    for (int trial = 0; trial < 30; trial++) {
      int m = 2 + rng.nextInt(12);
      Matrix x = Pools.gaussian(m, 2, rng);
      double[] d2 = new double[m * m];
      for (int i = 0; i < m; i++) {
        for (int j = 0; j < m; j++) {
          d2[i * m + j] = x.squaredDistance(i, x, j);
        }
      }
      AverageLinkage tree = AverageLinkage.of(m, d2.clone());
      for (int c = 1; c <= m; c++) {
        assertThat(partition(tree.cut(c))).as("m=%d, %d clusters", m, c).isEqualTo(partition(naive(x, c)));
      }
    }
  }

  /** Naive UPGMA: repeatedly merge the pair of clusters with the smallest mean pairwise distance. */
  private static int[] naive(Matrix x, int clusters) {
    int m = x.rows();
    int[] label = new int[m];
    Arrays.setAll(label, i -> i);
    for (int count = m; count > clusters; count--) {
      double best = Double.POSITIVE_INFINITY;
      int ba = -1;
      int bb = -1;
      for (int a = 0; a < m; a++) {
        for (int b = a + 1; b < m; b++) {
          if (!isLabel(label, a) || !isLabel(label, b)) {
            continue;
          }
          double sum = 0;
          int n = 0;
          for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
              if (label[i] == a && label[j] == b) {
                sum += Math.sqrt(x.squaredDistance(i, x, j));
                n++;
              }
            }
          }
          if (sum / n < best) {
            best = sum / n;
            ba = a;
            bb = b;
          }
        }
      }
      for (int i = 0; i < m; i++) {
        if (label[i] == bb) {
          label[i] = ba;
        }
      }
    }
    return label;
  }

  private static boolean isLabel(int[] label, int l) {
    return Arrays.stream(label).anyMatch(v -> v == l);
  }

  /** Labels renumbered by first appearance, so equal partitions compare equal. */
  private static int[] partition(int[] label) {
    int[] out = new int[label.length];
    int[] map = new int[label.length + 1];
    Arrays.fill(map, -1);
    int next = 0;
    for (int i = 0; i < label.length; i++) {
      if (map[label[i]] < 0) {
        map[label[i]] = next++;
      }
      out[i] = map[label[i]];
    }
    return out;
  }
}
