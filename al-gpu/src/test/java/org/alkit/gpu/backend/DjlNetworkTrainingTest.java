package org.alkit.gpu.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Map;
import org.alkit.api.AlException;
import org.alkit.api.ComputeBackend;
import org.alkit.api.InvalidInputException;
import org.alkit.api.NetworkTraining;
import org.junit.jupiter.api.Test;

/** The {@link NetworkTraining} the djl backend offers. */
class DjlNetworkTrainingTest {
  private static ComputeBackend backend(Map<String, String> options) {
    DjlBackendProvider p = new DjlBackendProvider();
    return p.create(p.options(options));
  }

  private static float[] draws(NetworkTraining training, long seed) {
    return training.session(NDManager.class, seed, m -> m.randomNormal(new Shape(5)).toFloatArray());
  }

  @Test
  void theProviderDeclaresItAndTheBackendOffersItOnItsDeviceAndThreads() {
    assertThat(new DjlBackendProvider().capabilities()).containsExactly(NetworkTraining.class);
    try (ComputeBackend djl = backend(Map.of("device", "cpu", "threads", "1"))) {
      NetworkTraining training = djl.capability(NetworkTraining.class).orElseThrow();
      assertThat(training.engine()).isEqualTo("PyTorch (DJL)");
      assertThat(training.device()).isEqualTo("cpu");
      assertThat(training.threads()).isEqualTo(1);
      assertThat(training.sessionTypes()).containsExactly(NDManager.class);
      assertThat(djl.capability(String.class)).isEmpty();
    }
  }

  @Test
  void aSessionIsAFreshManagerOnTheDeviceClosedAfterTheWork() {
    try (ComputeBackend djl = backend(Map.of("device", "cpu", "threads", "1"))) {
      NetworkTraining training = djl.capability(NetworkTraining.class).orElseThrow();
      NDManager[] held = new NDManager[1];
      NDArray[] array = new NDArray[1];
      Device device = training.session(NDManager.class, 1, m -> {
        held[0] = m;
        array[0] = m.ones(new Shape(2));
        assertThat(m.isOpen()).isTrue();
        return array[0].getDevice();
      });
      assertThat(device).isEqualTo(Device.cpu());
      assertThat(held[0].getDevice()).isEqualTo(Device.cpu());
      assertThat(held[0].isOpen()).as("closed after the work").isFalse();
      assertThat(array[0].isReleased()).isTrue();
    }
  }

  @Test
  void theSeedFixesTheEnginesDraws() {
    try (ComputeBackend djl = backend(Map.of("device", "cpu", "threads", "1"))) {
      NetworkTraining training = djl.capability(NetworkTraining.class).orElseThrow();
      assertThat(draws(training, 7)).containsExactly(draws(training, 7));
      assertThat(draws(training, 8)).isNotEqualTo(draws(training, 7));
    }
  }

  @Test
  void anotherSessionTypeOrAClosedBackendIsRefused() {
    NetworkTraining training;
    try (ComputeBackend djl = backend(Map.of("device", "cpu", "threads", "1"))) {
      training = djl.capability(NetworkTraining.class).orElseThrow();
      assertThatThrownBy(() -> training.session(String.class, 1, s -> s))
          .isInstanceOf(InvalidInputException.class)
          .hasMessage("NetworkTraining of backend 'djl' opens sessions of type ai.djl.ndarray.NDManager; got "
              + "java.lang.String");
    }
    assertThatThrownBy(() -> draws(training, 1))
        .isInstanceOf(AlException.class).hasMessage("NetworkTraining of backend 'djl' used after its backend was closed");
  }
}
