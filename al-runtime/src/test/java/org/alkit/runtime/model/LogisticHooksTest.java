package org.alkit.runtime.model;

import static org.alkit.runtime.model.ModelTest.adapter;
import static org.alkit.runtime.model.ModelTest.blobs;
import static org.alkit.runtime.model.ModelTest.range;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.alkit.api.AuxiliaryHead;
import org.alkit.api.FitPlan;
import org.alkit.api.FittedModel;
import org.alkit.api.InvalidInputException;
import org.alkit.api.Matrix;
import org.alkit.api.ModelAdapter;
import org.alkit.api.TrainingHooks;
import org.junit.jupiter.api.Test;

/** The logistic model's training hooks: extra weighted items and per-iteration predictions. */
class LogisticHooksTest {
  private static final int N = 120;
  private static final int[] Y = new int[N];
  private static final Matrix X = blobs(N, 4, 3, 2, Y);
  private static final int[] LABELED = range(0, 12);

  private static ModelAdapter logistic() {
    return adapter(new LogisticModelProvider(), Map.of("iterations", "25"));
  }

  private static TrainingHooks hooks() {
    return logistic().capability(TrainingHooks.class).orElseThrow();
  }

  private static int[] labels(int[] rows) {
    return Arrays.stream(rows).map(i -> Y[i]).toArray();
  }

  private static FitPlan plan() {
    return FitPlan.of(1, 0, N, 3, LABELED, labels(LABELED));
  }

  private static float[] probabilities(FittedModel m) {
    return m.probabilities(X).toArray();
  }

  @Test
  void itPerformsExtraItemsAndEpochPredictionsButNoHead() {
    assertThat(hooks().supported()).containsExactlyInAnyOrder(FitPlan.Hook.EXTRA_ITEMS,
        FitPlan.Hook.EPOCH_PREDICTIONS);
    AuxiliaryHead head = new AuxiliaryHead() {
      @Override
      public <M> M module(Class<M> type) {
        throw new AssertionError();
      }

      @Override
      public <L> L loss(Class<L> type) {
        throw new AssertionError();
      }

      @Override
      public double weight() {
        return 1;
      }

      @Override
      public double detachAfter() {
        return 1;
      }

      @Override
      public void outputs(Matrix outputs) {}
    };
    assertThatThrownBy(() -> hooks().fit(X, LABELED, labels(LABELED), 3, 0, plan().auxiliaryHead(head)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("model 'logistic' does not perform the hooks [AUXILIARY_HEAD]");
  }

  @Test
  void everyIterationIsObservedAndObservingChangesNothing() {
    List<Matrix> seen = new ArrayList<>();
    List<Integer> iterations = new ArrayList<>();
    int[] items = {50, 20, 70};
    FittedModel observed = hooks().fit(X, LABELED, labels(LABELED), 3, 0, plan().observeEpochs(items, (t, p) -> {
      iterations.add(t);
      seen.add(p);
    }));
    FittedModel plain = logistic().fit(X, LABELED, labels(LABELED), 3, 0);
    assertThat(probabilities(observed)).as("bit for bit").containsExactly(probabilities(plain));
    assertThat(iterations).containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, 25).boxed().toList());
    assertThat(seen.get(24).toArray()).as("the last iteration's are the fitted model's")
        .containsExactly(plain.probabilities(X.select(items)).toArray());
    assertThat(seen.get(0).toArray()).isNotEqualTo(seen.get(24).toArray());
  }

  @Test
  void extraItemsOfWeightOneTrainAsLabelsAndWeightsCount() {
    int[] extra = range(60, 90);
    float[] ones = new float[extra.length];
    Arrays.fill(ones, 1);
    FittedModel asExtra = hooks().fit(X, LABELED, labels(LABELED), 3, 0, plan().addItems(extra, labels(extra), ones));
    int[] all = range(0, 12);
    all = Arrays.copyOf(all, 12 + extra.length);
    System.arraycopy(extra, 0, all, 12, extra.length);
    FittedModel asLabels = logistic().fit(X, all, labels(all), 3, 0);
    assertThat(probabilities(asExtra)).as("weight 1: the same arithmetic as labels, bit for bit")
        .containsExactly(probabilities(asLabels));
    int[] wrong = Arrays.stream(extra).map(i -> (Y[i] + 1) % 3).toArray();
    float[] heavy = new float[extra.length];
    Arrays.fill(heavy, 4);
    Matrix light = hooks().fit(X, LABELED, labels(LABELED), 3, 0, plan().addItems(extra, wrong, ones))
        .probabilities(X.select(extra));
    Matrix strong = hooks().fit(X, LABELED, labels(LABELED), 3, 0, plan().addItems(extra, wrong, heavy))
        .probabilities(X.select(extra));
    double a = 0;
    double b = 0;
    for (int k = 0; k < extra.length; k++) {
      a += light.get(k, wrong[k]);
      b += strong.get(k, wrong[k]);
    }
    assertThat(b).as("the given labels weigh more at weight 4 than at 1").isGreaterThan(a);
  }
}
