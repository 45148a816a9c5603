package org.alkit.deep;

import java.util.List;
import org.alkit.api.Options;
import org.alkit.api.Parameter;

/**
 * How {@code learning-loss}'s module is built and trained, checked; the defaults are Yoo and
 * Kweon's (CVPR 2019): λ = 1, ξ = 1, the gradient into the backbone stopped after 120 of 200
 * epochs (0.6), FC(128) per tapped layer, a random subset of 10 000 unlabeled items ranked.
 *
 * @param weight λ, the weight of the loss-prediction loss beside the classifier's, ≥ 0
 * @param margin ξ, the ranking margin, ≥ 0
 * @param detachAfter the fraction of the epochs after which the module's gradient stops at the
 *     classifier's layers, in [0, 1]
 * @param units the width of each tapped layer's FC, ≥ 1
 * @param subset how many unlabeled items, drawn at random, the selection ranks (the paper's 10 000
 *     of CIFAR-10's 50 000, for diversity); 0 ranks them all; never fewer than the budget
 */
record LearningLossSettings(double weight, double margin, double detachAfter, int units, int subset) {
  static final List<Parameter> PARAMETERS = List.of(
      Parameter.real("weight", 1, "lambda: weight of the loss-prediction loss beside the classifier's").atLeast(0),
      Parameter.real("margin", 1, "xi: margin of the ranking loss").atLeast(0),
      Parameter.real("detach-after", 0.6, "fraction of the epochs after which the module stops training the classifier's layers")
          .atLeast(0).atMost(1),
      Parameter.integer("units", 128, "units of the FC on each tapped layer").atLeast(1).atMost(65_536),
      Parameter.integer("subset", 10_000, "unlabeled items drawn at random to rank (the paper's 10000); 0: all")
          .atLeast(0));

  /** The settings in {@code options}, whose ranges {@link #PARAMETERS} declares. */
  static LearningLossSettings from(Options options) {
    return new LearningLossSettings(options.getDouble("weight"), options.getDouble("margin"),
        options.getDouble("detach-after"), options.getInt("units"), options.getInt("subset"));
  }
}
