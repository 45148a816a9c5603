package org.alkit.gpu.model;

import static org.alkit.gpu.model.TestData.accuracy;
import static org.alkit.gpu.model.TestData.adapter;
import static org.alkit.gpu.model.TestData.range;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.alkit.api.FitPlan;
import org.alkit.api.FittedModel;
import org.alkit.api.InvalidInputException;
import org.alkit.api.Matrix;
import org.alkit.api.ModelAdapter;
import org.alkit.api.Signal;
import org.alkit.api.TrainingHooks;
import org.junit.jupiter.api.Test;

/** Deep ensembles ({@code ensemble}): the three kinds, bootstrap, the signals and the hooks. */
class EnsembleModelTest {
  private static final EnsembleModelProvider ENSEMBLE = new EnsembleModelProvider();
  private static final TestData.Labeled DIGITS = TestData.optdigits();
  private static final int[] LABELED = range(0, 200);
  private static final Matrix X = DIGITS.x().rows(0, 600);

  private static ModelAdapter ensemble(String... options) {
    Map<String, String> o = new HashMap<>(Map.of("hidden", "32", "epochs", "8", "mc-samples", "3", "members", "3"));
    for (int k = 0; k < options.length; k += 2) {
      o.put(options[k], options[k + 1]);
    }
    return adapter(ENSEMBLE, o);
  }

  private static FittedModel fit(ModelAdapter model) {
    return model.fit(X, LABELED, DIGITS.labels(LABELED), 10, 11);
  }

  @Test
  void independentMembersAreMlpsOfTheirOwnSeedsAndTheirMeanIsTheProbabilities() {
    FittedModel fitted = fit(ensemble());
    List<Matrix> committee = fitted.stack(Signal.COMMITTEE_PROBABILITIES, X);
    assertThat(committee).hasSize(3);
    assertThat(committee.get(0).toArray()).isNotEqualTo(committee.get(1).toArray());
    Matrix p = fitted.probabilities(X);
    for (int i = 0; i < 600; i += 37) {
      for (int c = 0; c < 10; c++) {
        double mean = (committee.get(0).get(i, c) + (double) committee.get(1).get(i, c) + committee.get(2).get(i, c)) / 3;
        assertThat(p.get(i, c)).isCloseTo((float) mean, within(1e-6f));
      }
    }
    assertThat(fitted.stack(Signal.MC_PROBABILITIES, X)).as("the members are the samples").isEqualTo(committee);
    assertThat(fitted.matrix(Signal.EMBEDDINGS, X).cols()).as("the members' h side by side").isEqualTo(3 * 32);
    assertThat(fitted.matrix(Signal.GRADIENT_EMBEDDINGS, X).cols()).isEqualTo(10 * 3 * 32);
    // member m is, bit for bit, the mlp of the m-th split's seed: an independent network (its own
    // weights, draws and batches) although the members share one upload of the labeled set, and
    // the ensemble adds no randomness of its own
    ModelAdapter mlp = adapter(new MlpModelProvider(), Map.of("hidden", "32", "epochs", "8"));
    java.util.SplittableRandom root = new java.util.SplittableRandom(11);
    for (int m = 0; m < 3; m++) {
      long memberSeed = root.split().nextLong();
      assertThat(mlp.fit(X, LABELED, DIGITS.labels(LABELED), 10, memberSeed).probabilities(X).toArray())
          .as("member %d", m).containsExactly(committee.get(m).toArray());
    }
    assertThat(fit(ensemble()).probabilities(X).toArray()).as("the same seed").containsExactly(p.toArray());
  }

  @Test
  void everyKindLearnsOptdigits() {
    int[] test = range(1_000, 1_797);
    double mlp = accuracy(adapter(new MlpModelProvider(), Map.of("hidden", "32", "epochs", "30"))
        .fit(X, LABELED, DIGITS.labels(LABELED), 10, 11), DIGITS, test);
    for (String kind : new String[] {"independent", "snapshot", "stochastic"}) {
      double accuracy = accuracy(fit(ensemble("kind", kind, "epochs", "30")), DIGITS, test);
      assertThat(accuracy).as("%s vs one mlp's %s", kind, mlp).isGreaterThan(mlp);
    }
  }

  @Test
  void stochasticMembersEachGiveTheirDropoutPasses() {
    FittedModel fitted = fit(ensemble("kind", "stochastic"));
    assertThat(fitted.stack(Signal.COMMITTEE_PROBABILITIES, X)).hasSize(3);
    List<Matrix> mc = fitted.stack(Signal.MC_PROBABILITIES, X);
    assertThat(mc).hasSize(3 * 3);
    assertThat(mc.get(0).toArray()).isNotEqualTo(mc.get(1).toArray());
    assertThat(fitted.stack(Signal.MC_PROBABILITIES, X).get(8).toArray()).containsExactly(mc.get(8).toArray());
  }

  @Test
  void snapshotsAreOneNetworkAtTheEndOfEachCycle() {
    FittedModel fitted = fit(ensemble("kind", "snapshot"));
    List<Matrix> committee = fitted.stack(Signal.COMMITTEE_PROBABILITIES, X);
    assertThat(committee).hasSize(3);
    assertThat(committee.get(1).toArray()).isNotEqualTo(committee.get(2).toArray());
  }

