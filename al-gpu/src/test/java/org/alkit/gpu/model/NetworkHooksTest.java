package org.alkit.gpu.model;

import static org.alkit.gpu.model.TestData.adapter;
import static org.alkit.gpu.model.TestData.range;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.alkit.api.FitPlan;
import org.alkit.api.FittedModel;
import org.alkit.api.InvalidInputException;
import org.alkit.api.Matrix;
import org.alkit.api.ModelAdapter;
import org.alkit.api.ModelProvider;
import org.alkit.api.TrainingHooks;
import org.junit.jupiter.api.Test;

/** The training hooks of the DJL networks ({@link NetworkAdapter}) on mlp and cnn. */
class NetworkHooksTest {
  private static final TestData.Labeled DIGITS = TestData.optdigits();
  private static final int[] LABELED = range(0, 150);
  private static final int N = 600;
  private static final Matrix X = DIGITS.x().rows(0, N);

  private static TrainingHooks hooks(ModelAdapter model) {
    return model.capability(TrainingHooks.class).orElseThrow();
  }

  private static FitPlan plan() {
    return FitPlan.of(1, 5, N, 10, LABELED, DIGITS.labels(LABELED));
  }

  private static ModelAdapter mlp() {
    return adapter(new MlpModelProvider(), Map.of("hidden", "32", "epochs", "12"));
  }

  private static FittedModel fit(ModelAdapter model, FitPlan plan) {
    return hooks(model).fit(X, LABELED, DIGITS.labels(LABELED), 10, 5, plan);
  }

  private static float[] probabilities(FittedModel model) {
    return model.probabilities(X).toArray();
  }

  @Test
  void mlpAndCnnPerformEveryHook() {
    for (ModelProvider p : List.<ModelProvider>of(new MlpModelProvider(), new CnnModelProvider())) {
      assertThat(hooks(adapter(p, Map.of())).supported()).containsExactlyInAnyOrder(FitPlan.Hook.values());
    }
  }

  @Test
  void observingEpochsLeavesTheFitAsItIsAndSeesEveryEpoch() {
    int[] observed = range(200, 260);
    List<Integer> epochs = new ArrayList<>();
    List<Matrix> seen = new ArrayList<>();
    FittedModel watched = fit(mlp(), plan().observeEpochs(observed, (epoch, p) -> {
      epochs.add(epoch);
      seen.add(p);
    }));
    FittedModel plain = mlp().fit(X, LABELED, DIGITS.labels(LABELED), 10, 5);
    assertThat(probabilities(watched)).as("bit for bit").containsExactly(probabilities(plain));
    assertThat(epochs).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
    assertThat(seen).allSatisfy(m -> {
      assertThat(m.rows()).isEqualTo(observed.length);
      assertThat(m.cols()).isEqualTo(10);
    });
    assertThat(seen.get(11).toArray()).as("the last epoch's predictions are the fitted model's")
        .containsExactly(watched.probabilities(X.select(observed)).toArray());
    assertThat(seen.get(0).toArray()).isNotEqualTo(seen.get(11).toArray());
  }

  @Test
  void extraItemsTrainTowardsTheirLabelsByTheirWeightDeterministically() {
    int[] extra = range(300, 400);
    assertThat(probabilities(pseudoLabelled(extra, 2))).as("same seed")
        .containsExactly(probabilities(pseudoLabelled(extra, 2)));
    FittedModel plain = mlp().fit(X, LABELED, DIGITS.labels(LABELED), 10, 5);
    double heavy = gain(pseudoLabelled(extra, 2), plain, extra);
    double light = gain(pseudoLabelled(extra, 0.25f), plain, extra);
    // measured at weight 2: 0.15
    assertThat(heavy).as("mean probability the given (wrong) labels gain at weight 2").isGreaterThan(0.1);
    assertThat(light).as("at weight 0.25").isPositive().isLessThan(heavy / 2);
  }

  /** The mlp trained with {@code extra} labelled one class off, each of weight {@code weight}. */
  private static FittedModel pseudoLabelled(int[] extra, float weight) {
    float[] weights = new float[extra.length];
    java.util.Arrays.fill(weights, weight);
    return fit(mlp(), plan().addItems(extra, wrong(extra), weights));
  }

  private static int[] wrong(int[] items) {
    return java.util.Arrays.stream(items).map(i -> (DIGITS.y()[i] + 1) % 10).toArray();
  }

  private static double gain(FittedModel with, FittedModel without, int[] items) {
    int[] labels = wrong(items);
    Matrix a = with.probabilities(X.select(items));
    Matrix b = without.probabilities(X.select(items));
    double sum = 0;
    for (int k = 0; k < items.length; k++) {
      sum += a.get(k, labels[k]) - b.get(k, labels[k]);
    }
    return sum / items.length;
  }

  @Test
  void theAuxiliaryHeadTrainsWithTheClassifierAndItsGradientStopsWhenDetached() {
    List<Matrix> outputs = new ArrayList<>();
    FittedModel never = fit(mlp(), plan().auxiliaryHead(new ProbeHead(1, 0, outputs::add)));
    assertThat(outputs).hasSize(1);
    assertThat(outputs.get(0).rows()).isEqualTo(N);
    assertThat(outputs.get(0).cols()).isEqualTo(1);
    FittedModel weightless = fit(mlp(), plan().auxiliaryHead(new ProbeHead(0, 1, m -> {})));
    FittedModel joint = fit(mlp(), plan().auxiliaryHead(new ProbeHead(1, 1, m -> {})));
    assertThat(probabilities(never)).as("detached from the start: the classifier trains as with a weightless head")
        .containsExactly(probabilities(weightless));
    assertThat(probabilities(joint)).as("attached: the head's loss trains the classifier's layers too")
        .isNotEqualTo(probabilities(weightless));
  }

  @Test
  void theCnnPerformsAllThreeHooksAtOnce() {
    ModelAdapter cnn = adapter(new CnnModelProvider(), Map.of("channels", "4", "dense", "16", "epochs", "3",
        "item-shape", "1x8x8"));
    List<Integer> epochs = new ArrayList<>();
    List<Matrix> outputs = new ArrayList<>();
    FitPlan plan = plan().addItems(new int[] {400, 401}, new int[] {1, 2}, new float[] {1, 1})
        .observeEpochs(new int[] {500, 3}, (e, p) -> epochs.add(p.rows() * 100 + p.cols()))
        .auxiliaryHead(new ProbeHead(1, 0.5, outputs::add));
    FittedModel fitted = hooks(cnn).fit(X, LABELED, DIGITS.labels(LABELED), 10, 5, plan);
    assertThat(epochs).containsExactly(210, 210, 210);
    assertThat(outputs).singleElement().satisfies(m -> assertThat(m.rows()).isEqualTo(N));
    assertThat(fitted.probabilities(X).rows()).isEqualTo(N);
  }

  @Test
  void aPlanThatDoesNotFitTheCallIsRefused() {
    FitPlan other = FitPlan.of(1, 5, N + 1, 10, LABELED, DIGITS.labels(LABELED));
    assertThatThrownBy(() -> fit(mlp(), other))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("model 'mlp': the features have 600 rows but the plan is for a pool of 601; expected the same");
    FitPlan extra = plan().addItems(new int[] {400}, new int[] {1}, new float[] {1});
    int[] labeled = {0, 400};
    assertThatThrownBy(() -> hooks(mlp()).fit(X, labeled, new int[] {0, 1}, 10, 5, extra))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("model 'mlp': labeled[1] = 400 is also an extra item of the plan; expected extra items among the "
            + "unlabeled");
  }
}
