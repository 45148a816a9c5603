package org.alkit.backend.java;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.alkit.api.Matrix;

/** Reordering rows physically changes no value seen through logical indices. */
class DenseRowsTest {

  @Property(tries = 200)
  void clusteringKeepsEveryRowAndDistance(@ForAll long seed,
      @ForAll @IntRange(min = 1, max = 60) int n, @ForAll @IntRange(min = 0, max = 5) int tail,
      @ForAll @IntRange(min = 1, max = 9) int d) {
    SplittableRandom rng = new SplittableRandom(seed);
    Matrix m = RandomMatrices.gaussian(n + tail, d, rng);
    DenseRows plain = DenseRows.of(m, IntStream.range(0, n + tail).toArray());
    DenseRows clustered = DenseRows.of(m, IntStream.range(0, n + tail).toArray());
    int[] order = IntStream.range(0, n).toArray();
    for (int i = n - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    clustered.cluster(order);
    for (int i = 0; i < n + tail; i++) {
      assertThat(clustered.row(i)).as("row %d", i).isEqualTo(m.row(i));
      for (int j = 0; j < n + tail; j++) {
        assertThat(clustered.squaredDistance(i, j)).isEqualTo(plain.squaredDistance(i, j));
      }
    }
    assertThat(clustered.mean(0, n + tail)).isEqualTo(plain.mean(0, n + tail));
    assertThatThrownBy(() -> clustered.matrix(0, n)).isInstanceOf(IllegalStateException.class);
  }
}
