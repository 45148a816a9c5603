package org.alkit.runtime;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.alkit.api.AlException;
import org.alkit.api.BackendProvider;
import org.alkit.api.ModelProvider;
import org.alkit.api.StrategyProvider;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleWiring;

/**
 * The providers in the OSGi service registry, as seen from the runtime's bundle: what a
 * ServiceLoader Mediator (OSGi Compendium R8 §133, "Service Loader Mediator"; Apache Aries SPI Fly)
 * registers for every bundle that declares {@code osgi.serviceloader} capabilities, plus any
 * provider a bundle registers itself under the {@link StrategyProvider}, {@link ModelProvider} or
 * {@link BackendProvider} interface.
 *
 * <p>The registry is dynamic: {@link #get()} compares the ids of the services registered now with
 * those of the last index and rebuilds the index only when they differ, so a bundle installed,
 * started, stopped or uninstalled shows at the next call. Service objects are got once per service
 * and released when their service goes; the framework releases the rest when the runtime's bundle
 * stops.
 *
 * <p>Only {@link Registry} uses this class, after checking that {@value #FRAMEWORK_UTIL} is
 * visible: it links against the OSGi framework API, an optional import of the runtime's bundle.
 */
final class OsgiServices implements Supplier<ProviderIndex> {
  /** The class whose presence tells that the OSGi framework API is visible. */
  static final String FRAMEWORK_UTIL = "org.osgi.framework.FrameworkUtil";

  /** The extender name under which a ServiceLoader Mediator registers bundles' providers. */
  static final String REGISTRAR = "osgi.serviceloader.registrar";

  /** The capability namespace of extenders. */
  private static final String EXTENDER = "osgi.extender";

  private final BundleContext context;
  private final Map<ServiceReference<?>, Object> held = new HashMap<>();
  private long[] indexedIds;
  private ProviderIndex index;

  private OsgiServices(BundleContext context) {
    this.context = context;
  }

  /**
   * The service registry of the framework {@code type}'s bundle runs in; empty when {@code type}
   * was not loaded by an OSGi bundle (the OSGi API is on the class path of a plain JVM).
   *
   * @throws AlException when the bundle is not started or no ServiceLoader registrar is active
   */
  static Optional<OsgiServices> ofBundleOf(Class<?> type) {
    Bundle bundle = FrameworkUtil.getBundle(type);
    if (bundle == null) {
      return Optional.empty();
    }
    BundleContext context = bundle.getBundleContext();
    if (context == null) {
      throw new AlException("the alkit runtime bundle " + bundle.getSymbolicName() + " " + bundle.getVersion()
          + " is not started, so it cannot read the OSGi service registry: start it before Registry.load()");
    }
    if (!registrarActive(context)) {
      throw new AlException("no OSGi ServiceLoader registrar is active, so no alkit strategy, model or backend is"
          + " registered as a service: deploy Apache Aries SPI Fly"
          + " (org.apache.aries.spifly.dynamic.framework.extension) beside the alkit bundles");
    }
    return Optional.of(new OsgiServices(context));
  }

  /**
   * Whether an active bundle, or a framework extension attached to the system bundle, provides
   * {@code osgi.extender=osgi.serviceloader.registrar}.
   */
  private static boolean registrarActive(BundleContext context) {
    for (Bundle b : context.getBundles()) {
      BundleWiring wiring = b.getState() == Bundle.ACTIVE ? b.adapt(BundleWiring.class) : null;
      if (wiring == null) {
        continue;
      }
      for (BundleCapability c : wiring.getCapabilities(EXTENDER)) {
        if (REGISTRAR.equals(c.getAttributes().get(EXTENDER))) {
          return true;
        }
      }
    }
    return false;
  }

  @Override
  public synchronized ProviderIndex get() {
    List<ServiceReference<StrategyProvider>> strategies = references(StrategyProvider.class);
    List<ServiceReference<ModelProvider>> models = references(ModelProvider.class);
    List<ServiceReference<BackendProvider>> backends = references(BackendProvider.class);
    long[] ids = ids(strategies, models, backends);
    if (index != null && Arrays.equals(ids, indexedIds)) {
      return index;
    }
    List<ServiceReference<?>> now = new ArrayList<>(strategies);
    now.addAll(models);
    now.addAll(backends);
    List<ServiceReference<?>> gone = new ArrayList<>(held.keySet());
    gone.removeAll(now);
    for (ServiceReference<?> r : gone) {
      held.remove(r);
      context.ungetService(r);
    }
    index = new ProviderIndex(services(strategies), services(models), services(backends));
    indexedIds = ids;
    return index;
  }

  private <T> List<ServiceReference<T>> references(Class<T> service) {
    try {
      return new ArrayList<>(context.getServiceReferences(service, null));
    } catch (InvalidSyntaxException e) {
      throw new IllegalStateException("a null filter cannot be invalid", e);
    }
  }

  /** The sorted service ids of every reference. */
  @SafeVarargs
  private static long[] ids(Collection<? extends ServiceReference<?>>... groups) {
    return Arrays.stream(groups).flatMap(Collection::stream)
        .mapToLong(r -> (Long) r.getProperty(Constants.SERVICE_ID)).sorted().toArray();
  }

  /** The service objects, skipping a service unregistered since its reference was read. */
  private <T> List<T> services(List<ServiceReference<T>> references) {
    List<T> out = new ArrayList<>();
    for (ServiceReference<T> r : references) {
      @SuppressWarnings("unchecked") // held maps each reference to its own service object
      T service = (T) held.computeIfAbsent(r, context::getService);
      if (service != null) {
        out.add(service);
      }
    }
    return out;
  }
}
