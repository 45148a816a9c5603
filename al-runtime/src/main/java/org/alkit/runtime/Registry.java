package org.alkit.runtime;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;
import static org.apiguardian.api.API.Status.STABLE;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.alkit.api.AlException;
import org.alkit.api.BackendProvider;
import org.alkit.api.ComputeBackend;
import org.alkit.api.ModelAdapter;
import org.alkit.api.ModelProvider;
import org.alkit.api.PluginConflictException;
import org.alkit.api.Strategy;
import org.alkit.api.StrategyProvider;
import org.alkit.api.UnknownNameException;
import org.apiguardian.api.API;

/**
 * Every strategy, model and backend provider, by name. On the module path and the class path the
 * providers are those {@link ServiceLoader} finds: declared with {@code provides … with …} in a
 * module, or listed in {@code META-INF/services} (JUnit's launcher does the same for
 * {@code TestEngine}s); that set is fixed once loaded.
 *
 * <p>Inside an OSGi framework (the runtime's bundle is started), {@link #load()} reads the OSGi
 * service registry instead, where a ServiceLoader Mediator (OSGi Compendium §133; Apache Aries SPI
 * Fly) publishes every bundle's {@code META-INF/services} providers. That registry is live: each
 * call sees the providers registered at that moment, so a plugin bundle installed or uninstalled
 * while the framework runs appears or disappears. Without an active mediator (no bundle provides
 * {@code osgi.extender=osgi.serviceloader.registrar}) {@link #load()} fails with one line saying
 * which bundle to deploy, rather than finding nothing.
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
 * <p>{@link #createStrategy}, {@link #createModel} and {@link #createBackend} make an instance from
 * a name and options in one step: the provider by name, the options resolved against its
 * parameters (the provider's {@code options(Map)}), then its {@code create}.
 *
 * <pre>{@code
 * Registry registry = Registry.load();
 * StrategyProvider margin = registry.strategy("margin");
 * try (ComputeBackend backend = registry.createBackend("java", Map.of("threads", "2"))) { … }
 * }</pre>
 */
@API(status = STABLE, since = "0.1")
public final class Registry {
  private final Supplier<ProviderIndex> source;

  private Registry(Supplier<ProviderIndex> source) {
    this.source = source;
  }

  /**
   * The providers of the OSGi service registry when this runtime runs as a started OSGi bundle;
   * otherwise those visible to the current thread's context class loader, and those of the plugin
   * jars the system property {@code alkit.plugins} lists (path-separated; the {@code alkit}
   * launcher sets it to {@code plugins/*.jar} and {@code ALKIT_MODULE_PATH}).
   *
   * @throws AlException inside OSGi, when no ServiceLoader registrar is active or the runtime's
   *     bundle is not started; outside, naming a plugin jar that is missing or cannot be loaded
   * @throws PluginConflictException if two plugin jars hold one module or two providers share a name
   */
  public static Registry load() {
    if (osgiFrameworkApiVisible()) {
      Optional<OsgiServices> osgi = OsgiServices.ofBundleOf(Registry.class);
      if (osgi.isPresent()) {
        return new Registry(osgi.get());
      }
    }
    return load(Thread.currentThread().getContextClassLoader(), PluginLayers.fromProperty());
  }

  /** The providers {@link ServiceLoader} finds through {@code loader} (its modules, its ancestors' and the class path). */
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
    PluginLayers plugins = PluginLayers.load(pluginJars, loader);
    ProviderIndex index = new ProviderIndex(load(StrategyProvider.class, loader, plugins),
        load(ModelProvider.class, loader, plugins), load(BackendProvider.class, loader, plugins));
    return new Registry(() -> index);
  }

  /** All strategy providers, sorted by name. */
  public List<StrategyProvider> strategies() {
    return List.copyOf(source.get().strategies().values());
  }

  /**
   * The strategy provider called {@code name}.
   *
   * @throws UnknownNameException listing the known strategies
   */
  public StrategyProvider strategy(String name) {
    return lookup("strategy", source.get().strategies(), name);
  }

  /** All model providers, sorted by name. */
  public List<ModelProvider> models() {
    return List.copyOf(source.get().models().values());
  }

  /**
   * The model provider called {@code name}.
   *
   * @throws UnknownNameException listing the known models
   */
  public ModelProvider model(String name) {
    return lookup("model", source.get().models(), name);
  }

  /** All backend providers, sorted by name. */
  public List<BackendProvider> backends() {
    return List.copyOf(source.get().backends().values());
  }

  /**
   * The backend provider called {@code name}.
   *
   * @throws UnknownNameException listing the known backends
   */
  public BackendProvider backend(String name) {
    return lookup("backend", source.get().backends(), name);
  }

  /**
   * The strategy {@code name} with {@code options} (text values; absent ones at their defaults).
   *
   * @throws UnknownNameException listing the known strategies
   * @throws org.alkit.api.InvalidInputException naming the option, for an unknown key or a bad value
   */
  @API(status = EXPERIMENTAL, since = "0.2")
  public Strategy createStrategy(String name, Map<String, String> options) {
    StrategyProvider p = strategy(name);
    return p.create(p.options(options));
  }

  /**
   * The model {@code name} with {@code options}; as {@link #createStrategy}.
   *
   * @throws UnknownNameException listing the known models
   * @throws org.alkit.api.InvalidInputException naming the option, for an unknown key or a bad value
   */
  @API(status = EXPERIMENTAL, since = "0.2")
  public ModelAdapter createModel(String name, Map<String, String> options) {
    ModelProvider p = model(name);
    return p.create(p.options(options));
  }

  /**
   * The compute backend {@code name} with {@code options}; as {@link #createStrategy}. The caller
   * owns it and closes it.
   *
   * @throws UnknownNameException listing the known backends
   * @throws org.alkit.api.InvalidInputException naming the option, for an unknown key or a bad value
   */
  @API(status = EXPERIMENTAL, since = "0.2")
  public ComputeBackend createBackend(String name, Map<String, String> options) {
    BackendProvider p = backend(name);
    return p.create(p.options(options));
  }

  @Override
  public String toString() {
    ProviderIndex now = source.get();
    return "Registry[strategies=" + now.strategies().keySet() + ", models=" + now.models().keySet() + ", backends="
        + now.backends().keySet() + "]";
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
   * Whether the OSGi framework API is visible to the runtime: it runs in a framework, or
   * {@code osgi.core} happens to be on the path. Checked before {@link OsgiServices}, which links
   * against that API, is loaded.
   */
  private static boolean osgiFrameworkApiVisible() {
    try {
      Class.forName(OsgiServices.FRAMEWORK_UTIL, false, Registry.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException absent) {
      return false; // no OSGi here: the ServiceLoader path is the answer, not an error
    }
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
          + ProviderIndex.origin(p.type()) + " cannot be created: " + e.getMessage(), e);
    }
  }
}
