package org.alkit.diversity.layerviolation;

import org.alkit.runtime.Registry;

/** A strategy class that reaches into the runtime: the layering must reject it. */
public final class UsesTheRuntime {
  private UsesTheRuntime() {}

  /** The runtime's registry, which a strategy must never use. */
  public static Registry registry() {
    return Registry.load();
  }
}
