package org.alkit.gpu.backend;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.alkit.api.AlException;
import org.alkit.api.InvalidInputException;
import org.alkit.api.NetworkTraining;
import org.alkit.gpu.engine.Torch;

/**
 * The {@link NetworkTraining} of the {@code djl} backend: sessions are base {@link NDManager}s of
 * DJL's PyTorch engine on the backend's device, run under {@link Torch#seeded} (libtorch's
 * generator seeded, alkit's training lock held: the lock the {@code mlp}, {@code cnn} and
 * {@code embed} models train under), with the backend's libtorch intra-op threads. Valid while the
 * backend is open.
 */
final class DjlNetworkTraining implements NetworkTraining {
  private final Device device;
  private final int threads;
  private final BooleanSupplier open;

  DjlNetworkTraining(Device device, int threads, BooleanSupplier open) {
    this.device = device;
    this.threads = threads;
    this.open = open;
  }

  @Override
  public String engine() {
    return Torch.ENGINE + " (DJL)";
  }

  @Override
  public String device() {
    return device.isGpu() ? "gpu:" + device.getDeviceId() : "cpu";
  }

  @Override
  public int threads() {
    return threads;
  }

  @Override
  public Set<Class<?>> sessionTypes() {
    return Set.of(NDManager.class);
  }

  @Override
  public <H, R> R session(Class<H> type, long seed, Function<? super H, ? extends R> work) {
    if (type != NDManager.class) {
      throw new InvalidInputException("NetworkTraining of backend '" + DjlBackendProvider.NAME
          + "' opens sessions of type " + NDManager.class.getName() + "; got " + type.getName());
    }
    if (!open.getAsBoolean()) {
      throw new AlException("NetworkTraining of backend '" + DjlBackendProvider.NAME
          + "' used after its backend was closed");
    }
    return Torch.seeded(seed, () -> {
      try (NDManager manager = Torch.engine().newBaseManager(device)) {
        return work.apply(type.cast(manager));
      }
    });
  }

  @Override
  public String toString() {
    return engine() + " on " + device() + ", " + threads + (threads == 1 ? " thread" : " threads");
  }
}
