package org.alkit.runtime.backend;

import java.util.List;
import org.alkit.api.BackendProvider;
import org.alkit.api.ComputeBackend;
import org.alkit.api.InvalidInputException;
import org.alkit.api.Options;
import org.alkit.api.Parameter;

/**
 * Publishes the pure-Java {@link ComputeBackend} under the name {@value #NAME}: blocked, packed
 * float kernels on a fork-join pool, deterministic for any thread count.
 *
 * <p>Options: {@code threads} (workers, 0 = one per available core) and {@code block} (query rows
 * per parallel task).
 */
public final class JavaBackendProvider implements BackendProvider {
  /** The name configuration selects this backend by. */
  public static final String NAME = "java";

  /** The ServiceLoader constructor. */
  public JavaBackendProvider() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<Parameter> parameters() {
    return List.of(
        Parameter.integer("threads", 0, "worker threads; 0 = one per available core"),
        Parameter.integer("block", 256, "query rows per parallel task"));
  }

  @Override
  public ComputeBackend create(Options options) {
    int threads = options.getInt("threads");
    int block = options.getInt("block");
    if (threads < 0) {
      throw new InvalidInputException(options.owner() + ": option 'threads' = " + threads
          + ": expected >= 0 (0 = one per available core)");
    }
    if (block < 1) {
      throw new InvalidInputException(options.owner() + ": option 'block' = " + block + ": expected >= 1");
    }
    return new JavaBackend(threads == 0 ? Runtime.getRuntime().availableProcessors() : threads, block);
  }
}
