package org.alkit.gpu.model;

import ai.djl.training.tracker.Tracker;

/**
 * How long a network trains, at which learning rate, and when its weights are kept.
 *
 * <ul>
 *   <li>{@link #plain}: a fixed learning rate for {@code epochs} epochs, the weights kept at the end;</li>
 *   <li>{@link #snapshots}: {@code cycles} cycles of {@code epochs} epochs each, the learning rate
 *       annealed along a cosine within each cycle and restarted (Huang, Li, Pleiss, Liu, Hopcroft and
 *       Weinberger, "Snapshot Ensembles: Train 1, get M for free", ICLR 2017):
 *       α(t) = α₀/2 · (cos(π · ((t − 1) mod S) / S) + 1), S the steps of a cycle, t the step from 1;
 *       the weights kept at the end of every cycle.</li>
 * </ul>
 *
 * @param cycles how many cycles, ≥ 1; a plain schedule has one
 * @param epochsPerCycle the epochs of each cycle, ≥ 1
 * @param cyclic whether the learning rate follows the cyclic cosine
 */
record Schedule(int cycles, int epochsPerCycle, boolean cyclic) {
  /** A fixed learning rate for {@code epochs}, one snapshot at the end. */
  static Schedule plain(int epochs) {
    return new Schedule(1, epochs, false);
  }

  /** {@code cycles} cosine cycles of {@code epochs} epochs each, a snapshot after each. */
  static Schedule snapshots(int cycles, int epochs) {
    return new Schedule(cycles, epochs, true);
  }

  /** All epochs. */
  int epochs() {
    return cycles * epochsPerCycle;
  }

  /** Whether the weights are kept after {@code epoch} (from 0). */
  boolean snapshotAfter(int epoch) {
    return (epoch + 1) % epochsPerCycle == 0;
  }

  /**
   * The learning rate of each Adam update (DJL counts updates from 1).
   *
   * @param stepsPerEpoch the mini-batches of an epoch
   */
  Tracker learningRate(float base, int stepsPerEpoch) {
    if (!cyclic) {
      return Tracker.fixed(base);
    }
    int steps = Math.max(1, stepsPerEpoch * epochsPerCycle);
    return update -> (float) (base / 2 * (Math.cos(Math.PI * Math.floorMod(update - 1, steps) / steps) + 1));
  }
}
