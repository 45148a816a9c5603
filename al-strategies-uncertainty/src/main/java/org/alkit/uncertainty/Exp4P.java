package org.alkit.uncertainty;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.alkit.api.InvalidInputException;

/**
 * EXP4.P (Beygelzimer, Langford, Li, Reyzin and Schapire, "Contextual Bandit Algorithms with
 * Supervised Learning Guarantees", AISTATS 2011) over the unlabeled items as arms, as libact's
 * {@code Exp4P} runs it for active learning by learning (Hsu and Lin 2015). N experts advise: each
 * of the first N − 1 proposes one arm, the last is uniform over the K arms. With the weights w,
 * W = Σw and p_min the exploration floor,
 *
 * <pre>  p_j = (1 − K·p_min) · Σ_i (w_i / W) · ξ_i(j) + p_min</pre>
 *
 * is drawn from; once the reward r of the pick a is known (see {@link #reward}), every expert's
 * weight is updated as
 *
 * <pre>  w_i ← w_i · exp(p_min/2 · (ξ_i(a)·r / p_a + v̂_i·√(ln(N/δ) / (K·T)))),   v̂_i = Σ_j ξ_i(j) / p_j</pre>
 *
 * with K, p_min those of the pick and T the horizon. p_min defaults to libact's √(ln N / (K·T));
 * given or not, it is capped at 1/(2K) so that the experts keep half the mass on a large pool.
 * Unlike libact, whose r̂ vector keeps the rewards of earlier arms, r̂ is the reward of this pick
 * alone, as in the paper. The weights are kept as logarithms, so they never overflow.
 *
 * <p>The state (log-weights, the updates awaiting a reward, the picks with their importance
 * weights 1/p_a) round-trips through {@link #state()} and {@link #restore}, exactly (hexadecimal
 * doubles).
 */
final class Exp4P {
  private final int experts;
  private final double delta;
  private final int horizon;
  private final double pmin;
  private double[] logWeights;
  /** Per pick awaiting its reward: the coefficients a (of r) then b (constant) of each expert's exponent. */
  private final List<double[]> pending = new ArrayList<>();
  private final List<Integer> queried = new ArrayList<>();
  private final List<Double> importance = new ArrayList<>();

  /**
   * @param experts N, the uniform expert included (the last)
   * @param pmin the exploration floor, or 0 for libact's default
   */
  Exp4P(int experts, double delta, int horizon, double pmin) {
    this.experts = experts;
    this.delta = delta;
    this.horizon = horizon;
    this.pmin = pmin;
    this.logWeights = new double[experts];
  }

  /** p_min for K arms. */
  double pmin(int arms) {
    double floor = pmin > 0 ? pmin : Math.sqrt(Math.log(experts) / arms / horizon);
    return Math.min(floor, 0.5 / arms);
  }

  /** w / W. */
  double[] shares() {
    double max = Arrays.stream(logWeights).max().orElse(0);
    double sum = 0;
    double[] out = new double[experts];
    for (int i = 0; i < experts; i++) {
      out[i] = Math.exp(logWeights[i] - max);
      sum += out[i];
    }
    for (int i = 0; i < experts; i++) {
      out[i] /= sum;
    }
    return out;
  }

  /** What one pick gives: the arm and its probability p_a. */
  record Pick(int arm, double probability) {}

  /**
   * Draws one arm among {@code arms} (ascending, K of them) from p, with {@code proposals[i]} the arm
   * expert i proposes (one of {@code arms}), and records the pick's pending update. The draw is the
   * first arm whose cumulative p, in ascending order, exceeds {@code u} (uniform in [0, 1)).
   */
  Pick pick(int[] arms, int[] proposals, double u) {
    int k = arms.length;
    double floor = pmin(k);
    double[] share = shares();
    double scale = 1 - k * floor;
    double base = floor + scale * share[experts - 1] / k;
    double[] mass = new double[k];
    Arrays.fill(mass, base);
    int[] position = new int[proposals.length];
    for (int i = 0; i < proposals.length; i++) {
      position[i] = Arrays.binarySearch(arms, proposals[i]);
      mass[position[i]] += scale * share[i];
    }
    int chosen = k - 1;
    double cumulative = 0;
    for (int j = 0; j < k; j++) {
      cumulative += mass[j];
      if (u < cumulative) {
        chosen = j;
        break;
      }
    }
    double p = mass[chosen];
    double uniformV = 0;
    for (int j = 0; j < k; j++) {
      uniformV += 1.0 / k / mass[j];
    }
    double root = Math.sqrt(Math.log(experts / delta) / k / horizon);
    double[] update = new double[2 * experts];
    for (int i = 0; i < experts; i++) {
      boolean uniform = i == experts - 1;
      double advice = uniform ? 1.0 / k : (position[i] == chosen ? 1 : 0);
      double v = uniform ? uniformV : 1 / mass[position[i]];
      update[i] = floor / 2 * advice / p;
      update[experts + i] = floor / 2 * v * root;
    }
    pending.add(update);
    queried.add(arms[chosen]);
    importance.add(1 / p);
    return new Pick(arms[chosen], p);
  }

