package org.alkit.uncertainty;

import java.util.Set;
import org.alkit.api.Signal;
import org.alkit.api.StrategyProvider;

/** What every provider of this module shares: its name, description, required signals and family. */
abstract class UncertaintyProvider implements StrategyProvider {
  private final String name;
  private final String description;
  private final Set<Signal> requires;

  UncertaintyProvider(String name, String description, Set<Signal> requires) {
    this.name = name;
    this.description = description;
    this.requires = Set.copyOf(requires);
  }

  @Override
  public final String name() {
    return name;
  }

  /** {@code uncertainty}. */
  @Override
  public final String family() {
    return "uncertainty";
  }

  @Override
  public final String description() {
    return description;
  }

  @Override
  public final Set<Signal> requires() {
    return requires;
  }
}
