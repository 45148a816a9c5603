package org.alkit.api;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Set;
import java.util.function.Function;
import org.apiguardian.api.API;

/**
 * A network trained on the configured engine: the door through which a strategy that trains a
 * network of its own (VaB-AL's VAE, Choi et al. CVPR 2021; VAAL's VAE and discriminator, Sinha et
 * al. ICCV 2019; MAL, Ebrahimi et al. 2021) reaches the engine, its device and its threads, so that
 * the run's configuration ({@code --backend djl --backend-option device=cpu}) governs those
 * networks as it governs alkit's own. A capability ({@link ComputeBackend#capability},
 * {@link SelectionContext#capability}); a strategy declares that it needs one in
 * {@link StrategyProvider#capabilities(Options)}, and the runtime binds one before round 1 or
 * refuses the run in one line.
 *
 * <p>The engine's own tensor API does the work: a session hands the caller a native handle of one
 * of {@link #sessionTypes()} ({@code ai.djl.ndarray.NDManager} for the {@code djl} backend), in the
 * style of JDBC's {@code Wrapper.unwrap}, so al-api names no third-party type and a plugin depends
 * on al-api and the engine's API (for DJL, {@code ai.djl:api}) alone:
 *
 * <pre>{@code
 * NetworkTraining training = ctx.capability(NetworkTraining.class).orElseThrow();
 * float[] weights = training.session(NDManager.class, ctx.seed(), manager -> {
 *   NDArray w = manager.randomNormal(new Shape(4, 2));   // on the configured device
 *   try (GradientCollector c = manager.getEngine().newGradientCollector()) { ... }
 *   return w.toFloatArray();                               // copy out before the session closes
 * });
 * }</pre>
 *
 * <p><b>Determinism.</b> A session seeds the engine's random generator with {@code seed} first and
 * holds the engine's training lock for its whole length: one seeded computation at a time in the
 * process, shared with alkit's own networks (the {@code mlp}, {@code cnn} and {@code embed}
 * models), so the same seed and inputs give the same bits whatever else the process does, on the
 * same device and the same {@link #threads()}. Draws from a Java generator seeded by the caller are
 * deterministic too, and do not depend on the engine's generator at all.
 *
 * <p><b>Threads.</b> Any thread may open a session; sessions run one after another. The engine
 * computes on {@link #threads()} intra-op threads of its own (libtorch's are process-wide), which
 * is not a thread the strategy starts. Work must not open another session from inside one.
 *
 * <p><b>Native handles.</b> The handle lives exactly as long as {@code work}: the implementation
 * closes it, and every array created from it, when {@code work} returns or throws. Copy results
 * out (e.g. {@code NDArray.toFloatArray()}) before returning; never return or keep the handle or
 * an array of it. The capability itself is valid while the backend that offers it is open; the
 * backend's owner closes it, never the strategy.
 */
@API(status = EXPERIMENTAL, since = "0.2")
public interface NetworkTraining {
  /** The engine, for messages and reports, e.g. {@code PyTorch (DJL)}. */
  String engine();

  /** The device sessions compute on, as configuration names it, e.g. {@code cpu} or {@code gpu:0}. */
  String device();

  /** The engine's intra-op threads. */
  int threads();

  /** The handle types {@link #session} opens, e.g. {@code ai.djl.ndarray.NDManager}. */
  Set<Class<?>> sessionTypes();

  /**
   * Runs {@code work} with a fresh native session of type {@code H} on {@link #device()} (DJL: a
   * base {@code NDManager} on the device), after seeding the engine's generator with {@code seed}
   * and while holding the engine's training lock; closes the session afterwards and returns what
   * {@code work} returned.
   *
   * @throws InvalidInputException if {@code type} is not one of {@link #sessionTypes()} (the
   *     message names it and lists them)
   */
  <H, R> R session(Class<H> type, long seed, Function<? super H, ? extends R> work);
}
