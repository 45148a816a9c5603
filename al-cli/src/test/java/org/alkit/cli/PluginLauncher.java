package org.alkit.cli;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Starts the CLI in a fresh JVM the way the {@code alkit} launcher does ({@link Jvm#modular}):
 * alkit's modules as named modules on the module path, and the given plugin jars in the system
 * property the launcher sets ({@code alkit.plugins}), loaded at run time. The bundled example
 * plugin is left out, so a test sees only its own plugins.
 */
final class PluginLauncher {
  private final List<Path> plugins;

  PluginLauncher(List<Path> plugins) {
    this.plugins = List.copyOf(plugins);
  }

  Jvm.Run run(String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(
        "-Dalkit.plugins=" + plugins.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator))));
    cmd.addAll(Jvm.modular(false));
    cmd.addAll(Arrays.asList(args));
    return Jvm.run(cmd);
  }
}
