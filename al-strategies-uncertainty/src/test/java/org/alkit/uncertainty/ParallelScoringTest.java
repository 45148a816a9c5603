package org.alkit.uncertainty;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.alkit.api.ComputeBackend;
import org.alkit.api.Matrix;
import org.alkit.api.Selection;
import org.alkit.api.SelectionContext;
import org.alkit.api.Signal;
import org.alkit.api.StrategyProvider;
import org.alkit.testkit.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * A pool large enough to be scored in parallel gives bit-for-bit the same selection, scores
 * included, on 1, 2, 3 and 8 threads, and every score equals the measure computed row by row on
 * the calling thread.
 */
class ParallelScoringTest {
  private static final int ROWS = 30_000;
  private static final int COLS = 7;
  private static final int BUDGET = 500;

  @Test
  void selectionDoesNotDependOnTheThreadCount() {
    Matrix p = randomRows(ROWS, COLS, 11);
    SelectionContext ctx = SelectionContext.builder(ROWS).budget(BUDGET)
        .signal(Signal.PROBABILITIES, p).backend(Fixtures.javaBackend().orElseThrow()).build();
    for (StrategyProvider provider : List.of(new LeastConfidenceProvider(), new MarginProvider(),
        new RatioProvider(), new EntropyProvider())) {
      Measure measure = Measure.byKey("strategy", provider.name());
      Selection ranked = Strategies.select(provider, ctx.toBuilder().budget(ROWS).build());
      for (int r = 0; r < ROWS; r++) {
        assertThat(ranked.score(r)).as("%s of item %d", provider.name(), ranked.index(r))
            .isEqualTo(measure.uncertainty(p, ranked.index(r)));
      }
      for (int threads : new int[] {1, 2, 3, 8}) {
        try (ComputeBackend backend = Fixtures.javaBackend(threads).orElseThrow()) {
          Selection picked = Strategies.select(provider, ctx.toBuilder().backend(backend).build());
          assertThat(picked.indices()).as("%s on %d threads", provider.name(), threads)
              .containsExactly(Arrays.copyOf(ranked.indices(), BUDGET));
          assertThat(picked.scores()).as("%s scores on %d threads", provider.name(), threads)
              .containsExactly(Arrays.copyOf(ranked.scores(), BUDGET));
        }
      }
    }
  }

  /** Rows of {@code cols} probabilities with a few exact zeros and ties. */
  private static Matrix randomRows(int rows, int cols, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    double[][] p = new double[rows][cols];
    for (double[] row : p) {
      double sum = 0;
      for (int j = 0; j < cols; j++) {
        row[j] = rng.nextInt(4) == 0 ? 0 : rng.nextInt(1, 20);
        sum += row[j];
      }
      if (sum == 0) {
        row[0] = 1;
        sum = 1;
      }
      for (int j = 0; j < cols; j++) {
        row[j] /= sum;
      }
    }
    return Matrix.of(p);
  }
}
