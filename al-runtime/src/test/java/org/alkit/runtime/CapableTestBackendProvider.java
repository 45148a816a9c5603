package org.alkit.runtime;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.alkit.api.BackendProvider;
import org.alkit.api.ComputeBackend;
import org.alkit.api.Options;
import org.alkit.api.Parameter;

/**
 * A test backend that offers {@link Capability}: the {@code java} backend's primitives (a proxy
 * forwards them), plus a capability reporting the threads the backend was made with. Every backend
 * it makes is recorded, so tests see which were created and whether they were closed.
 */
public final class CapableTestBackendProvider implements BackendProvider {
  static final String NAME = "test-capable";

  /** The backends made so far, in order. */
  static final List<Made> MADE = new ArrayList<>();

  /** A capability no real backend offers. */
  public interface Capability {
    /** The threads of the backend that offers it. */
    int threads();
  }

  /** The ServiceLoader constructor. */
  public CapableTestBackendProvider() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<Parameter> parameters() {
    return List.of(Parameter.integer("threads", 0, "as the java backend's"));
  }

  @Override
  public Set<Class<?>> capabilities() {
    return Set.of(Capability.class);
  }

  @Override
  public ComputeBackend create(Options options) {
    int threads = options.getInt("threads");
    ComputeBackend java = Registry.load().createBackend("java", Map.of("threads", Integer.toString(Math.max(threads, 1))));
    Made made = new Made(threads);
    synchronized (MADE) {
      MADE.add(made);
    }
    Capability capability = () -> threads;
    return (ComputeBackend) Proxy.newProxyInstance(ComputeBackend.class.getClassLoader(),
        new Class<?>[] {ComputeBackend.class}, (proxy, method, args) -> {
          switch (method.getName()) {
            case "name":
              return NAME;
            case "capability":
              return args[0] == Capability.class ? Optional.of(capability) : Optional.empty();
            case "close":
              made.closed = true;
              java.close();
              return null;
            default:
              try {
                return method.invoke(java, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
          }
        });
  }

  /** What a backend the provider made was made with, and whether it was closed. */
  static final class Made {
    final int threads;
    volatile boolean closed;

    Made(int threads) {
      this.threads = threads;
    }
  }
}
