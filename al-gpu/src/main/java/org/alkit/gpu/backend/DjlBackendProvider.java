package org.alkit.gpu.backend;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import org.alkit.api.AlException;
import org.alkit.api.BackendProvider;
import org.alkit.api.ComputeBackend;
import org.alkit.api.NetworkTraining;
import org.alkit.api.Options;
import org.alkit.api.Parameter;
import org.alkit.gpu.engine.Torch;

/**
 * Publishes the DJL {@link ComputeBackend} under the name {@value #NAME}: the pairwise kernels
 * (distances, gram and similarity matrices, nearest and k-nearest neighbours) as blocked libtorch
 * matrix products on the CPU or a CUDA GPU, the rest on the {@code java} backend (see
 * {@link DjlBackend}). Selected by {@code backend: djl} in the run configuration or
 * {@code --backend djl}; DJL and libtorch are loaded only when it is created.
 *
 * <p>Options: {@code device} ({@code cpu}, {@code gpu} = the first GPU, {@code gpu:N}; a GPU
 * needs the CUDA build of libtorch, Maven profile {@code cuda}), {@code threads} (0 = one per
 * available core: libtorch's intra-op threads, which are process-wide, so the DJL models of the
 * same process run on as many; and the {@code java} backend's workers) and {@code block} (query
 * rows per matrix product, further capped at 2²⁴ values a block).
 *
 * <p>Its backends offer {@link NetworkTraining} on their device and threads (declared in
 * {@link #capabilities()}): when the configured backend is another one ({@code java}) and a
 * strategy needs it, the runtime creates this backend for training alone, at its defaults with one
 * thread.
 */
public final class DjlBackendProvider implements BackendProvider {
  /** The name configuration selects this backend by. */
  public static final String NAME = "djl";

  /** The backend the work DJL does not do goes to. */
  private static final String DELEGATE = "java";

  /** The ServiceLoader constructor. */
  public DjlBackendProvider() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<Parameter> parameters() {
    return List.of(
        Parameter.text("device", "cpu", "cpu, gpu (the first GPU) or gpu:N; a GPU needs the cuda build"),
        Parameter.integer("threads", 0, "libtorch intra-op threads (process-wide) and java workers; "
            + "0 = one per available core").atLeast(0),
        Parameter.integer("block", 2048, "query rows per matrix product (at most 2^24 values a block)").atLeast(1));
  }

  @Override
  public Set<Class<?>> capabilities() {
    return Set.of(NetworkTraining.class);
  }

  /** Makes the {@code java} backend with this {@code threads}, then starts libtorch on the device. */
  @Override
  public ComputeBackend create(Options options) {
    int block = options.getInt("block");
    ComputeBackend delegate = delegate(options.getInt("threads"));
    try {
      Device device = Torch.device(options.owner() + ": option 'device'", options.getString("device"));
      Engine engine = Torch.engine();
      JniUtils.setNumThreads(delegate.threads());
      return new DjlBackend(engine.newBaseManager(device), delegate, block);
    } catch (RuntimeException e) {
      delegate.close();
      throw e;
    }
  }

  /**
   * The {@code java} backend on {@code threads} workers (0 = one per core; this backend's
   * {@code threads} already checked), found like every backend (ServiceLoader).
   */
  private static ComputeBackend delegate(int threads) {
    for (BackendProvider p : ServiceLoader.load(BackendProvider.class)) {
      if (p.name().equals(DELEGATE)) {
        return p.create(p.options(Map.of("threads", Integer.toString(threads))));
      }
    }
    throw new AlException("backend '" + NAME + "' runs parallelFor, top-k and the centre trackers on "
        + "backend '" + DELEGATE + "' (module org.alkit.backend.java, jar al-backend-java), which is not on the path");
  }
}
