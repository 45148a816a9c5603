package org.alkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Starts the CLI in a fresh JVM the way the {@code alkit} launcher does: alkit's API, commons and
 * strategy modules on the module path (the friends-only commons package also exported to the
 * class path), the rest on the class path, and the given plugin jars in the system
 * property the launcher sets ({@code alkit.plugins}), loaded at run time. The bundled example
 * plugin is left out, so a test sees only its own plugins.
 */
final class PluginLauncher {
  private static final List<String> CLASS_PATH =
      List.of(System.getProperty("java.class.path").split(File.pathSeparator));

  private final List<Path> plugins;

  record Run(int code, String out) {}

  PluginLauncher(List<Path> plugins) {
    this.plugins = List.copyOf(plugins);
  }

  /** Whether a class-path entry (jar or class folder) is one of the named modules of the launcher. */
  static boolean named(String entry, String... prefixes) {
    String name = Path.of(entry).getFileName().toString();
    String parent = Path.of(entry).getParent() == null ? "" : Path.of(entry).getParent().toString();
    return Stream.of(prefixes).anyMatch(p -> name.startsWith(p) || parent.contains(File.separator + p));
  }

  Run run(String... args) throws IOException, InterruptedException {
    String modulePath = CLASS_PATH.stream().filter(e -> named(e, "al-api", "al-commons", "al-strategies-", "ejml-"))
        .collect(Collectors.joining(File.pathSeparator));
    String classPath = CLASS_PATH.stream()
        .filter(e -> !named(e, "al-api", "al-commons", "al-strategies-", "ejml-", "plugin-example"))
        .collect(Collectors.joining(File.pathSeparator));
    List<String> cmd = new ArrayList<>(List.of(
        "-Dalkit.plugins=" + plugins.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)),
        "--module-path", modulePath, "--add-modules", "ALL-MODULE-PATH",
        "--add-exports", "org.alkit.commons/org.alkit.commons=ALL-UNNAMED", "-cp", classPath,
        "org.alkit.cli.Alkit"));
    cmd.addAll(Arrays.asList(args));
    return java(cmd);
  }

  /** Runs {@code java} of this JVM's installation with {@code args}; stdout and stderr together. */
  static Run java(List<String> args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(args);
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return new Run(p.exitValue(), out);
  }
}
