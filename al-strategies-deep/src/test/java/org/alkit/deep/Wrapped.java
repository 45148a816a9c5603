package org.alkit.deep;

import java.util.List;
import java.util.Set;
import org.alkit.api.Options;
import org.alkit.api.Parameter;
import org.alkit.api.Signal;
import org.alkit.api.Strategy;
import org.alkit.api.StrategyProvider;

/** A provider that is another one in every respect a subclass does not override. */
abstract class Wrapped implements StrategyProvider {
  final StrategyProvider provider;

  Wrapped(StrategyProvider provider) {
    this.provider = provider;
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
  public String description() {
    return provider.description();
  }

  @Override
  public Set<Signal> requires() {
    return provider.requires();
  }

  @Override
  public Set<Signal> requires(Options options) {
    return provider.requires(options);
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
  public Set<Class<?>> capabilities(Options options) {
    return provider.capabilities(options);
  }

  @Override
  public List<Parameter> parameters() {
    return provider.parameters();
  }

  @Override
  public Strategy create(Options options) {
    return provider.create(options);
  }
}
