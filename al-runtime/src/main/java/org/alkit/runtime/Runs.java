package org.alkit.runtime;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.google.inject.Guice;
import com.google.inject.ProvisionException;
import java.util.function.UnaryOperator;
import org.alkit.api.AlException;
import org.alkit.api.ComputeBackend;
import org.alkit.api.ModelAdapter;
import org.alkit.api.StrategyProvider;
import org.apiguardian.api.API;

/**
 * The one assembly of the active-learning loop, for {@code alkit run}, {@code alkit eval} and the
 * labeling service alike: {@link AlkitModule} (Guice) makes the model, the compute backend, the
 * strategy's provider and the oracle from the names a {@link RunRequest}'s configuration gives,
 * an optional decorator wraps them ({@link LoopParts}), and the loop receives them and owns the
 * backend ({@link ActiveLearningLoop#close()}).
 *
 * <pre>{@code
 * try (ActiveLearningLoop loop = Runs.assemble(request, Registry.load())) {
 *   RunResult result = loop.run(request.hints(), round -> {});
 * }
 * }</pre>
 *
 * <p>{@link #check} runs, without data, what the loop checks before round 1, so that a caller that
 * plans many runs (an evaluation matrix) refuses a bad one before the first starts.
 */
@API(status = EXPERIMENTAL, since = "0.2")
public final class Runs {
  private Runs() {}

  /**
   * The loop of {@code request}, its parts made from {@code registry}'s providers by name.
   *
   * @throws org.alkit.api.UnknownNameException naming an unknown model, backend, strategy or oracle
   *     and listing the known ones
   * @throws org.alkit.api.InvalidInputException on a bad model or backend option
   */
  public static ActiveLearningLoop assemble(RunRequest request, Registry registry) {
    return assemble(request, registry, UnaryOperator.identity());
  }

  /**
   * The loop of {@code request}, with the parts {@code decorate} returns for those made from
   * {@code registry}'s providers by name; when {@code decorate} fails, the backend made is closed
   * and its exception thrown.
   *
   * @throws org.alkit.api.UnknownNameException naming an unknown model, backend, strategy or oracle
   *     and listing the known ones
   * @throws org.alkit.api.InvalidInputException on a bad model or backend option
   */
  public static ActiveLearningLoop assemble(RunRequest request, Registry registry, UnaryOperator<LoopParts> decorate) {
    try {
      return Guice.createInjector(new AlkitModule(request.config(), request.dataset(), registry, decorate))
          .getInstance(ActiveLearningLoop.class);
    } catch (ProvisionException e) {
      throw unwrap(e);
    }
  }

  /**
   * Checks, before any data is loaded, everything about {@code config} that its loop checks before
   * round 1: the names of its model, backend and strategy, their options, the strategy's required
   * signals against the model's, the capabilities it declares (bound as a run binds them, from the
   * configured backend, the model or another installed backend) and a participant's training hooks,
   * against the selection model when there is one;
   * the model and backends made for the check are closed again.
   *
   * @throws org.alkit.api.UnknownNameException naming an unknown name and listing the known ones
   * @throws org.alkit.api.InvalidInputException on a bad option
   * @throws org.alkit.api.MissingSignalException naming every signal the model lacks
   * @throws AlException naming every missing signal, capability and hook in one line
   */
  public static void check(RunConfig config, Registry registry) {
    ModelAdapter model = registry.createModel(config.model(), config.modelOptions());
    ModelAdapter selecting = config.selectionModel()
        .map(name -> registry.createModel(name, config.selectionModelOptions())).orElse(model);
    StrategyProvider strategy = registry.strategy(config.strategy());
    try (ComputeBackend backend = registry.createBackend(config.backend(), config.backendOptions());
        ActiveLearningLoop.Preparation prepared = ActiveLearningLoop.prepare(config, selecting, strategy, backend,
            registry::backends)) {
      // everything is checked once the strategy is prepared
    }
  }

  /**
   * Guice wraps what a provider threw (an unknown model name, a decorator's failure); hand the
   * original on: the first {@link AlException} among the causes, else the provider's own exception.
   */
  private static RuntimeException unwrap(ProvisionException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof AlException) {
        return (AlException) t;
      }
    }
    return e.getCause() instanceof RuntimeException r ? r : e;
  }
}
