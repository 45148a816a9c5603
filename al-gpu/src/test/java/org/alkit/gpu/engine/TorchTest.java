package org.alkit.gpu.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.Device;
import org.alkit.api.InvalidInputException;
import org.junit.jupiter.api.Test;

class TorchTest {
  @Test
  void namesDevices() {
    assertThat(Torch.device("device", "cpu")).isEqualTo(Device.cpu());
    assertThatThrownBy(() -> Torch.device("model 'mlp': option 'device'", "cuda:0"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("model 'mlp': option 'device' = 'cuda:0'; expected cpu, gpu or gpu:N");
  }

  @Test
  void askingForAMissingGpuSaysHowManyThereAre() {
    int gpus = Torch.engine().getGpuCount();
    assertThatThrownBy(() -> Torch.device("device", "gpu:" + gpus))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("device = 'gpu:" + gpus + "', but PyTorch sees " + gpus)
        .hasMessageContaining("expected cpu");
  }

  @Test
  void findsTheFirstGpuWhenThereIsOne() {
    assumeTrue(Torch.engine().getGpuCount() > 0, "no GPU visible to PyTorch: the CUDA path is not tested here");
    assertThat(Torch.device("device", "gpu")).isEqualTo(Device.gpu(0));
    assertThat(Torch.device("device", "gpu:0")).isEqualTo(Device.gpu(0));
  }
}
