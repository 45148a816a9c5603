package org.alkit.runtime;

import org.alkit.api.Options;
import org.alkit.api.Strategy;
import org.alkit.api.StrategyProvider;

/** Two test-only providers with one name, listed only by the duplicate-detection test. */
final class DuplicateProviders {
  private DuplicateProviders() {}

  /** The first provider named {@code dup}. */
  public static final class First implements StrategyProvider {
    @Override
    public String name() {
      return "dup";
    }

    @Override
    public Strategy create(Options options) {
      throw new UnsupportedOperationException("never created");
    }
  }

  /** The second provider named {@code dup}. */
  public static final class Second implements StrategyProvider {
    @Override
    public String name() {
      return "dup";
    }

    @Override
    public Strategy create(Options options) {
      throw new UnsupportedOperationException("never created");
    }
  }
}
