package org.alkit.cli;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Starts the CLI in a fresh JVM the way the {@code alkit} launcher does: alkit's API, commons and
 * strategy modules on the module path (the friends-only commons package also exported to the
 * class path), the rest on the class path, and the given plugin jars in the system
 * property the launcher sets ({@code alkit.plugins}), loaded at run time. The bundled example
 * plugin is left out, so a test sees only its own plugins.
 */
final class PluginLauncher {
  private final List<Path> plugins;

  PluginLauncher(List<Path> plugins) {
    this.plugins = List.copyOf(plugins);
  }

  Jvm.Run run(String... args) throws IOException, InterruptedException {
    String modulePath = Jvm.CLASS_PATH.stream()
        .filter(e -> Jvm.named(e, "al-api", "al-commons", "al-strategies-", "ejml-"))
        .collect(Collectors.joining(File.pathSeparator));
    String classPath = Jvm.CLASS_PATH.stream()
        .filter(e -> !Jvm.named(e, "al-api", "al-commons", "al-strategies-", "ejml-", "plugin-example"))
        .collect(Collectors.joining(File.pathSeparator));
    List<String> cmd = new ArrayList<>(List.of(
        "-Dalkit.plugins=" + plugins.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)),
        "--module-path", modulePath, "--add-modules", "ALL-MODULE-PATH",
        "--add-exports", "org.alkit.commons/org.alkit.commons=ALL-UNNAMED", "-cp", classPath,
        "org.alkit.cli.Alkit"));
    cmd.addAll(Arrays.asList(args));
    return Jvm.run(cmd);
  }
}
