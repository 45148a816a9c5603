package org.alkit.deep;

import java.util.List;
import java.util.Set;
import org.alkit.api.Options;
import org.alkit.api.Parameter;
import org.alkit.api.Signal;
import org.alkit.api.Strategy;
import org.alkit.api.StrategyProvider;

/**
 * A provider as it is but for the default of its {@code epochs} option: the contract selects
 * dozens of times, and each selection of VAAL or MAL trains its networks; at the paper's 100
 * epochs the contract would take minutes, at a few it proves the same properties.
 */
final class Shortened implements StrategyProvider {
  private final StrategyProvider provider;
  private final int epochs;

  Shortened(StrategyProvider provider, int epochs) {
    this.provider = provider;
    this.epochs = epochs;
  }

  @Override
  public String name() {
    return provider.name();
  }

  @Override
  public String family() {
    return provider.family();
  }

  @Override
  public Set<Signal> requires() {
    return provider.requires();
  }

  @Override
  public Set<Signal> uses() {
    return provider.uses();
  }

  @Override
  public Set<Class<?>> capabilities() {
    return provider.capabilities();
  }

  @Override
  public List<Parameter> parameters() {
    return provider.parameters().stream()
        .map(p -> p.name().equals("epochs") ? Parameter.integer("epochs", epochs, p.description()) : p).toList();
  }

  @Override
  public Strategy create(Options options) {
    return provider.create(options);
  }
}
