package org.alkit.runtime;

import static org.apiguardian.api.API.Status.STABLE;

import java.net.URL;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.alkit.api.AlException;
import org.alkit.api.BackendProvider;
import org.alkit.api.ModelProvider;
import org.alkit.api.PluginConflictException;
import org.alkit.api.StrategyProvider;
import org.alkit.api.UnknownNameException;
import org.apiguardian.api.API;

/**
 * Every strategy, model and backend provider that {@link ServiceLoader} finds, by name. Providers
 * declared with {@code provides … with …} in a module on the module path and those listed in
 * {@code META-INF/services} on the class path are both found (JUnit's launcher does the same for
 * {@code TestEngine}s).
 *
 * <p>Plugin jars listed in the system property {@code alkit.plugins} are loaded at run time, each
 * into a module layer of its own, so a broken plugin fails in one message naming its jar when the
 * registry is loaded and never stops the JVM from starting.
 *
 * <p>Names are unique: two providers of one kind with one name raise a
 * {@link PluginConflictException} that names both classes and where each was loaded from (as
 * JUnit's {@code EngineIdValidator} does). A provider that cannot be instantiated surfaces as an
 * {@link AlException} naming it, with the {@link ServiceConfigurationError} as cause. An unknown
 * name raises {@link UnknownNameException} listing the known ones (as DJL's
 * {@code Engine.getEngine}).
 *
 * <pre>{@code
 * Registry registry = Registry.load();
 * StrategyProvider margin = registry.strategy("margin");
 * }</pre>
 */
@API(status = STABLE, since = "0.1")
public final class Registry {
  private final Map<String, StrategyProvider> strategies;
  private final Map<String, ModelProvider> models;
  private final Map<String, BackendProvider> backends;

  private Registry(ClassLoader loader, PluginLayers plugins) {
    this.strategies = index("strategy", load(StrategyProvider.class, loader, plugins), StrategyProvider::name);
    this.models = index("model", load(ModelProvider.class, loader, plugins), ModelProvider::name);
    this.backends = index("backend", load(BackendProvider.class, loader, plugins), BackendProvider::name);
  }

  /**
   * The providers visible to the current thread's context class loader, and those of the plugin
   * jars the system property {@code alkit.plugins} lists (path-separated; the {@code alkit}
   * launcher sets it to {@code plugins/*.jar} and {@code ALKIT_MODULE_PATH}).
   */
  public static Registry load() {
    return load(Thread.currentThread().getContextClassLoader(), PluginLayers.fromProperty());
  }

  /** The providers visible to {@code loader} (its modules, its ancestors' and the class path). */
  public static Registry load(ClassLoader loader) {
    return load(loader, List.of());
  }

  /**
   * The providers visible to {@code loader} and those of {@code pluginJars}, each jar loaded into a
   * module layer of its own (so two plugins may hold the same package).
   *
   * @throws PluginConflictException if two jars hold one module or two providers share a name
   * @throws AlException naming a jar that is missing or cannot be loaded
   */
  public static Registry load(ClassLoader loader, List<Path> pluginJars) {
    return new Registry(loader, PluginLayers.load(pluginJars, loader));
  }

  /** All strategy providers, sorted by name. */
  public List<StrategyProvider> strategies() {
    return List.copyOf(strategies.values());
  }

  /**
   * The strategy provider called {@code name}.
   *
   * @throws UnknownNameException listing the known strategies
   */
  public StrategyProvider strategy(String name) {
    return lookup("strategy", strategies, name);
  }

  /** All model providers, sorted by name. */
  public List<ModelProvider> models() {
    return List.copyOf(models.values());
  }

  /**
   * The model provider called {@code name}.
   *
   * @throws UnknownNameException listing the known models
   */
  public ModelProvider model(String name) {
    return lookup("model", models, name);
  }

  /** All backend providers, sorted by name. */
  public List<BackendProvider> backends() {
    return List.copyOf(backends.values());
  }

  /**
   * The backend provider called {@code name}.
   *
   * @throws UnknownNameException listing the known backends
   */
  public BackendProvider backend(String name) {
    return lookup("backend", backends, name);
  }

  @Override
  public String toString() {
    return "Registry[strategies=" + strategies.keySet() + ", models=" + models.keySet() + ", backends="
        + backends.keySet() + "]";
  }

  /** The value of {@code name} in {@code byName}, or an {@link UnknownNameException} listing the keys. */
  static <T> T lookup(String kind, Map<String, T> byName, String name) {
    T found = byName.get(name);
    if (found == null) {
      throw new UnknownNameException(kind, name, byName.keySet());
    }
    return found;
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
    return byName;
  }

  /** The module and its jar (module path, plugin layer) or the jar or folder (class path) a class was loaded from. */
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

  private static <T> List<T> load(Class<T> service, ClassLoader loader, PluginLayers plugins) {
    List<T> out = new ArrayList<>();
    try {
      List<ServiceLoader.Provider<T>> found = ServiceLoader.load(service, loader).stream()
          .collect(Collectors.toCollection(ArrayList::new));
      found.addAll(plugins.providers(service));
      for (ServiceLoader.Provider<T> p : found) {
        out.add(instantiate(service, p));
      }
    } catch (ServiceConfigurationError e) {
      throw new AlException("cannot load the " + service.getSimpleName() + " plugins: " + e.getMessage(), e);
    }
    return out;
  }

  private static <T> T instantiate(Class<T> service, ServiceLoader.Provider<T> p) {
    try {
      return p.get();
    } catch (ServiceConfigurationError e) {
      throw new AlException(service.getSimpleName() + " " + p.type().getName() + " from "
          + origin(p.type()) + " cannot be created: " + e.getMessage(), e);
    }
  }
}
