package org.alkit.testkit;

import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs work while another thread asks the garbage collector to run, again and again: for tests
 * that native memory a computation still reads is never owned by a Java object the collector may
 * free. DJL's {@code NDArray.mul(Number)}, for one, wraps the number in a tensor over a direct
 * buffer and closes it at once, while libtorch's autograd keeps a pointer to it for the backward
 * pass; a test comparing a training run under this pressure with one without finds that (VaB-AL's
 * VAE diverged to NaN in its first epoch).
 */
public final class CollectorPressure {
  private CollectorPressure() {}

  /**
   * The result of {@code work}, computed while a second thread calls {@link System#gc()} in a loop.
   *
   * @throws Exception whatever {@code work} throws
   */
  public static <T> T during(Callable<T> work) throws Exception {
    AtomicBoolean done = new AtomicBoolean();
    Thread collector = new Thread(() -> {
      while (!done.get()) {
        System.gc();
      }
    }, "alkit-collector-pressure");
    collector.setDaemon(true);
    collector.start();
    try {
      return work.call();
    } finally {
      done.set(true);
      collector.join();
    }
  }
}