  /** Whether picks await a reward. */
  boolean awaitsReward() {
    return !pending.isEmpty();
  }

  /** The picks so far, in order. */
  int[] queried() {
    return queried.stream().mapToInt(Integer::intValue).toArray();
  }

  /**
   * IW-ACC (Hsu and Lin 2015): (1/(n·T)) Σ_t W_t·[y_t = f(x_t)] over every pick t so far, W_t = 1/p
   * of the pick, {@code correct[t]} whether the current model predicts its label.
   */
  double reward(boolean[] correct, int poolSize) {
    double sum = 0;
    for (int t = 0; t < correct.length; t++) {
      sum += correct[t] ? importance.get(t) : 0;
    }
    return sum / poolSize / horizon;
  }

  /** Applies {@code reward} to every pick awaiting it, in pick order. */
  void update(double reward) {
    for (double[] u : pending) {
      for (int i = 0; i < experts; i++) {
        logWeights[i] += u[i] * reward + u[experts + i];
      }
    }
    pending.clear();
  }

  /** The log-weights (a copy). */
  double[] logWeights() {
    return logWeights.clone();
  }

  /** The state as one line: {@code w=…;q=item:W,…;u=a…|b…/…}, doubles in hexadecimal. */
  String state() {
    StringBuilder s = new StringBuilder("w=").append(hex(logWeights)).append(";q=");
    for (int t = 0; t < queried.size(); t++) {
      s.append(t == 0 ? "" : ",").append(queried.get(t)).append(':').append(Double.toHexString(importance.get(t)));
    }
    s.append(";u=");
    for (int t = 0; t < pending.size(); t++) {
      s.append(t == 0 ? "" : "/").append(hex(pending.get(t)));
    }
    return s.toString();
  }

  /** Restores a {@link #state()}. */
  void restore(String state) {
    String[] parts = state.split(";", -1);
    if (parts.length != 3 || !parts[0].startsWith("w=") || !parts[1].startsWith("q=") || !parts[2].startsWith("u=")) {
      throw bad(state, "expected w=…;q=…;u=…");
    }
    try {
      double[] w = doubles(parts[0].substring(2));
      if (w.length != experts) {
        throw bad(state, w.length + " weights for " + experts + " experts");
      }
      List<Integer> items = new ArrayList<>();
      List<Double> weights = new ArrayList<>();
      for (String q : parts[1].substring(2).split(",")) {
        if (q.isEmpty()) {
          continue;
        }
        String[] pair = q.split(":");
        items.add(Integer.parseInt(pair[0]));
        weights.add(Double.parseDouble(pair[1]));
      }
      List<double[]> updates = new ArrayList<>();
      for (String u : parts[2].substring(2).split("/")) {
        if (!u.isEmpty()) {
          double[] update = doubles(u);
          if (update.length != 2 * experts) {
            throw bad(state, "an update of " + update.length + " values; expected " + 2 * experts);
          }
          updates.add(update);
        }
      }
      logWeights = w;
      queried.clear();
      queried.addAll(items);
      importance.clear();
      importance.addAll(weights);
      pending.clear();
      pending.addAll(updates);
    } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
      throw new InvalidInputException("strategy-state = '" + state + "'; " + e.getMessage(), e);
    }
  }

  private static InvalidInputException bad(String state, String why) {
    return new InvalidInputException("strategy-state = '" + state + "'; " + why);
  }

  private static String hex(double[] values) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < values.length; i++) {
      s.append(i == 0 ? "" : ",").append(Double.toHexString(values[i]));
    }
    return s.toString();
  }

  private static double[] doubles(String csv) {
    return Arrays.stream(csv.split(",")).mapToDouble(Double::parseDouble).toArray();
  }
}
