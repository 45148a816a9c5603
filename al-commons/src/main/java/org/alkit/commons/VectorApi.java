package org.alkit.commons;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/**
 * Whether the incubating Vector API can run here. alkit's SIMD kernels ({@link VectorLog}, the
 * java backend's pair kernels) need the JVM option {@code --add-modules jdk.incubator.vector};
 * without it their callers run scalar code that gives the same bits. Names no Vector API type, so
 * it loads without the module.
 */
@API(status = INTERNAL, since = "0.1")
public final class VectorApi {
  /** The incubating Vector API module, resolved only when the JVM is started with {@code --add-modules}. */
  public static final String MODULE = "jdk.incubator.vector";

  private VectorApi() {}

  /**
   * Whether {@value #MODULE} is in the boot layer, readable from {@code user}'s module and from
   * this one, and its classes visible to both class loaders (inside OSGi only when the bundles'
   * optional imports of the package are wired).
   */
  public static boolean available(Class<?> user) {
    return ModuleLayer.boot().findModule(MODULE)
        .map(m -> user.getModule().canRead(m) && VectorApi.class.getModule().canRead(m))
        .orElse(false)
        && visible(user.getClassLoader()) && visible(VectorApi.class.getClassLoader());
  }

  private static boolean visible(ClassLoader loader) {
    try {
      Class.forName(MODULE + ".DoubleVector", false, loader);
      return true;
    } catch (ClassNotFoundException notWired) {
      return false; // callers run their scalar code, which gives the same bits
    }
  }
}
