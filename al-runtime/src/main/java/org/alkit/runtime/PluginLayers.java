package org.alkit.runtime;

import java.lang.module.Configuration;
import java.lang.module.FindException;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.lang.module.ResolutionException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Collectors;
import org.alkit.api.AlException;
import org.alkit.api.PluginConflictException;

/**
 * Plugin jars loaded at run time, each into a module layer of its own above the boot layer (the
 * JDK's {@link ModuleLayer#defineModulesWithOneLoader}), rather than on the JVM's module path:
 * a broken plugin, or two plugins that hold the same package, then fail with one message naming
 * the jars when a command asks for the plugins, and never stop the JVM from starting ({@code
 * --version} and {@code --help} keep working). A plugin may be a named module (its {@code provides}
 * clauses) or a plain jar (an automatic module: its {@code META-INF/services}); the other plugin
 * jars resolve its {@code requires}, alkit's modules come from the boot layer.
 */
final class PluginLayers {
  /** The system property the {@code alkit} launcher sets: plugin jars, separated by the path separator. */
  static final String PROPERTY = "alkit.plugins";

  private final List<Plugin> plugins;

  /** One loaded plugin jar: its path, its root module and the layer that holds it. */
  private record Plugin(Path jar, String module, ModuleLayer layer) {}

  private PluginLayers(List<Plugin> plugins) {
    this.plugins = plugins;
  }

  /** The jars {@value #PROPERTY} lists; none when it is unset or blank. */
  static List<Path> fromProperty() {
    String value = System.getProperty(PROPERTY, "");
    List<Path> jars = new ArrayList<>();
    for (String entry : value.split(java.io.File.pathSeparator)) {
      if (!entry.isBlank()) {
        jars.add(Path.of(entry.trim()));
      }
    }
    return jars;
  }

  /**
   * Loads every jar into its own layer.
   *
   * @throws PluginConflictException if two jars hold one module, or a jar holds a module alkit has
   * @throws AlException if a jar is missing, is not a module, or cannot be resolved or defined
   */
  static PluginLayers load(List<Path> jars, ClassLoader parent) {
    Map<String, Path> byModule = new LinkedHashMap<>();
    for (Path jar : jars) {
      String module = moduleName(jar);
      Path previous = byModule.putIfAbsent(module, jar);
      if (previous != null) {
        throw new PluginConflictException("plugin jars " + previous + " and " + jar + " both hold module '"
            + module + "'; expected one jar per module (remove one, or rename its module)");
      }
      ModuleLayer.boot().findModule(module).ifPresent(m -> {
        throw new PluginConflictException("plugin jar " + jar + " holds module '" + module
            + "', which alkit already loaded from " + ProviderIndex.origin(m) + "; expected another module name");
      });
    }
    ModuleFinder all = ModuleFinder.of(jars.toArray(Path[]::new));
    Configuration boot = ModuleLayer.boot().configuration();
    List<Plugin> out = new ArrayList<>();
    byModule.forEach((module, jar) -> {
      try {
        Configuration cf = boot.resolve(ModuleFinder.of(jar), all, Set.of(module));
        out.add(new Plugin(jar, module, ModuleLayer.boot().defineModulesWithOneLoader(cf, parent)));
      } catch (FindException | ResolutionException | LayerInstantiationException e) {
        throw new AlException("plugin jar " + jar + " (module '" + module + "') cannot be loaded: "
            + e.getMessage().replaceAll("\\s*\\R\\s*", "; "), e);
      }
    });
    return new PluginLayers(List.copyOf(out));
  }

  private static String moduleName(Path jar) {
    if (!Files.isRegularFile(jar)) {
      throw new AlException("plugin jar " + jar + " does not exist; expected a jar file");
    }
    Set<ModuleReference> found;
    try {
      found = ModuleFinder.of(jar).findAll();
    } catch (FindException e) {
      throw new AlException("plugin jar " + jar + " cannot be read as a module: "
          + (e.getCause() == null ? e.getMessage() : e.getCause().getMessage()), e);
    }
    if (found.size() != 1) {
      throw new AlException("plugin jar " + jar + " holds " + found.size() + " modules; expected one");
    }
    return found.iterator().next().descriptor().name();
  }

  /** The providers of {@code service} that the plugin jars themselves declare, jar by jar. */
  <T> List<ServiceLoader.Provider<T>> providers(Class<T> service) {
    List<ServiceLoader.Provider<T>> out = new ArrayList<>();
    for (Plugin p : plugins) {
      out.addAll(ServiceLoader.load(p.layer(), service).stream()
          .filter(provider -> provider.type().getModule().getLayer() == p.layer()
              && provider.type().getModule().getName().equals(p.module()))
          .collect(Collectors.toList()));
    }
    return out;
  }

  @Override
  public String toString() {
    return plugins.stream().map(p -> p.module() + "=" + p.jar()).collect(Collectors.joining(", ", "[", "]"));
  }
}
