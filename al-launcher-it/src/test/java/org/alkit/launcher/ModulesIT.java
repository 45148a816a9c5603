package org.alkit.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.alkit.api.Matrix;
import org.alkit.runtime.Npy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The module graph is what runs: {@code ./alkit} loads every alkit jar as a named module from the
 * module path, so {@code org.alkit.commons}, exported only to alkit's modules, is out of a
 * plugin's reach whether the plugin sits on the module path or the class path; a plugin that
 * keeps to al-api runs from either; and DJL still finds libtorch in its native jar on the class
 * path.
 */
class ModulesIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** One line of {@code -Xlog:module+load}: a module and where it came from. */
  private static final Pattern LOADED = Pattern.compile("\\[module,load\\] (\\S+) location: (\\S+)");

  @TempDir
  Path dir;

  @Test
  void alkitsJarsRunAsNamedModulesFromTheModulePath() throws Exception {
    Launcher.Result r = Launcher.run(Map.of("ALKIT_JAVA_OPTS", "-Xlog:module+load"), "run");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out().strip()).matches("(?s).*\\nfinal accuracy: 0\\.9\\d{3}");
    Map<String, String> modules = LOADED.matcher(r.out()).results()
        .collect(Collectors.toMap(m -> m.group(1), m -> m.group(2), (a, b) -> a));
    assertThat(modules).containsKeys("org.alkit.api", "org.alkit.commons", "org.alkit.runtime", "org.alkit.eval",
        "org.alkit.cli", "org.alkit.gpu", "org.alkit.vabal", "org.alkit.uncertainty", "org.alkit.diversity",
        "org.alkit.submodular", "org.alkit.bayesian");
    List<String> alkitJars;
    try (Stream<Path> jars = Files.list(Launcher.LIB)) {
      alkitJars = jars.map(j -> j.getFileName().toString()).filter(n -> n.startsWith("al-")).toList();
    }
    assertThat(alkitJars).hasSizeGreaterThanOrEqualTo(10);
    for (String jar : alkitJars) {
      assertThat(modules.entrySet().stream().filter(e -> e.getValue().endsWith("/" + jar)).map(Map.Entry::getKey))
          .as("the module of %s", jar).singleElement().asString().startsWith("org.alkit.");
    }
    assertThat(modules.get("org.alkit.cli")).endsWith("/al-cli/target/al-cli-0.1.0-SNAPSHOT.jar");
    assertThat(modules.values()).as("the native jar stays on the class path")
        .noneMatch(location -> location.contains("pytorch-native"));
  }

  @Test
  void theBundledPluginRunsFromItsModuleLayer() throws Exception {
    Path embeddings = dir.resolve("emb.npy");
    Npy.writeMatrix(embeddings, Matrix.of(new float[][] {{0, 0}, {1, 1}, {9, 9}, {2, 2}}));
    Launcher.Result select = Launcher.run("select", "--strategy", "example-outlier", "--budget", "1",
        "--embeddings", embeddings.toString());
    assertThat(select.code()).as(select.err()).isZero();
    assertThat(picks(select).toString()).isEqualTo("[2]");
  }

  @Test
  void aClassPathPluginRuns() throws Exception {
    Path jar = Launcher.plugin(dir, "probe-first", "-candidates[k]");
    Map<String, String> env = Map.of("ALKIT_CLASS_PATH", jar.toString());
    Launcher.Result list = Launcher.run(env, "strategies");
    assertThat(list.code()).as(list.err()).isZero();
    assertThat(list.out()).contains("probe-first").contains("example-outlier");
    Launcher.Result select = Launcher.run(env, "select", "--strategy", "probe-first", "--budget", "2",
        "--pool-size", "5");
    assertThat(select.code()).as(select.err()).isZero();
    assertThat(JSON.readTree(select.out()).get("selected").toString()).isEqualTo("[0,1]");
  }

  @Test
  void aPluginCannotReadAlkitsCommonsFromTheModulePathNorFromTheClassPath() throws Exception {
    // compiled against al-commons' classes, as a plugin author could, and run against alkit's modules
    Path jar = Launcher.plugin(dir, "sneaky", "org.alkit.commons.Probabilities.entropy(new double[] {0.5, 0.5})"
        + " - candidates[k]", "al-commons-");
    String[] select = {"select", "--strategy", "sneaky", "--budget", "2", "--pool-size", "5"};
    Launcher.Result layer = Launcher.run(Map.of("ALKIT_MODULE_PATH", jar.toString()), select);
    assertThat(layer.code()).as(layer.out()).isNotZero();
    assertThat(layer.err()).contains("IllegalAccessError").contains("cannot access class org.alkit.commons.")
        .contains("does not export org.alkit.commons to module sneaky");
    Launcher.Result classPath = Launcher.run(Map.of("ALKIT_CLASS_PATH", jar.toString()), select);
    assertThat(classPath.code()).as(classPath.out()).isNotZero();
    assertThat(classPath.err()).contains("IllegalAccessError")
        .contains("does not export org.alkit.commons to unnamed module");
  }

  @Test
  void djlFindsLibtorchInItsNativeJarOnTheClassPath() throws Exception {
    Path embeddings = dir.resolve("emb.npy");
    float[][] rows = new float[40][];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = new float[] {i % 7, i / 7f, (i * 13) % 5};
    }
    Npy.writeMatrix(embeddings, Matrix.of(rows));
    String[] select = {"select", "--strategy", "coreset", "--budget", "5", "--embeddings", embeddings.toString()};
    Launcher.Result java = Launcher.run(select);
    Launcher.Result djl = Launcher.run(concat(select, "--backend", "djl", "--backend-option", "threads=1"));
    assertThat(djl.code()).as(djl.err()).isZero();
    assertThat(java.code()).as(java.err()).isZero();
    assertThat(picks(djl)).isEqualTo(picks(java)).hasSize(5);
  }

  private static JsonNode picks(Launcher.Result r) throws IOException {
    return JSON.readTree(r.out()).get("selected");
  }

  private static String[] concat(String[] a, String... b) {
    return Stream.concat(Stream.of(a), Stream.of(b)).toArray(String[]::new);
  }
}