  @Test
  void bootstrapGivesEachMemberItsOwnResample() {
    float[] plain = fit(ensemble()).stack(Signal.COMMITTEE_PROBABILITIES, X).get(0).toArray();
    FittedModel bootstrapped = fit(ensemble("bootstrap", "true"));
    assertThat(bootstrapped.stack(Signal.COMMITTEE_PROBABILITIES, X).get(0).toArray()).isNotEqualTo(plain);
    assertThat(fit(ensemble("bootstrap", "true")).probabilities(X).toArray())
        .containsExactly(bootstrapped.probabilities(X).toArray());
    // member 1 is the mlp of its seed fitted on its resample, drawn after its seed from its split
    java.util.SplittableRandom member = new java.util.SplittableRandom(11);
    member.split();
    member = member.split();
    long seed = member.nextLong();
    int[] resample = IntStream.of(org.alkit.commons.Permutations.bootstrap(LABELED.length, member))
        .map(r -> LABELED[r]).toArray();
    assertThat(adapter(new MlpModelProvider(), Map.of("hidden", "32", "epochs", "8"))
        .fit(X, resample, DIGITS.labels(resample), 10, seed).probabilities(X).toArray())
        .containsExactly(bootstrapped.stack(Signal.COMMITTEE_PROBABILITIES, X).get(1).toArray());
  }

  @Test
  void epochPredictionsAreTheMembersMeanAfterEachEpoch() {
    int[] observed = range(300, 340);
    List<Matrix> seen = new ArrayList<>();
    ModelAdapter model = ensemble();
    FitPlan plan = FitPlan.of(1, 11, 600, 10, LABELED, DIGITS.labels(LABELED))
        .observeEpochs(observed, (epoch, p) -> seen.add(p));
    FittedModel watched = model.capability(TrainingHooks.class).orElseThrow()
        .fit(X, LABELED, DIGITS.labels(LABELED), 10, 11, plan);
    assertThat(seen).hasSize(8);
    Matrix last = watched.probabilities(X.select(observed));
    for (int k = 0; k < observed.length; k++) {
      for (int c = 0; c < 10; c++) {
        assertThat(seen.get(7).get(k, c)).isCloseTo(last.get(k, c), within(1e-6f));
      }
    }
    assertThat(watched.probabilities(X).toArray()).as("observing changes no member")
        .containsExactly(fit(ensemble()).probabilities(X).toArray());
    assertThat(model.capability(TrainingHooks.class).orElseThrow().supported())
        .containsExactlyInAnyOrder(FitPlan.Hook.EXTRA_ITEMS, FitPlan.Hook.EPOCH_PREDICTIONS,
            FitPlan.Hook.AUXILIARY_HEAD);
  }

  @Test
  void eachMemberTrainsAHeadOfItsOwnAndTheHeadGetsOneOutputPerFit() {
    List<Matrix> outputs = new ArrayList<>();
    FittedModel never = fitWith(new ProbeHead(1, 0, outputs::add));
    assertThat(outputs).as("the members' mean, once").hasSize(1);
    assertThat(outputs.get(0).rows()).isEqualTo(X.rows());
    assertThat(outputs.get(0).cols()).isEqualTo(1);
    FittedModel weightless = fitWith(new ProbeHead(0, 1, m -> {}));
    FittedModel joint = fitWith(new ProbeHead(1, 1, m -> {}));
    assertThat(never.probabilities(X).toArray()).as("detached from the start: every member trains as with a "
        + "weightless head").containsExactly(weightless.probabilities(X).toArray());
    assertThat(joint.probabilities(X).toArray()).as("attached: each head's loss trains its member's layers too")
        .isNotEqualTo(weightless.probabilities(X).toArray());
  }

  private static FittedModel fitWith(ProbeHead head) {
    FitPlan plan = FitPlan.of(1, 11, X.rows(), 10, LABELED, DIGITS.labels(LABELED)).auxiliaryHead(head);
    return ensemble().capability(TrainingHooks.class).orElseThrow()
        .fit(X, LABELED, DIGITS.labels(LABELED), 10, 11, plan);
  }

  @Test
  void badOptionsAreNamed() {
    assertThatThrownBy(() -> ensemble("members", "1")).isInstanceOf(InvalidInputException.class)
        .hasMessage("model 'ensemble': option 'members' = 1: expected >= 2");
    assertThatThrownBy(() -> ensemble("kind", "snapshot", "bootstrap", "true")).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("option 'bootstrap' = true: expected false with kind snapshot");
    assertThatThrownBy(() -> ensemble("member", "logistic")).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("option 'member' = 'logistic': expected one of mlp, cnn");
    assertThatThrownBy(() -> ensemble("dropout", "2")).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("'dropout' = 2.0");
  }

  @Test
  void cnnMembersTrainOnImages() {
    FittedModel fitted = adapter(ENSEMBLE, Map.of("member", "cnn", "members", "2", "channels", "4", "dense", "8",
        "epochs", "2", "item-shape", "1x8x8")).fit(X, LABELED, DIGITS.labels(LABELED), 10, 3);
    assertThat(fitted.stack(Signal.COMMITTEE_PROBABILITIES, X)).hasSize(2);
    assertThat(fitted.matrix(Signal.EMBEDDINGS, X).cols()).isEqualTo(2 * 8);
  }
}
