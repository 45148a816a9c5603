package org.alkit.runtime.layerviolation;

import org.alkit.submodular.Maximizer;

/** A runtime class that uses a strategy module instead of ServiceLoader: the layering must reject it. */
public final class UsesAStrategy {
  private UsesAStrategy() {}

  /** A strategy module's facade, which the runtime must never see. */
  public static Class<?> strategy() {
    return Maximizer.class;
  }
}
