package org.alkit.uncertainty;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.alkit.api.Matrix;
import org.junit.jupiter.api.Test;

/**
 * label-dispersion's vote counts, the register-packed one and the array and sorting ones it falls
 * back to, against a map of counts on rows of every width and range of class ids.
 */
class LabelDispersionCountTest {
  @Property(tries = 500)
  void dispersionCountsTheModalClassOnEveryPath(@ForAll("rows") List<Integer> ids) {
    float[] row = new float[ids.size()];
    Map<Integer, Integer> votes = new HashMap<>();
    for (int e = 0; e < row.length; e++) {
      row[e] = ids.get(e);
      votes.merge(ids.get(e), 1, Integer::sum);
    }
    int modal = votes.values().stream().max(Integer::compare).orElseThrow();
    double dispersion = LabelDispersionProvider.dispersion(Matrix.wrap(1, row.length, row.clone()), 0,
        new LabelDispersionProvider.Counts(row.length));
    assertThat(dispersion).isEqualTo(1 - (double) modal / row.length);
  }

  @Provide
  Arbitrary<List<Integer>> rows() {
    Arbitrary<Integer> ids = Arbitraries.oneOf(Arbitraries.integers().between(0, 3),
        Arbitraries.integers().between(0, 12), Arbitraries.integers().between(0, 300),
        Arbitraries.integers().between(65_000, 70_000));
    return ids.list().ofMinSize(1).ofMaxSize(300);
  }

  @Test
  void thePackedCountTakesAFieldPerClassAndGivesUpBeyondIt() {
    float[] thirty = new float[30]; // 5-bit fields: 12 classes in a long
    Arrays.fill(thirty, 11);
    assertThat(LabelDispersionProvider.packedModalCount(thirty)).isEqualTo(30);
    thirty[0] = 12;
    assertThat(LabelDispersionProvider.packedModalCount(thirty)).isEqualTo(-1);
    assertThat(LabelDispersionProvider.modalCount(thirty, new LabelDispersionProvider.Counts(30))).isEqualTo(29);
  }
}
