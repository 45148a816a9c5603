package org.alkit.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;

class FitPlanTest {
  private static FitPlan plan() {
    return FitPlan.of(2, 7, 6, 3, new int[] {4, 1}, new int[] {2, 0});
  }

  /** A head with these settings, which no model asks for a module here. */
  private static AuxiliaryHead head(double weight, double detachAfter) {
    return new AuxiliaryHead() {
      @Override
      public <M> M module(Class<M> type) {
        throw new InvalidInputException("no module for " + type);
      }

      @Override
      public <L> L loss(Class<L> type) {
        throw new InvalidInputException("no loss for " + type);
      }

      @Override
      public double weight() {
        return weight;
      }

      @Override
      public double detachAfter() {
        return detachAfter;
      }

      @Override
      public void outputs(Matrix outputs) {}
    };
  }

  @Test
  void aNewPlanRequestsNothingAndDescribesTheFit() {
    FitPlan plan = plan();
    assertThat(plan.requested()).isEmpty();
    assertThat(plan.round()).isEqualTo(2);
    assertThat(plan.seed()).isEqualTo(7);
    assertThat(plan.poolSize()).isEqualTo(6);
    assertThat(plan.numClasses()).isEqualTo(3);
    assertThat(plan.labeled()).containsExactly(4, 1);
    assertThat(plan.labels()).containsExactly(2, 0);
    assertThat(plan.unlabeled()).containsExactly(0, 2, 3, 5);
    assertThat(plan.extraItems()).isEmpty();
    assertThat(plan.observedItems()).isEmpty();
    assertThat(plan.epochObserver()).isEmpty();
    assertThat(plan.auxiliaryHead()).isEmpty();
  }

  @Test
  void theFitItDescribesIsChecked() {
    assertThatThrownBy(() -> FitPlan.of(0, 1, 6, 3, new int[0], new int[0]))
        .isInstanceOf(InvalidInputException.class).hasMessage("round = 0; expected >= 1");
    assertThatThrownBy(() -> FitPlan.of(1, 1, 6, 3, new int[] {6}, new int[] {0}))
        .isInstanceOf(InvalidInputException.class).hasMessage("labeled[0] = 6 is outside the pool [0, 6)");
    assertThatThrownBy(() -> FitPlan.of(1, 1, 6, 3, new int[] {1, 1}, new int[] {0, 0}))
        .isInstanceOf(InvalidInputException.class).hasMessage("labeled[1] = 1 appears twice");
    assertThatThrownBy(() -> FitPlan.of(1, 1, 6, 3, new int[] {1}, new int[] {3}))
        .isInstanceOf(InvalidInputException.class).hasMessage("labels[0] = 3; expected a class in [0, 3)");
    assertThatThrownBy(() -> FitPlan.of(1, 1, 6, 3, new int[] {1}, new int[0]))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("one label per labeled item");
  }

  @Test
  void extraItemsAccumulateAndAreCheckedAtTheBoundary() {
    FitPlan plan = plan().addItems(new int[] {0}, new int[] {1}, new float[] {0.5f});
    assertThat(plan.requested()).containsExactly(FitPlan.Hook.EXTRA_ITEMS);
    plan.addItems(new int[] {5, 3}, new int[] {2, 2}, new float[] {1, 2});
    assertThat(plan.extraItems()).containsExactly(0, 5, 3);
    assertThat(plan.extraLabels()).containsExactly(1, 2, 2);
    assertThat(plan.extraWeights()).containsExactly(0.5f, 1, 2);
    plan.extraItems()[0] = 99;
    assertThat(plan.extraItems()).as("a copy").startsWith(0);
    assertThatThrownBy(() -> plan.addItems(new int[] {4}, new int[] {0}, new float[] {1}))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("addItems: poolIndices[0] = 4 is labeled; expected an unlabeled item");
    assertThatThrownBy(() -> plan.addItems(new int[] {2, 5}, new int[] {0, 0}, new float[] {1, 1}))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("addItems: poolIndices[1] = 5 is added twice; expected each item once");
    assertThat(plan.extraItems()).as("a refused call adds nothing").containsExactly(0, 5, 3);
    assertThatThrownBy(() -> plan().addItems(new int[] {9}, new int[] {0}, new float[] {1}))
        .hasMessage("addItems: poolIndices[0] = 9 is outside the pool [0, 6)");
    assertThatThrownBy(() -> plan().addItems(new int[] {2}, new int[] {-1}, new float[] {1}))
        .hasMessage("addItems: labels[0] = -1; expected a class in [0, 3)");
    for (float bad : new float[] {0, -1, Float.NaN, Float.POSITIVE_INFINITY}) {
      assertThatThrownBy(() -> plan().addItems(new int[] {2}, new int[] {0}, new float[] {bad}))
          .isInstanceOf(InvalidInputException.class)
          .hasMessage("addItems: weights[0] = " + bad + "; expected a finite weight > 0");
    }
    assertThatThrownBy(() -> plan().addItems(new int[] {2}, new int[] {0, 1}, new float[] {1}))
        .hasMessage("addItems: 1 items, 2 labels and 1 weights; expected one label and one weight per item");
    assertThat(plan().addItems(new int[0], new int[0], new float[0]).requested()).as("nothing added").isEmpty();
  }

