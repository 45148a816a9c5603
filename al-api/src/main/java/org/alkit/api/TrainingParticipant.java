package org.alkit.api;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Set;
import org.apiguardian.api.API;

/**
 * A {@link Strategy} that takes part in the training of the classifier it selects with: before
 * each fit the loop hands it that fit's {@link FitPlan}, to which it adds pseudo-labelled items
 * (CEAL, Wang, Zhang, Li, Zhang and Lin, "Cost-Effective Active Learning for Deep Image
 * Classification", IEEE TCSVT 2016), items whose predictions it observes after every epoch
 * (forgetting events, Toneva et al., "An Empirical Study of Example Forgetting during Deep Neural
 * Network Learning", ICLR 2019; label dispersion, Bengar et al. 2021) or a module trained jointly
 * with the classifier (learning loss, Yoo and Kweon, "Learning Loss for Active Learning", CVPR
 * 2019). The model performs the plan through its {@link TrainingHooks}.
 *
 * <pre>{@code
 * final class Forgetting implements Strategy, TrainingParticipant {
 *   public Set<FitPlan.Hook> hooks() { return Set.of(FitPlan.Hook.EPOCH_PREDICTIONS); }
 *   public void beforeFit(FitPlan plan) { plan.observeEpochs(unlabeled(plan), this::record); }
 *   public Selection select(SelectionContext ctx) { ... the most forgotten items ... }
 * }
 * }</pre>
 *
 * <p><b>Order and threads.</b> The loop calls {@link #beforeFit} on its own thread before each
 * round's fit, then calls {@link Strategy#select} with that round's context, and calls it once more
 * before the final fit (whose plan's round is one past the last); the plan's callbacks
 * ({@link EpochObserver}, {@link AuxiliaryHead}) run during the fit that follows, on the fitting
 * thread. A participant's state must come only from these calls (never from the clock or a global
 * generator), so that the same seed gives the same run.
 *
 * <p><b>Checked before round 1.</b> The runtime compares {@link #hooks()} with the model's
 * {@link TrainingHooks#supported()} and refuses the run in one line when the model cannot perform
 * one; {@code alkit select}, which fits nothing, refuses a participant that declares any hook. A
 * plan that requests a hook not in {@link #hooks()} is an error of the participant.
 *
 * <p><b>Resumed runs.</b> When a run resumes from its journal, the loop runs every recorded round
 * of a participant again (its fit with the plan, and its selection), takes the labels from the
 * journal instead of the oracle, and checks that the picks are the recorded ones: a participant's
 * state is rebuilt from the same calls as in the uninterrupted run, so the resumed run ends as that
 * one would.
 */
@API(status = EXPERIMENTAL, since = "0.2")
public interface TrainingParticipant {
  /** The hooks {@link #beforeFit} may request; checked against the model before round 1. */
  Set<FitPlan.Hook> hooks();

  /** Called before each fit (each round's, and the final one); adds to {@code plan}. */
  void beforeFit(FitPlan plan);
}
