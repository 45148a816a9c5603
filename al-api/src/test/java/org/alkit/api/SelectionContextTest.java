package org.alkit.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SelectionContextTest {
  private static final Matrix PROBS = Matrix.of(new float[][] {{0.5f, 0.5f}, {1, 0}, {0.2f, 0.8f}});

  @Test
  void unlabeledIsTheComplementAndLabelsFollowTheirIndices() {
    SelectionContext ctx = SelectionContext.builder(5).labeled(new int[] {3, 1}, new int[] {7, 9}).build();
    assertThat(ctx.unlabeled()).containsExactly(0, 2, 4);
    assertThat(ctx.labeled()).containsExactly(1, 3);
    assertThat(ctx.labels()).containsExactly(9, 7);
    assertThat(ctx.selectionSize()).isEqualTo(1);
  }

  @Test
  void badIndicesAndBudgetsAreNamed() {
    assertThatThrownBy(() -> SelectionContext.builder(3).labeled(new int[] {3}, null))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("3").hasMessageContaining("[0, 3)");
    assertThatThrownBy(() -> SelectionContext.builder(3).labeled(new int[] {1, 1}, null))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("appears twice");
    assertThatThrownBy(() -> SelectionContext.builder(3).labeled(new int[] {1}, new int[] {0, 1}))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("one label per labeled index");
    assertThatThrownBy(() -> SelectionContext.builder(3).budget(4))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("budget = 4");
    assertThatThrownBy(() -> SelectionContext.builder(3).budget(0))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("budget = 0");
  }

  @Test
  void signalsAreComputedOnceAndOnlyWhenRead() {
    AtomicInteger calls = new AtomicInteger();
    SelectionContext ctx = SelectionContext.builder(3)
        .signal(Signal.PROBABILITIES, () -> {
          calls.incrementAndGet();
          return PROBS;
        }).build();
    assertThat(calls).hasValue(0);
    ctx.matrix(Signal.PROBABILITIES);
    ctx.matrix(Signal.PROBABILITIES);
    assertThat(calls).hasValue(1);
  }

  @Test
  void missingSignalIsNamed() {
    SelectionContext ctx = SelectionContext.builder(3).build();
    assertThatThrownBy(() -> ctx.matrix(Signal.EMBEDDINGS))
        .isInstanceOf(MissingSignalException.class).hasMessageContaining("embeddings");
    assertThatThrownBy(() -> ctx.stack(Signal.MC_PROBABILITIES))
        .isInstanceOf(MissingSignalException.class).hasMessageContaining("mc-probabilities");
  }

  @Test
  void probabilityRowsAreValidated() {
    Matrix bad = Matrix.of(new float[][] {{0.5f, 0.6f}, {1, 0}, {0.2f, 0.8f}});
    assertThatThrownBy(() -> SelectionContext.builder(3).signal(Signal.PROBABILITIES, bad).build()
        .matrix(Signal.PROBABILITIES)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("row 0 sums to");
    Matrix shortOne = Matrix.of(new float[][] {{1, 0}});
    assertThatThrownBy(() -> SelectionContext.builder(3).stack(Signal.MC_PROBABILITIES, List.of(PROBS, shortOne))
        .build().stack(Signal.MC_PROBABILITIES)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("mc-probabilities[1] has 1 rows");
  }

  @Test
  void optionsRejectUnknownKeysAndBadValues() {
    List<Parameter> declared = List.of(Parameter.integer("beam", 1, "beam width"),
        Parameter.choice("base", "margin", "measure", "margin", "entropy"));
    assertThat(Options.resolve("strategy 'x'", declared, Map.of("beam", "4")).getInt("beam")).isEqualTo(4);
    assertThatThrownBy(() -> Options.resolve("strategy 'x'", declared, Map.of("depth", "4")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("'depth'").hasMessageContaining("beam, base");
    assertThatThrownBy(() -> Options.resolve("strategy 'x'", declared, Map.of("beam", "wide")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("'beam' = 'wide'")
        .hasMessageContaining("an integer");
    assertThatThrownBy(() -> Options.resolve("strategy 'x'", declared, Map.of("base", "ratio")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("one of margin, entropy");
  }

  @Test
  void matrixViewsShareStorageAndCheckShapes() {
    Matrix m = Matrix.of(new double[][] {{1, 2}, {3, 4}, {5, 6}});
    assertThat(m.rows(1, 3).get(0, 1)).isEqualTo(4f);
    assertThat(m.select(new int[] {2, 0}).toArrays()).isDeepEqualTo(new float[][] {{5, 6}, {1, 2}});
    assertThat(m.squaredDistance(0, m, 2)).isEqualTo(32f);
    assertThatThrownBy(() -> Matrix.wrap(2, 2, new float[3])).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("data.length = 3");
    assertThatThrownBy(() -> Matrix.of(new float[][] {{1, 2}, {3}})).hasMessageContaining("row 1 has 1 columns");
  }

  @Test
  void viewsAreBoundsCheckedAtTheirOwnShape() {
    Matrix m = Matrix.of(new double[][] {{1, 2}, {3, 4}, {5, 6}});
    Matrix middle = m.rows(1, 2);
    assertThatThrownBy(() -> middle.get(1, 0)).isInstanceOf(IndexOutOfBoundsException.class)
        .hasMessageContaining("(1, 0)").hasMessageContaining("1 × 2");
    assertThatThrownBy(() -> middle.get(0, 2)).isInstanceOf(IndexOutOfBoundsException.class)
        .hasMessageContaining("(0, 2)");
    assertThatThrownBy(() -> middle.get(-1, 0)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> middle.dot(1, m, 0)).isInstanceOf(IndexOutOfBoundsException.class)
        .hasMessageContaining("row 1");
    assertThatThrownBy(() -> m.squaredDistance(0, middle, 1)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> m.copyRow(0, new float[1])).isInstanceOf(IndexOutOfBoundsException.class)
        .hasMessageContaining("dst.length = 1");
    assertThatThrownBy(() -> m.select(new int[] {3})).isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void eachSignalIsCheckedAgainstItsOwnDomain() {
    Matrix negative = Matrix.of(new float[][] {{-3, 7}, {0, -1}, {2, 2}});
    SelectionContext ctx = SelectionContext.builder(3)
        .signal(Signal.EMBEDDINGS, negative).signal(Signal.GRADIENT_EMBEDDINGS, negative)
        .signal(Signal.PREVIOUS_PROBABILITIES, negative).build();
    assertThat(ctx.matrix(Signal.EMBEDDINGS)).isEqualTo(negative);
    assertThat(ctx.matrix(Signal.GRADIENT_EMBEDDINGS)).isEqualTo(negative);
    assertThatThrownBy(() -> ctx.matrix(Signal.PREVIOUS_PROBABILITIES))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("expected a probability >= 0");
    Matrix infinite = Matrix.of(new float[][] {{Float.POSITIVE_INFINITY, 0}, {0, 0}, {0, 0}});
    assertThatThrownBy(() -> SelectionContext.builder(3).signal(Signal.EMBEDDINGS, infinite).build()
        .matrix(Signal.EMBEDDINGS)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("expected a finite value");
    for (Signal s : Signal.values()) {
      boolean probabilities = s.key().endsWith("probabilities");
      assertThat(s.domain()).as("domain of %s", s)
          .isEqualTo(probabilities ? Signal.Domain.PROBABILITY_ROWS
              : s == Signal.PREDICTION_HISTORY ? Signal.Domain.CLASS_IDS : Signal.Domain.FEATURES);
    }
  }

  @Test
  void aPredictionHistoryHoldsWholeClassIds() {
    Matrix history = Matrix.of(new float[][] {{0, 1, 1}, {2, 2, 2}});
    assertThat(SelectionContext.builder(2).signal(Signal.PREDICTION_HISTORY, history).build()
        .matrix(Signal.PREDICTION_HISTORY)).isEqualTo(history);
    for (float bad : new float[] {-1, 0.5f, Float.NaN, 1 << 24}) {
      Matrix m = Matrix.of(new float[][] {{0, 1, 1}, {2, bad, 2}});
      assertThatThrownBy(() -> SelectionContext.builder(2).signal(Signal.PREDICTION_HISTORY, m).build()
          .matrix(Signal.PREDICTION_HISTORY)).as("class id %s", bad)
          .isInstanceOf(InvalidInputException.class)
          .hasMessage("prediction-history[1][1] = " + bad + "; expected a class id, a whole number >= 0");
    }
  }

  /** A capability for the tests below. */
  interface Clock {
    long now();
  }

  @Test
  void aCapabilityComesFromTheBuilderThenTheBackend() {
    Clock fromBackend = () -> 1;
    Clock bound = () -> 2;
    ComputeBackend backend = (ComputeBackend) java.lang.reflect.Proxy.newProxyInstance(
        ComputeBackend.class.getClassLoader(), new Class<?>[] {ComputeBackend.class},
        (proxy, method, args) -> method.getName().equals("capability")
            ? java.util.Optional.ofNullable(args[0] == Clock.class ? fromBackend : null)
            : null);
    SelectionContext plain = SelectionContext.builder(2).build();
    assertThat(plain.capability(Clock.class)).as("no backend, nothing bound").isEmpty();
    SelectionContext withBackend = SelectionContext.builder(2).backend(backend).build();
    assertThat(withBackend.capability(Clock.class)).containsSame(fromBackend);
    assertThat(withBackend.capability(String.class)).isEmpty();
    SelectionContext withBoth = withBackend.toBuilder().capability(Clock.class, bound).build();
    assertThat(withBoth.capability(Clock.class)).containsSame(bound);
    assertThat(withBoth.toBuilder().build().capability(Clock.class)).as("kept by toBuilder").containsSame(bound);
  }

  @Test
  @SuppressWarnings({"unchecked", "rawtypes"})
  void aCapabilityOfTheWrongTypeIsRefused() {
    Class raw = Clock.class;
    assertThatThrownBy(() -> SelectionContext.builder(2).capability(raw, "a string"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("capability java.lang.String is not a org.alkit.api.SelectionContextTest$Clock; expected an "
            + "instance of the type it is bound to");
  }

  @Test
  void aShardsGeneratorStartsAfterTheDrawsOfTheItemsBeforeIt() {
    java.util.SplittableRandom whole = SelectionContext.builder(10).seed(5).build().random();
    long[] draws = java.util.stream.LongStream.generate(whole::nextLong).limit(7).toArray();
    java.util.SplittableRandom shard = SelectionContext.builder(3).seed(5).drawsBefore(4).build().random();
    assertThat(new long[] {shard.nextLong(), shard.nextLong(), shard.nextLong()})
        .containsExactly(draws[4], draws[5], draws[6]);
    assertThat(SelectionContext.builder(3).seed(5).drawsBefore(4).build().toBuilder().build().random().nextLong())
        .isEqualTo(draws[4]);
    assertThatThrownBy(() -> SelectionContext.builder(3).drawsBefore(-1))
        .hasMessage("candidatesBefore = -1; expected >= 0");
  }
}
