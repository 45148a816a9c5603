package org.alkit.runtime;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.MapBinder;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.alkit.api.BackendProvider;
import org.alkit.api.ComputeBackend;
import org.alkit.api.ModelAdapter;
import org.alkit.api.ModelProvider;
import org.alkit.api.Oracle;
import org.alkit.api.StrategyProvider;
import org.apiguardian.api.API;

/**
 * Guice wiring of one run: binds the {@link RunConfig}, the {@link Dataset} and the
 * {@link Registry}; one {@link MapBinder} per plugin kind (models, backends, strategies, oracles)
 * maps names to providers (Guice's multibindings, as in {@code MapBinder}'s own Javadoc); and the
 * {@code @Provides} methods pick the {@link ModelAdapter}, {@link ComputeBackend},
 * {@link StrategyProvider} and {@link Oracle} the configuration names and hand them, through a
 * decorator (the identity unless one is given), to {@link ActiveLearningLoop} as its
 * {@link LoopParts}. {@link Runs#assemble} is the one place that uses it.
 *
 * <pre>{@code
 * Injector injector = Guice.createInjector(new AlkitModule(config, dataset));
 * RunResult result = injector.getInstance(ActiveLearningLoop.class).run();
 * }</pre>
 *
 * An unknown name raises {@link org.alkit.api.UnknownNameException} listing the known ones (Guice
 * wraps it in a {@code ProvisionException}; its cause is the original, and {@link Runs#assemble}
 * throws that).
 *
 * <p>Experimental, as the {@link RunConfig} and {@link Dataset} it is made from and the loop it
 * wires.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class AlkitModule extends AbstractModule {
  /** The model option that receives the data set's item shape. */
  public static final String ITEM_SHAPE = "item-shape";

  private final RunConfig config;
  private final Dataset dataset;
  private final Registry registry;
  private final UnaryOperator<LoopParts> decorate;

  /** Wiring with the plugins {@link Registry#load()} finds. */
  public AlkitModule(RunConfig config, Dataset dataset) {
    this(config, dataset, Registry.load());
  }

  /** Wiring with the plugins of {@code registry}. */
  public AlkitModule(RunConfig config, Dataset dataset, Registry registry) {
    this(config, dataset, registry, UnaryOperator.identity());
  }

  /**
   * Wiring with the plugins of {@code registry}, the loop's parts as {@code decorate} returns them
   * (see {@link LoopParts}).
   */
  @API(status = EXPERIMENTAL, since = "0.2")
  public AlkitModule(RunConfig config, Dataset dataset, Registry registry, UnaryOperator<LoopParts> decorate) {
    this.config = config;
    this.dataset = dataset;
    this.registry = registry;
    this.decorate = decorate;
  }

  @Override
  protected void configure() {
    bind(RunConfig.class).toInstance(config);
    bind(Dataset.class).toInstance(dataset);
    bind(Registry.class).toInstance(registry);
    MapBinder<String, ModelProvider> models = MapBinder.newMapBinder(binder(), String.class, ModelProvider.class);
    registry.models().forEach(p -> models.addBinding(p.name()).toInstance(p));
    MapBinder<String, BackendProvider> backends =
        MapBinder.newMapBinder(binder(), String.class, BackendProvider.class);
    registry.backends().forEach(p -> backends.addBinding(p.name()).toInstance(p));
    MapBinder<String, StrategyProvider> strategies =
        MapBinder.newMapBinder(binder(), String.class, StrategyProvider.class);
    registry.strategies().forEach(p -> strategies.addBinding(p.name()).toInstance(p));
    MapBinder<String, OracleFactory> oracles = MapBinder.newMapBinder(binder(), String.class, OracleFactory.class);
    oracles.addBinding(OracleFactory.SIMULATED).toInstance(OracleFactory::simulated);
  }

  @Provides
  @Singleton
  ModelAdapter model(Map<String, ModelProvider> models) {
    return model(models, config.model(), config.modelOptions());
  }

  /** The selection model the configuration names, if any (selection via proxy). */
  @Provides
  @Singleton
  Optional<ModelAdapter> selectionModel(Map<String, ModelProvider> models) {
    return config.selectionModel().map(name -> model(models, name, config.selectionModelOptions()));
  }

  private ModelAdapter model(Map<String, ModelProvider> models, String name, Map<String, String> options) {
    ModelProvider p = Registry.lookup("model", models, name);
    return p.create(p.options(modelOptions(p, options)));
  }

  /**
   * The configured model options; a model that declares the option {@value #ITEM_SHAPE} (an image
   * model such as {@code cnn}) gets the data set's item shape there, as {@code CxHxW}, unless the
   * configuration sets it.
   */
  private Map<String, String> modelOptions(ModelProvider p, Map<String, String> configured) {
    int[] shape = dataset.itemShape();
    boolean declared = p.parameters().stream().anyMatch(o -> o.name().equals(ITEM_SHAPE));
    if (!declared || configured.containsKey(ITEM_SHAPE) || shape.length < 2 || shape.length > 3) {
      return configured;
    }
    Map<String, String> options = new LinkedHashMap<>(configured);
    options.put(ITEM_SHAPE, (shape.length == 2 ? "1x" : "") + Arrays.stream(shape)
        .mapToObj(String::valueOf).collect(Collectors.joining("x")));
    return options;
  }

  @Provides
  @Singleton
  ComputeBackend backend(Map<String, BackendProvider> backends) {
    BackendProvider p = Registry.lookup("backend", backends, config.backend());
    return p.create(p.options(config.backendOptions()));
  }

  @Provides
  @Singleton
  StrategyProvider strategy(Map<String, StrategyProvider> strategies) {
    return Registry.lookup("strategy", strategies, config.strategy());
  }

  /** The parts as the decorator returns them; the backend is closed when it fails. */
  @Provides
  @Singleton
  LoopParts parts(ModelAdapter model, Optional<ModelAdapter> selectionModel, StrategyProvider strategy, Oracle oracle,
      ComputeBackend backend) {
    try {
      return decorate.apply(new LoopParts(model, strategy, backend, oracle, selectionModel));
    } catch (RuntimeException e) {
      backend.close();
      throw e;
    }
  }

  @Provides
  @Singleton
  Oracle oracle(Map<String, OracleFactory> oracles) {
    return Registry.lookup("oracle", oracles, config.oracle()).create(dataset);
  }
}