  @Test
  void oneObserverAndOneHeadAFit() {
    EpochObserver observer = (epoch, p) -> {};
    FitPlan plan = plan().observeEpochs(new int[] {4, 0}, observer).auxiliaryHead(head(1, 0.6));
    assertThat(plan.requested()).containsExactlyInAnyOrder(FitPlan.Hook.EPOCH_PREDICTIONS,
        FitPlan.Hook.AUXILIARY_HEAD);
    assertThat(plan.observedItems()).containsExactly(4, 0);
    assertThat(plan.epochObserver()).containsSame(observer);
    assertThatThrownBy(() -> plan.observeEpochs(new int[] {1}, observer))
        .hasMessage("observeEpochs: this fit already has an epoch observer; expected one");
    assertThatThrownBy(() -> plan.auxiliaryHead(head(1, 0.6)))
        .hasMessage("auxiliaryHead: this fit already has an auxiliary head; expected one");
    assertThatThrownBy(() -> plan().observeEpochs(new int[0], observer))
        .hasMessage("observeEpochs: no item given; expected at least one pool item");
    assertThatThrownBy(() -> plan().observeEpochs(new int[] {6}, observer))
        .hasMessage("observeEpochs: poolIndices[0] = 6 is outside the pool [0, 6)");
    assertThatThrownBy(() -> plan().auxiliaryHead(head(-1, 0.5)))
        .hasMessage("auxiliaryHead: weight() = -1.0; expected a finite weight >= 0");
    assertThatThrownBy(() -> plan().auxiliaryHead(head(1, 1.5)))
        .hasMessage("auxiliaryHead: detachAfter() = 1.5; expected a fraction in [0, 1]");
  }

  @Test
  void aModelChecksThatThePlanFitsItsCall() {
    FitPlan plan = plan().addItems(new int[] {0}, new int[] {1}, new float[] {1}).observeEpochs(new int[] {2},
        (e, p) -> {});
    plan.checkFit("model 'm'", Set.of(FitPlan.Hook.values()), 6, new int[] {4, 1});
    assertThatThrownBy(() -> plan.checkFit("model 'm'", Set.of(FitPlan.Hook.EXTRA_ITEMS), 6, new int[] {4, 1}))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("model 'm' does not perform the hooks [EPOCH_PREDICTIONS] this plan requests; it performs "
            + "[EXTRA_ITEMS]");
    assertThatThrownBy(() -> plan.checkFit("model 'm'", Set.of(FitPlan.Hook.values()), 7, new int[] {4, 1}))
        .hasMessage("model 'm': the features have 7 rows but the plan is for a pool of 6; expected the same");
    assertThatThrownBy(() -> plan.checkFit("model 'm'", Set.of(FitPlan.Hook.values()), 6, new int[] {4, 0}))
        .hasMessage("model 'm': labeled[1] = 0 is also an extra item of the plan; expected extra items among the "
            + "unlabeled");
  }
}
