package org.alkit.uncertainty;

import java.util.Set;
import org.alkit.api.Signal;
import org.alkit.api.StrategyProvider;

/** What every provider of this module shares: its name, description, required signals and family. */
abstract class UncertaintyProvider implements StrategyProvider {
  private final String name;
  private final String family;
  private final String description;
  private final Set<Signal> requires;

  /** A provider of the family {@code uncertainty}. */
  UncertaintyProvider(String name, String description, Set<Signal> requires) {
    this(name, "uncertainty", description, requires);
  }

  UncertaintyProvider(String name, String family, String description, Set<Signal> requires) {
    this.name = name;
    this.family = family;
    this.description = description;
    this.requires = Set.copyOf(requires);
  }

  @Override
  public final String name() {
    return name;
  }

  /** {@code uncertainty}, or {@code training-effects} for the strategies that measure what training does. */
  @Override
  public final String family() {
    return family;
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
