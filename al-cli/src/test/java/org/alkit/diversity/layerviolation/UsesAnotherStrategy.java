package org.alkit.diversity.layerviolation;

import org.alkit.submodular.Maximizer;

/** A strategy class of one module that uses another strategy module: the layering must reject it. */
public final class UsesAnotherStrategy {
  private UsesAnotherStrategy() {}

  /** Another strategy module's facade. */
  public static Class<?> other() {
    return Maximizer.class;
  }
}
