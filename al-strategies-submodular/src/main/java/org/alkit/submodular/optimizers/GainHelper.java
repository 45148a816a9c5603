package org.alkit.submodular.optimizers;

import org.alkit.submodular.SetFunction;

/**
 * A second thread that evaluates one marginal gain f(k | A) while the caller evaluates another,
 * for the lazy greedy's re-evaluations. Work is handed over by spinning on volatile fields
 * ({@link Thread#onSpinWait}), as waking a parked thread costs tens of µs, more than a gain of a
 * 10 000-row facility-location kernel (about 10 µs): measured on 2 cores, batches of 2 to 32 stale
 * items on the fork-join pool re-evaluated no faster than one at a time, this pair 1.7× faster.
 * The thread spins only between {@link #start} and {@link #close}, one greedy run. It computes the
 * number the caller would ({@link SetFunction#gain} only reads the memo, which does not change
 * while a gain is out), so results do not depend on it.
 */
final class GainHelper implements AutoCloseable {
  /** {@link #task} when no gain is out. */
  private static final int IDLE = -1;
  /** {@link #task} when the gain handed over is done. */
  private static final int DONE = -2;

  private final SetFunction f;
  /** The item whose gain is wanted, {@link #IDLE} or {@link #DONE}. */
  private volatile int task = IDLE;
  private volatile boolean closed;
  private double gain;
  private Throwable failure;

  private GainHelper(SetFunction f) {
    this.f = f;
  }

  /**
   * A started helper for {@code f}, or {@code null} on a single processor, where it could only
   * take turns with the caller.
   */
  static GainHelper start(SetFunction f) {
    if (Runtime.getRuntime().availableProcessors() < 2) {
      return null;
    }
    GainHelper helper = new GainHelper(f);
    Thread thread = new Thread(helper::run, "alkit-lazy-greedy-gains");
    thread.setDaemon(true);
    thread.start();
    return helper;
  }

  private void run() {
    while (!closed) {
      int k = task;
      if (k < 0) {
        Thread.onSpinWait();
        continue;
      }
      try {
        gain = f.gain(k);
      } catch (RuntimeException | Error e) {
        failure = e;
      }
      task = DONE; // publishes gain and failure
    }
  }

  /** Starts f(k | A); the memo must not change until {@link #await}. */
  void submit(int k) {
    failure = null;
    task = k; // publishes the memo
  }

  /** f(k | A) of the item last {@linkplain #submit submitted}, or what its evaluation threw. */
  double await() {
    while (task != DONE) {
      Thread.onSpinWait();
    }
    task = IDLE;
    if (failure instanceof Error e) {
      throw e;
    }
    if (failure != null) {
      throw (RuntimeException) failure;
    }
    return gain;
  }

  /** Lets the thread end, after the gain it may still be computing. */
  @Override
  public void close() {
    closed = true;
  }
}
