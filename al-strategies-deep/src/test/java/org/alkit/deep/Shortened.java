package org.alkit.deep;

import java.util.List;
import org.alkit.api.Parameter;
import org.alkit.api.StrategyProvider;

/**
 * A provider as it is but for the default of its {@code epochs} option: the contract selects
 * dozens of times, and each selection of VAAL or MAL trains its networks; at the paper's 100
 * epochs the contract would take minutes, at a few it proves the same properties.
 */
final class Shortened extends Wrapped {
  private final int epochs;

  Shortened(StrategyProvider provider, int epochs) {
    super(provider);
    this.epochs = epochs;
  }

  @Override
  public List<Parameter> parameters() {
    return provider.parameters().stream()
        .map(p -> p.name().equals("epochs") ? Parameter.integer("epochs", epochs, p.description()) : p).toList();
  }
}
