package org.alkit.eval.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.alkit.api.InvalidInputException;
import org.alkit.api.Matrix;
import org.alkit.runtime.Dataset;
import org.junit.jupiter.api.Test;

class ScenarioTest {
  /** 4 classes × {@code perClass} pool items (feature 0 = the item's index), 4 × 5 test items. */
  static Dataset data(int perClass) {
    int n = 4 * perClass;
    float[][] x = new float[n][];
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      x[i] = new float[] {i, i % 7, (float) Math.sin(i)};
      y[i] = i % 4;
    }
    float[][] tx = new float[20][];
    int[] ty = new int[20];
    for (int i = 0; i < 20; i++) {
      tx[i] = new float[] {-i, 1, 2};
      ty[i] = i % 4;
    }
    return new Dataset("toy", Matrix.of(x), y, Matrix.of(tx), ty, 4);
  }

  static int[] counts(int[] labels, int classes) {
    int[] out = new int[classes];
    Arrays.stream(labels).forEach(l -> out[l]++);
    return out;
  }

  @Test
  void balancedKeepsTheDataAndGivesNoHints() {
    Dataset d = data(50);
    ScenarioData s = Scenario.parse("balanced").apply(d, 1);
    assertThat(s.dataset()).isEqualTo(d);
    assertThat(s.origin()).containsExactly(IntStream.range(0, 200).toArray());
    assertThat(s.hints().rareClasses()).isEmpty();
    assertThat(s.hints().oodClasses()).isEmpty();
    assertThat(s.rareClasses()).isEmpty();
  }

  @Test
  void dominantKeepsTenPercentOfEveryOtherClass() {
    ScenarioData s = Scenario.parse("dominant:2").apply(data(50), 1);
    assertThat(counts(s.dataset().poolLabels(), 4)).containsExactly(5, 5, 50, 5);
    assertThat(s.rareClasses()).containsExactlyInAnyOrder(0, 1, 3);
    assertThat(s.hints().rareClasses()).as("dominant gives no hints").isEmpty();
    assertThat(s.dataset().test().rows()).as("the test split stays balanced").isEqualTo(20);
  }

  @Test
  void rareKeepsTenPercentOfOneClassWithoutHints() {
    ScenarioData s = Scenario.parse("rare:1").apply(data(50), 1);
    assertThat(counts(s.dataset().poolLabels(), 4)).containsExactly(50, 5, 50, 50);
    assertThat(s.rareClasses()).containsExactly(1);
    assertThat(s.hints().rareClasses()).isEmpty();
    assertThat(s.hints().queryIndices()).isEmpty();
  }

  @Test
  void rareClassesPassesTheClassesAndExemplarsOfThem() {
    ScenarioData s = Scenario.parse("rare-classes:1,3").apply(data(100), 1);
    int[] labels = s.dataset().poolLabels();
    assertThat(counts(labels, 4)).containsExactly(100, 10, 100, 10);
    assertThat(s.hints().rareClasses()).containsExactlyInAnyOrder(1, 3);
    assertThat(s.hints().scenario()).isEqualTo("rare-classes");
    assertThat(s.hints().queryIndices()).hasSize(2 * Scenario.EXEMPLARS).doesNotHaveDuplicates()
        .allSatisfy(i -> assertThat(labels[i]).isIn(1, 3));
  }

  @Test
  void keptItemsAreOriginalRowsWithTheirOrigin() {
    Dataset d = data(50);
    ScenarioData s = Scenario.parse("rare:0").apply(d, 3);
    Matrix pool = s.dataset().pool();
    for (int i = 0; i < pool.rows(); i++) {
      assertThat(pool.row(i)).isEqualTo(d.pool().row(s.origin(i)));
      assertThat(s.dataset().poolLabels()[i]).isEqualTo(d.poolLabels()[s.origin(i)]);
    }
  }

  @Test
  void redundancyRepeatsEachItemWithSmallNoise() {
    Dataset d = data(10);
    ScenarioData s = Scenario.parse("redundancy:3").apply(d, 7);
    Matrix pool = s.dataset().pool();
    assertThat(pool.rows()).isEqualTo(120);
    assertThat(s.hints().scenario()).isEqualTo("redundancy");
    for (int i = 0; i < pool.rows(); i++) {
      int o = s.origin(i);
      assertThat(o).isEqualTo(i / 3);
      assertThat(s.dataset().poolLabels()[i]).isEqualTo(d.poolLabels()[o]);
      // feature 0 spans 0..39 (std ≈ 11.5): 1 % noise stays well under 1
      assertThat(pool.get(i, 0)).isCloseTo(d.pool().get(o, 0), org.assertj.core.data.Offset.offset(1f));
    }
    assertThat(pool.row(0)).as("the first copy is the original").isEqualTo(d.pool().row(0));
    assertThat(pool.row(1)).as("other copies carry noise").isNotEqualTo(d.pool().row(0));
  }

  @Test
  void oodKeepsThePoolDropsTheTestClassesAndGivesPrivateExemplars() {
    Dataset d = data(50);
    ScenarioData s = Scenario.parse("ood:2,3").apply(d, 1);
    assertThat(s.dataset().pool()).isEqualTo(d.pool());
    assertThat(s.dataset().testLabels()).containsOnly(0, 1).hasSize(10);
    assertThat(s.oodClasses()).containsExactlyInAnyOrder(2, 3);
    assertThat(s.hints().oodClasses()).containsExactlyInAnyOrder(2, 3);
    int[] labels = s.dataset().poolLabels();
    assertThat(s.hints().privateIndices()).hasSize(2 * Scenario.EXEMPLARS)
        .allSatisfy(i -> assertThat(labels[i]).isIn(2, 3));
  }

  @Test
  void imbalancedKeepsExactCountsAndCallsTheSmallClassesRare() {
    ScenarioData s = Scenario.parse("imbalanced:40,5,20,3").apply(data(50), 1);
    assertThat(counts(s.dataset().poolLabels(), 4)).containsExactly(40, 5, 20, 3);
    assertThat(s.rareClasses()).as("below the mean count 17").containsExactlyInAnyOrder(1, 3);
  }

  /** σ/μ of {@code counts}, the standard deviation over the population. */
  static double variation(int[] counts) {
    double mean = Arrays.stream(counts).average().orElseThrow();
    double variance = Arrays.stream(counts).mapToDouble(c -> (c - mean) * (c - mean)).average().orElseThrow();
    return Math.sqrt(variance) / mean;
  }

  @Test
  void irReachesAlampsImbalanceRatioByAGeometricSchedule() {
    ScenarioData s = Scenario.parse("ir:0.74").apply(data(1500), 3);
    int[] counts = counts(s.dataset().poolLabels(), 4);
    // the schedule max(1, round(1500 q^k)) with q = 0.486 (sigma/mu of 1, q, q^2, q^3 = 0.74), as numpy gives it
    assertThat(counts).containsExactly(1500, 729, 354, 172);
    assertThat(variation(counts)).isCloseTo(0.74, org.assertj.core.data.Offset.offset(0.001));
    assertThat(s.rareClasses()).as("below the mean count 689").containsExactlyInAnyOrder(2, 3);
    assertThat(s.dataset().test().rows()).as("the test split stays balanced").isEqualTo(20);
    assertThat(Scenario.parse("ir:0").apply(data(30), 3).dataset().poolLabels()).hasSize(120);
  }

  @Property(tries = 60)
  void irHitsItsTargetWithinRounding(@ForAll @IntRange(min = 500, max = 3000) int perClass,
      @ForAll @IntRange(min = 0, max = 150) int percent, @ForAll long seed) {
    ScenarioData s = Scenario.parse("ir:" + percent / 100.0).apply(data(perClass), seed);
    int[] counts = counts(s.dataset().poolLabels(), 4);
    assertThat(variation(counts)).isCloseTo(percent / 100.0, org.assertj.core.data.Offset.offset(0.005));
    assertThat(counts[0]).isEqualTo(perClass);
    for (int c = 1; c < 4; c++) {
      assertThat(counts[c]).isLessThanOrEqualTo(counts[c - 1]);
    }
  }

  @Test
  void partsComposeLeftToRightAndExemplarsFollowTheirItems() {
    ScenarioData s = Scenario.parse("rare-classes:1+redundancy:2").apply(data(50), 5);
    assertThat(counts(s.dataset().poolLabels(), 4)).containsExactly(100, 10, 100, 100);
    assertThat(s.hints().scenario()).isEqualTo("rare-classes+redundancy");
    assertThat(s.hints().rareClasses()).containsExactly(1);
    int[] labels = s.dataset().poolLabels();
    assertThat(s.hints().queryIndices()).hasSize(Scenario.EXEMPLARS)
        .allSatisfy(i -> assertThat(labels[i]).isEqualTo(1));
  }

  @Test
  void sameSeedSameDataOtherSeedOtherDraw() {
    Scenario sc = Scenario.parse("dominant:0+redundancy:2");
    ScenarioData a = sc.apply(data(50), 11);
    ScenarioData b = sc.apply(data(50), 11);
    assertThat(b.dataset()).isEqualTo(a.dataset());
    assertThat(b.origin()).isEqualTo(a.origin());
    assertThat(sc.apply(data(50), 12).origin()).isNotEqualTo(a.origin());
  }

  @Property(tries = 60)
  void thinningKeepsTenPercentRoundedAndAtLeastOne(@ForAll @IntRange(min = 1, max = 300) int perClass,
      @ForAll @IntRange(min = 0, max = 3) int rare, @ForAll long seed) {
    ScenarioData s = Scenario.parse("rare:" + rare).apply(data(perClass), seed);
    int[] counts = counts(s.dataset().poolLabels(), 4);
    for (int c = 0; c < 4; c++) {
      int expected = c == rare ? Math.max(1, (int) Math.round(0.1 * perClass)) : perClass;
      assertThat(counts[c]).isEqualTo(expected);
    }
    assertThat(new HashSet<>(Arrays.stream(s.origin()).boxed().toList())).hasSize(s.origin().length);
  }

  @Test
  void badSpecsNameThePartAndWhatIsExpected() {
    assertThatThrownBy(() -> Scenario.parse("rarest:1")).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("rarest").hasMessageContaining("rare-classes").hasMessageContaining("imbalanced");
    assertThatThrownBy(() -> Scenario.parse("rare")).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("needs an argument");
    assertThatThrownBy(() -> Scenario.parse("rare:x")).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("'x'");
    assertThatThrownBy(() -> Scenario.parse("dominant:1,2")).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("one integer");
    assertThatThrownBy(() -> Scenario.parse("ood:1,1")).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("twice");
    assertThatThrownBy(() -> Scenario.parse("balanced:3")).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("no argument");
    assertThatThrownBy(() -> Scenario.parse(" ")).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> Scenario.parse("ir:high")).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("'high'").hasMessageContaining("ir:0.74");
    assertThatThrownBy(() -> Scenario.parse("ir:-0.5")).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("ir:-0.5").hasMessageContaining(">= 0");
  }

  @Test
  void badValuesForTheDataNameTheScenario() {
    Dataset d = data(10);
    assertThatThrownBy(() -> Scenario.parse("rare:4").apply(d, 1)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("'rare:4'").hasMessageContaining("[0, 4)");
    assertThatThrownBy(() -> Scenario.parse("imbalanced:1,2,3").apply(d, 1))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("one per class, 4");
    assertThatThrownBy(() -> Scenario.parse("imbalanced:1,2,3,11").apply(d, 1))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("class 3 = 11").hasMessageContaining("1..10");
    assertThatThrownBy(() -> Scenario.parse("ir:1.8").apply(d, 1)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("out of reach with 4 classes").hasMessageContaining("sqrt(C - 1)");
    assertThatThrownBy(() -> Scenario.parse("redundancy:1").apply(d, 1)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("R >= 2");
    assertThatThrownBy(() -> Scenario.parse("ood:0,1,2,3").apply(d, 1)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("in-distribution");
  }

  @Test
  void kindsListThePartsInOrder() {
    assertThat(Scenario.parse("rare-classes:3,5 + redundancy:2").kinds()).containsExactly("rare-classes", "redundancy");
    assertThat(Set.copyOf(Scenario.KINDS)).hasSize(8);
  }
}
