package org.alkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.spi.ToolProvider;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plugins that cannot all be loaded: each failure is one line naming the jars, and none stops
 * {@code --version} or {@code --help}. The plugins are compiled here: a module with a strategy
 * named like the bundled example's ({@code example-outlier}), in a package of the same name as
 * another plugin's, and a jar that is no jar.
 */
class PluginFailureTest {
  @TempDir
  Path dir;

  Path example;
  Path clash;
  Path twin;
  Path broken;

  @BeforeEach
  void jars() throws IOException {
    String cp = System.getProperty("java.class.path");
    example = Stream.of(cp.split(File.pathSeparator)).map(Path::of)
        .filter(p -> Jvm.named(p.toString(), "plugin-example")).findFirst().orElseThrow();
    String api = Stream.of(cp.split(File.pathSeparator)).filter(e -> Jvm.named(e, "al-api", "apiguardian"))
        .collect(Collectors.joining(File.pathSeparator));
    clash = plugin("com.example.clash", "example-outlier", api);
    twin = plugin("com.example.twin", "twin-strategy", api);
    broken = dir.resolve("broken.jar");
    Files.writeString(broken, "not a jar");
  }

  /** A plugin module {@code module} whose provider, in package {@code com.example.outlier}, is named {@code name}. */
  private Path plugin(String module, String name, String apiPath) throws IOException {
    Path src = dir.resolve(module + "-src");
    Path classes = dir.resolve(module + "-classes");
    Path provider = src.resolve("com/example/outlier/Clash.java");
    Files.createDirectories(provider.getParent());
    Files.writeString(src.resolve("module-info.java"), "module " + module + " { requires org.alkit.api;"
        + " provides org.alkit.api.StrategyProvider with com.example.outlier.Clash; }");
    Files.writeString(provider, "package com.example.outlier;\n"
        + "public final class Clash implements org.alkit.api.StrategyProvider {\n"
        + "  public String name() { return \"" + name + "\"; }\n"
        + "  public org.alkit.api.Strategy create(org.alkit.api.Options o) { throw new UnsupportedOperationException(); }\n"
        + "}\n");
    ToolProvider javac = ToolProvider.findFirst("javac").orElseThrow();
    assertThat(javac.run(System.out, System.err, "-d", classes.toString(), "--module-path", apiPath,
        src.resolve("module-info.java").toString(), provider.toString())).isZero();
    Path jar = dir.resolve(module + ".jar");
    assertThat(ToolProvider.findFirst("jar").orElseThrow().run(System.out, System.err, "--create", "--file",
        jar.toString(), "-C", classes.toString(), ".")).isZero();
    return jar;
  }

  private static void assertOneLine(Jvm.Run r, String... fragments) {
    assertThat(r.code()).as(r.out()).isEqualTo(2);
    assertThat(r.out().strip()).doesNotContain("\n").startsWith("alkit: ").doesNotContain("Exception");
    for (String f : fragments) {
      assertThat(r.out()).contains(f);
    }
  }

  @Test
  void twoStrategiesWithOneNameNameBothJarsInOneLine() throws Exception {
    Jvm.Run r = new PluginLauncher(List.of(example, clash)).run("strategies");
    assertOneLine(r, "example-outlier", example.getFileName().toString(), clash.getFileName().toString());
  }

  @Test
  void twoPluginsMayHoldTheSamePackage() throws Exception {
    Jvm.Run r = new PluginLauncher(List.of(example, twin)).run("strategies");
    assertThat(r.code()).as(r.out()).isZero();
    assertThat(r.out()).contains("example-outlier").contains("twin-strategy");
  }

  @Test
  void twoJarsWithOneModuleNameBothJars() throws Exception {
    Path copy = Files.copy(example, dir.resolve("copy.jar"));
    assertOneLine(new PluginLauncher(List.of(example, copy)).run("strategies"), "com.example.outlier",
        example.getFileName().toString(), "copy.jar");
  }

  @Test
  void aBrokenPluginFailsInOneLineAndLeavesHelpAndVersion() throws Exception {
    PluginLauncher alkit = new PluginLauncher(List.of(broken));
    assertOneLine(alkit.run("select", "--strategy", "random", "--budget", "1", "--pool-size", "3"), "broken.jar");
    Jvm.Run version = alkit.run("--version");
    assertThat(version.code()).as(version.out()).isZero();
    assertThat(version.out()).contains("alkit");
    Jvm.Run help = alkit.run("select", "--help");
    assertThat(help.code()).as(help.out()).isZero();
    assertThat(help.out()).contains("Usage: alkit select");
  }

  @Test
  void aMissingPluginJarIsNamed() throws Exception {
    assertOneLine(new PluginLauncher(List.of(dir.resolve("gone.jar"))).run("strategies"), "gone.jar", "does not exist");
  }
}
