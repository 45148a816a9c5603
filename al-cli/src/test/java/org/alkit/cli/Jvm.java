package org.alkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Starts fresh JVMs from the test's Java installation, e.g. the CLI with this test's class path. */
final class Jvm {
  /** The test's class path, entry by entry. */
  static final List<String> CLASS_PATH = List.of(System.getProperty("java.class.path").split(File.pathSeparator));

  /** The arguments that start the CLI on the test's class path. */
  static final List<String> CLI = List.of("-cp", String.join(File.pathSeparator, CLASS_PATH), Alkit.class.getName());

  record Run(int code, String out) {}

  private Jvm() {}

  /** Runs {@code java args...} to its end (at most two minutes): its exit code, and stdout and stderr together. */
  static Run run(List<String> args) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command(args)).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("java %s ends", args).isTrue();
    return new Run(p.exitValue(), out);
  }

  /** Starts {@code java args...}, stdout and stderr together into {@code output}. */
  static Process start(List<String> args, Path output) throws IOException {
    return new ProcessBuilder(command(args)).redirectErrorStream(true).redirectOutput(output.toFile()).start();
  }

  /**
   * The arguments that start the CLI the way the {@code alkit} launcher does: the test's class
   * path split by {@link LaunchPaths} into module path and class path, and the CLI started as the
   * named module {@code org.alkit.cli}. The bundled example plugin is left out, or, with
   * {@code examplePluginModule}, put on the module path beside alkit's modules.
   */
  static List<String> modular(boolean examplePluginModule) {
    List<Path> entries = CLASS_PATH.stream().filter(e -> !named(e, "plugin-example")).map(Path::of).toList();
    LaunchPaths.Split split = LaunchPaths.split(entries);
    List<Path> modulePath = new ArrayList<>(split.modulePath());
    if (examplePluginModule) {
      CLASS_PATH.stream().filter(e -> named(e, "plugin-example")).map(Path::of).forEach(modulePath::add);
    }
    return List.of("--module-path", join(modulePath), "--add-modules", "ALL-MODULE-PATH", "-cp",
        join(split.classPath()), "-m", "org.alkit.cli/" + Alkit.class.getName());
  }

  private static String join(List<Path> paths) {
    return paths.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
  }

  /** Whether a class-path entry (jar or class folder) is of one of the modules whose names start so. */
  static boolean named(String entry, String... prefixes) {
    String name = Path.of(entry).getFileName().toString();
    String parent = Path.of(entry).getParent() == null ? "" : Path.of(entry).getParent().toString();
    return Stream.of(prefixes).anyMatch(p -> name.startsWith(p) || parent.contains(File.separator + p));
  }

  static List<String> concat(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  private static List<String> command(List<String> args) {
    return concat(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()), args);
  }
}
