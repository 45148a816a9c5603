package org.alkit.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import org.alkit.api.AlException;
import org.alkit.runtime.LabelingService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the service listens: 127.0.0.1 by default, every interface with 0.0.0.0, and a one-line refusal. */
class ServeHostTest {
  @TempDir
  Path data;

  @Test
  void listensOnLoopbackByDefault() {
    try (LabelingService.Running server = start(new LabelingService.Settings(data, 0, Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.of("host-admin")))) {
      assertThat(server.url().getHost()).isEqualTo("127.0.0.1");
      assertThat(new Api(server.url(), "host-admin").get("api/projects").status()).isEqualTo(200);
    }
  }

  @Test
  void everyInterfaceIsReachableThroughLoopbackToo() {
    try (LabelingService.Running server = start(settings("0.0.0.0"))) {
      assertThat(server.url().getHost()).isEqualTo("0.0.0.0");
      URI local = URI.create("http://127.0.0.1:" + server.url().getPort() + "/");
      assertThat(new Api(local, "host-admin").get("api/projects").status()).isEqualTo(200);
      assertThat(new Api(local, null).get("api/projects").status()).as("still needs a token").isEqualTo(401);
    }
  }

  @Test
  void anAddressThatIsNotThisMachinesIsOneLine() {
    assertThatThrownBy(() -> start(settings("192.0.2.1")).close())
        .isInstanceOf(AlException.class).hasMessageStartingWith("--host 192.0.2.1 --port 0: cannot listen")
        .message().doesNotContain("\n");
  }

  private LabelingService.Settings settings(String host) {
    return new LabelingService.Settings(data, 0, Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.of("host-admin"), host);
  }

  private static LabelingService.Running start(LabelingService.Settings settings) {
    return new ServeService().start(settings);
  }
}
