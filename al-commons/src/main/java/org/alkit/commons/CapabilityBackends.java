package org.alkit.commons;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.Collection;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import org.alkit.api.BackendProvider;
import org.alkit.api.ComputeBackend;
import org.apiguardian.api.API;

/**
 * The backend that serves a capability the configured backend lacks (e.g.
 * {@link org.alkit.api.NetworkTraining} for a run on the {@code java} backend): the first provider
 * by name that declares it ({@link BackendProvider#capabilities()}), created at its defaults with
 * {@value #THREADS} thread when it declares a {@value #THREADS_OPTION} option, alkit's default for
 * networks (libtorch's threads are process-wide; one gives the same bits on every machine). One
 * rule for the runtime, which binds it into a run, and the testkit, which binds it into contract
 * tests.
 */
@API(status = INTERNAL, since = "0.2")
public final class CapabilityBackends {
  /** The option a backend's threads are set by. */
  public static final String THREADS_OPTION = "threads";
  /** The threads a backend created for a capability runs on. */
  public static final int THREADS = 1;

  private CapabilityBackends() {}

  /** The first of {@code providers}, by name, that declares {@code type}. */
  public static Optional<BackendProvider> declaring(Collection<BackendProvider> providers, Class<?> type) {
    return providers.stream().filter(p -> p.capabilities().contains(type))
        .min(Comparator.comparing(BackendProvider::name));
  }

  /**
   * {@code provider}'s backend at its defaults, with {@value #THREADS} thread when it declares
   * {@value #THREADS_OPTION}; the caller closes it.
   */
  public static ComputeBackend create(BackendProvider provider) {
    boolean threads = provider.parameters().stream().anyMatch(p -> p.name().equals(THREADS_OPTION));
    return provider.create(provider.options(threads ? Map.of(THREADS_OPTION, Integer.toString(THREADS)) : Map.of()));
  }
}
