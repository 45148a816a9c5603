package org.alkit.gpu.engine;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.engine.EngineException;
import java.util.function.Supplier;
import org.alkit.api.AlException;
import org.alkit.api.InvalidInputException;

/**
 * alkit's one door to DJL's PyTorch engine (libtorch): starts it on first use, parses device
 * names and serialises every computation that draws from libtorch's random generator.
 *
 * <p>libtorch's generator is process-global (DJL's {@code Engine.setRandomSeed} calls
 * {@code torch::manual_seed}), so a seeded computation — weight initialisation, dropout while
 * training, Monte-Carlo dropout passes — runs under one lock after seeding it: the same seed then
 * gives the same numbers whatever else the process does, as Tribuo's {@code rng.split()} gives
 * each trainer its own stream. DJL also allows one gradient collector at a time.
 *
 * <p>libtorch runs on one intra-op thread unless the system property {@value #THREADS} says
 * otherwise: its reductions split by thread count, so one thread gives the same bits on every
 * machine, and alkit's networks are small enough that a second thread gained little (measured:
 * an mlp fit on 5 000 Fashion-MNIST images 9.2 s on one thread, 10.1 s on two; on two cores
 * shared with other work, two threads wait for each other in OpenMP's spin: 654 s against 35 s,
 * as PyTorch's own fit does, 686 s; {@code docs/benchmarks.md}). The property plays the part of
 * PyTorch's {@code torch.set_num_threads}.
 *
 * <p>The engine runs offline: libtorch comes from the native jar
 * ({@code ai.djl.pytorch:pytorch-native-cpu}, classifier {@code linux-x86_64}, or the CUDA build
 * of the {@code cuda} Maven profile) on the class path and is extracted into
 * {@code DJL_CACHE_DIR}; run with {@code -Dai.djl.offline=true} so nothing is ever downloaded.
 */
public final class Torch {
  /** DJL's name of the PyTorch engine. */
  public static final String ENGINE = "PyTorch";

  /** DJL's setting of libtorch's intra-op threads, read when the engine starts. */
  public static final String THREADS = "ai.djl.pytorch.num_threads";

  private static final Object RANDOM = new Object();

  private Torch() {}

  /**
   * The PyTorch engine, started on first use (about a second: libtorch is loaded).
   *
   * @throws AlException saying what is missing when libtorch cannot be started
   */
  public static Engine engine() {
    return Holder.ENGINE;
  }

  /** Loads the engine when {@link Holder} is first touched, so a failure is reported on each use. */
  private static final class Holder {
    static final Engine ENGINE = start();

    private static Engine start() {
      if (System.getProperty(THREADS) == null) {
        System.setProperty(THREADS, "1");
      }
      try {
        return Engine.getEngine(Torch.ENGINE);
      } catch (EngineException | IllegalArgumentException e) {
        throw new AlException("the PyTorch engine of DJL could not be started (" + e.getMessage()
            + "); alkit expects ai.djl.pytorch:pytorch-engine, pytorch-jni and the native jar "
            + "pytorch-native-cpu (or the CUDA build) on the class path, run offline with "
            + "-Dai.djl.offline=true and DJL_CACHE_DIR pointing at a writable folder", e);
      }
    }
  }

  /**
   * The device {@code spec} names: {@code cpu}, {@code gpu} (the first GPU) or {@code gpu:N}.
   *
   * @param option how the caller names the setting in messages, e.g. {@code model 'mlp': option 'device'}
   * @throws InvalidInputException for another name, or a GPU this machine does not have
   */
  public static Device device(String option, String spec) {
    String s = spec.trim();
    if (s.equals("cpu")) {
      return Device.cpu();
    }
    int index;
    if (s.equals("gpu")) {
      index = 0;
    } else if (s.matches("gpu:\\d{1,4}")) {
      index = Integer.parseInt(s.substring(4));
    } else {
      throw new InvalidInputException(option + " = '" + spec + "'; expected cpu, gpu or gpu:N");
    }
    int gpus = engine().getGpuCount();
    if (index >= gpus) {
      throw new InvalidInputException(option + " = '" + spec + "', but PyTorch sees " + gpus
          + (gpus == 1 ? " GPU" : " GPUs") + (gpus == 0
              ? " (no CUDA device, or the CPU build of libtorch: build with ./mvnw -Pcuda for the CUDA one)"
              : "") + "; expected cpu" + (gpus > 0 ? " or gpu:0..gpu:" + (gpus - 1) : ""));
    }
    return Device.gpu(index);
  }

  /**
   * Runs {@code work} alone among seeded computations, after seeding libtorch's generator with
   * {@code seed}: the same seed gives the same random draws.
   */
  public static <T> T seeded(long seed, Supplier<T> work) {
    Engine engine = engine();
    synchronized (RANDOM) {
      engine.setRandomSeed(Long.hashCode(seed));
      return work.get();
    }
  }
}
