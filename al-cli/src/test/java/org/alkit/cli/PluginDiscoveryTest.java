package org.alkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.alkit.api.Matrix;
import org.alkit.runtime.Npy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starts the CLI in a fresh JVM with the example plugin jar on the module path beside alkit's
 * modules, as the launcher starts them, and again with everything on the class path: both must
 * list and run the plugin.
 */
class PluginDiscoveryTest {
  @TempDir
  Path dir;

  private List<String> selectArgs() {
    Path emb = dir.resolve("emb.npy");
    Npy.writeMatrix(emb, Matrix.of(new float[][] {{0, 0}, {1, 1}, {9, 9}, {2, 2}}));
    return List.of("select", "--strategy", "example-outlier", "--budget", "1", "--embeddings", emb.toString());
  }

  @Test
  void pluginOnTheModulePath() throws Exception {
    assertListsAndRunsThePlugin(Jvm.modular(true));
  }

  @Test
  void pluginOnTheClassPath() throws Exception {
    assertListsAndRunsThePlugin(Jvm.CLI);
  }

  private void assertListsAndRunsThePlugin(List<String> launch) throws IOException, InterruptedException {
    Jvm.Run list = Jvm.run(Jvm.concat(launch, List.of("strategies")));
    assertThat(list.code()).as(list.out()).isZero();
    assertThat(list.out()).contains("example-outlier").contains("random");

    Jvm.Run select = Jvm.run(Jvm.concat(launch, selectArgs()));
    assertThat(select.code()).as(select.out()).isZero();
    assertThat(select.out()).contains("\"selected\" : [ 2 ]");
  }

  @Test
  void strategyJarsCarryOsgiServiceLoaderHeaders() throws IOException {
    List<String> jars = Jvm.CLASS_PATH.stream().filter(e -> e.endsWith(".jar"))
        .filter(e -> Path.of(e).getFileName().toString().matches("(al-strategies-|plugin-example).*")).toList();
    org.junit.jupiter.api.Assumptions.assumeFalse(jars.isEmpty(), "modules resolved as class folders (mvn test)");
    for (String jar : jars) {
      try (java.util.jar.JarFile file = new java.util.jar.JarFile(jar)) {
        if (file.getEntry("META-INF/services/org.alkit.api.StrategyProvider") == null) {
          continue;
        }
        java.util.jar.Attributes main = file.getManifest().getMainAttributes();
        assertThat(main.getValue("Bundle-SymbolicName")).as("%s Bundle-SymbolicName", jar).isNotBlank();
        assertThat(main.getValue("Provide-Capability")).as("%s Provide-Capability", jar)
            .contains("osgi.serviceloader=\"org.alkit.api.StrategyProvider\"");
      }
    }
  }

}
