package org.alkit.runtime;

import java.net.URL;
import java.security.CodeSource;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.alkit.api.BackendProvider;
import org.alkit.api.ModelProvider;
import org.alkit.api.PluginConflictException;
import org.alkit.api.StrategyProvider;

/**
 * One consistent view of the providers of each kind, by name and sorted; built once per change of
 * the providers behind a {@link Registry}. Building one raises a {@link PluginConflictException}
 * when two providers of one kind share a name.
 */
record ProviderIndex(Map<String, StrategyProvider> strategies, Map<String, ModelProvider> models,
    Map<String, BackendProvider> backends) {

  ProviderIndex(List<StrategyProvider> strategies, List<ModelProvider> models, List<BackendProvider> backends) {
    this(index("strategy", strategies, StrategyProvider::name), index("model", models, ModelProvider::name),
        index("backend", backends, BackendProvider::name));
  }

  /**
   * Providers by name, sorted.
   *
   * @throws PluginConflictException when two share a name
   */
  static <T> Map<String, T> index(String kind, List<T> providers, Function<T, String> name) {
    Map<String, T> byName = new TreeMap<>();
    for (T p : providers) {
      T previous = byName.putIfAbsent(name.apply(p), p);
      if (previous != null) {
        throw new PluginConflictException("two " + kind + " providers are named '" + name.apply(p) + "': "
            + previous.getClass().getName() + " from " + origin(previous.getClass()) + " and "
            + p.getClass().getName() + " from " + origin(p.getClass())
            + "; remove one of the plugins from the path");
      }
    }
    return Collections.unmodifiableMap(byName);
  }

  /**
   * The module and its jar (module path, plugin layer) or the jar, folder or OSGi bundle location
   * (class path, OSGi) a class was loaded from.
   */
  static String origin(Class<?> type) {
    if (type.getModule().isNamed()) {
      return origin(type.getModule());
    }
    CodeSource source = type.getProtectionDomain().getCodeSource();
    URL location = source == null ? null : source.getLocation();
    return location == null ? "an unknown location" : location.toString();
  }

  /** A named module and, when known, the jar or folder it came from. */
  static String origin(Module module) {
    ModuleLayer layer = module.getLayer();
    return "module " + module.getName() + (layer == null ? "" : layer.configuration()
        .findModule(module.getName()).flatMap(m -> m.reference().location())
        .map(uri -> " (" + uri + ")").orElse(""));
  }
}
