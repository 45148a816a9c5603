package org.alkit.diversity;

import java.util.concurrent.ForkJoinPool;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * A fixed number of worker threads for data-parallel loops. Callers split work into tasks whose
 * outputs are disjoint and combine them in task order, so results never depend on the thread
 * count; with one thread the tasks simply run in order on the caller.
 */
final class Workers implements AutoCloseable {
  private final int threads;
  private final ForkJoinPool pool;

  private Workers(int threads) {
    this.threads = threads;
    this.pool = threads == 1 ? null : new ForkJoinPool(threads);
  }

  /** {@code threads ≥ 1} workers. */
  static Workers of(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads = " + threads + "; expected >= 1");
    }
    return new Workers(threads);
  }

  /** One worker per available core. */
  static Workers perCore() {
    return of(Runtime.getRuntime().availableProcessors());
  }

  /** The number of worker threads. */
  int threads() {
    return threads;
  }

  /** Runs {@code body(t)} for every task {@code t} in {@code [0, tasks)} and waits for all. */
  void forEach(int tasks, IntConsumer body) {
    if (pool == null || tasks <= 1) {
      for (int t = 0; t < tasks; t++) {
        body.accept(t);
      }
    } else {
      pool.submit(() -> IntStream.range(0, tasks).parallel().forEach(body)).join();
    }
  }

  @Override
  public void close() {
    if (pool != null) {
      pool.shutdown();
    }
  }
}
