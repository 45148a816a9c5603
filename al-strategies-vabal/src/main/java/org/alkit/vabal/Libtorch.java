package org.alkit.vabal;

import ai.djl.engine.Engine;
import ai.djl.engine.EngineException;
import java.util.function.Supplier;
import org.alkit.api.AlException;

/**
 * VaB-AL's access to DJL's PyTorch engine, through DJL's api alone: the engine
 * ({@code ai.djl.pytorch:pytorch-engine} with its JNI and native jars) is found at run time by
 * DJL's {@link java.util.ServiceLoader} lookup, so this module compiles against {@code ai.djl.api}
 * and never sees alkit's model module.
 *
 * <p>libtorch runs on one intra-op thread unless {@value #THREADS} says otherwise, as alkit's
 * models do (whichever of them starts the engine first sets it): one thread gives the same bits
 * on every machine. DJL's PyTorch engine lets one gradient collector run at a time in a process,
 * so training holds the engine instance's monitor ({@link #exclusive}), the same one alkit's
 * models hold while they train: a VAE and a network never train at once, whichever module runs
 * them.
 */
final class Libtorch {
  /** DJL's name of the PyTorch engine. */
  static final String ENGINE = "PyTorch";

  /** DJL's setting of libtorch's intra-op threads, read when the engine starts. */
  static final String THREADS = "ai.djl.pytorch.num_threads";

  private Libtorch() {}

  /**
   * The PyTorch engine, started on first use.
   *
   * @throws AlException saying what is missing when libtorch cannot be started
   */
  static Engine engine() {
    return Holder.STARTED;
  }

  /** Runs {@code work} while no other training in this process holds the engine. */
  static <T> T exclusive(Supplier<T> work) {
    Engine engine = engine();
    synchronized (engine) {
      return work.get();
    }
  }

  /** Starts the engine when first touched, so a failure is reported on each use. */
  private static final class Holder {
    static final Engine STARTED = start();

    private static Engine start() {
      if (System.getProperty(THREADS) == null) {
        System.setProperty(THREADS, "1");
      }
      try {
        return Engine.getEngine(Libtorch.ENGINE);
      } catch (EngineException | IllegalArgumentException e) {
        throw new AlException("vabal's VAE needs DJL's PyTorch engine, which could not be started ("
            + e.getMessage() + "); put ai.djl.pytorch:pytorch-engine, pytorch-jni and pytorch-native-cpu "
            + "(or the CUDA build) on the class path, run with -Dai.djl.offline=true and DJL_CACHE_DIR "
            + "pointing at a writable folder, or choose likelihood: gaussian", e);
      }
    }
  }
}
