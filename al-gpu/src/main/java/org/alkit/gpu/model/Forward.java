package org.alkit.gpu.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.alkit.api.Matrix;

/** Feeds the rows of a matrix to a network in batches of {@value #BATCH} scaled rows. */
final class Forward {
  /** Rows per forward pass. */
  static final int BATCH = 1024;

  private Forward() {}

  /** What runs on one batch: {@code input} holds rows {@code from..to)} of x, scaled and shaped. */
  @FunctionalInterface
  interface Pass {
    void apply(NDArray input, int from, int to);
  }

  /** Runs {@code pass} on every batch of {@code x}; each batch's arrays are freed after it. */
  static void batches(Matrix x, Architecture architecture, Scaler scaler, NDManager manager, Pass pass) {
    int n = x.rows();
    for (int from = 0; from < n; from += BATCH) {
      int to = Math.min(n, from + BATCH);
      try (NDManager batch = manager.newSubManager()) {
        pass.apply(batch.create(scaler.rows(x, i -> i, from, to), architecture.inputShape(x.cols(), to - from)),
            from, to);
      }
    }
  }
}
