package org.alkit.api;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;
import static org.apiguardian.api.API.Status.STABLE;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * The service a strategy plugin publishes. A plugin jar depends on al-api alone and declares it
 * both ways, so it is found on the module path and on the class path:
 *
 * <pre>{@code
 * // module-info.java
 * module com.example.alplugin {
 *   requires org.alkit.api;
 *   provides org.alkit.api.StrategyProvider with com.example.alplugin.MyProvider;
 * }
 * // META-INF/services/org.alkit.api.StrategyProvider
 * com.example.alplugin.MyProvider
 * }</pre>
 *
 * Only {@link #name()} and {@link #create(Options)} are abstract; the metadata has defaults used
 * for listing, the capability check and option validation. Names are unique across all loaded
 * plugins: two providers with one name are a hard error.
 */
@API(status = STABLE, since = "0.1")
public interface StrategyProvider {

  /** The name users select the strategy by: lower-case, dash-separated, e.g. {@code least-confidence}. */
  String name();

  /**
   * Creates a strategy from options already checked against {@link #parameters()} (types, choices
   * and declared ranges); checks that relate options to each other are the strategy's own and
   * throw {@link InvalidInputException}.
   */
  Strategy create(Options options);

  /** The family for listings: uncertainty, diversity, submodular, bayesian, or a plugin's own. */
  default String family() {
    return "other";
  }

  /** One line on what the strategy does and where it comes from. */
  default String description() {
    return "";
  }

  /** Signals without which the strategy cannot run; checked before round 1. */
  default Set<Signal> requires() {
    return Set.of();
  }

  /**
   * The signals the strategy requires with {@code options} (resolved against {@link #parameters()}),
   * which the runtime checks before round 1 and {@code alkit select} before reading any file: a
   * need that depends on an option (variation ratio over Monte-Carlo passes or over a committee's
   * members) is declared here. The default is {@link #requires()}.
   */
  @API(status = EXPERIMENTAL, since = "0.2")
  default Set<Signal> requires(Options options) {
    return requires();
  }

  /**
   * Signals the strategy reads when present but can do without (e.g. previous-round
   * probabilities, absent in round 1). The runtime provides them when it can.
   */
  default Set<Signal> uses() {
    return Set.of();
  }

  /**
   * The capability types the strategy may need besides signals, e.g. {@link NetworkTraining} for a
   * strategy that trains a network of its own: for listings, and the default of
   * {@link #capabilities(Options)}. The default needs none.
   */
  @API(status = EXPERIMENTAL, since = "0.2")
  default Set<Class<?>> capabilities() {
    return Set.of();
  }

  /**
   * The capability types the strategy needs with {@code options} (resolved against
   * {@link #parameters()}), which the runtime binds into each {@link SelectionContext} (from the
   * configured backend, or another installed backend that declares them) or refuses the run for
   * before round 1, in one message with any missing signal. A need that depends on an option (a
   * strategy that trains a network with one setting and not with another) is declared here. The
   * default is {@link #capabilities()}.
   */
  @API(status = EXPERIMENTAL, since = "0.2")
  default Set<Class<?>> capabilities(Options options) {
    return capabilities();
  }

  /** The options the strategy accepts. */
  default List<Parameter> parameters() {
    return List.of();
  }

  /** Options at their defaults, validated: {@code create(defaults())} must work. */
  default Options defaults() {
    return options(Map.of());
  }

  /**
   * {@code given} resolved against {@link #parameters()} ({@link Options#resolve}), their owner
   * named {@code strategy 'NAME'} in messages: what {@link #create(Options)} takes.
   *
   * <pre>{@code
   * Strategy beam = provider.create(provider.options(Map.of("beam", "4")));
   * }</pre>
   *
   * @throws InvalidInputException on an unknown key, or a value of the wrong type or outside its
   *     choices or range
   */
  @API(status = EXPERIMENTAL, since = "0.2")
  default Options options(Map<String, String> given) {
    return Options.resolve("strategy '" + name() + "'", parameters(), given);
  }
}
