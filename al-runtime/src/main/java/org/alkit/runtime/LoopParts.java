package org.alkit.runtime;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Objects;
import java.util.Optional;
import org.alkit.api.ComputeBackend;
import org.alkit.api.ModelAdapter;
import org.alkit.api.Oracle;
import org.alkit.api.StrategyProvider;
import org.apiguardian.api.API;

/**
 * The parts an {@link ActiveLearningLoop} runs with, as {@link AlkitModule} makes them from the
 * names a {@link RunConfig} gives: the model, the strategy's provider, the compute backend (which
 * the loop owns and closes) and the oracle.
 *
 * <p>They are also the loop's decoration seam: {@link Runs#assemble(RunRequest, Registry,
 * java.util.function.UnaryOperator)} hands them to a decorator before the loop is made, which may
 * wrap any of them (an evaluation records each fit of the model and measures each selection), so
 * every caller gets its loop from the one assembly.
 *
 * <pre>{@code
 * ActiveLearningLoop loop = Runs.assemble(request, registry,
 *     parts -> parts.withModel(new RecordingModel(parts.model())));
 * }</pre>
 *
 * @param model the model fitted each round
 * @param strategy the provider of the strategy that selects
 * @param backend the compute backend strategies run on; the loop closes it
 * @param oracle who labels the picks
 * @param selectionModel the model whose signals the strategy reads, when it is not {@code model}
 *     (selection via proxy); {@code model} is then the one whose accuracy is measured
 */
@API(status = EXPERIMENTAL, since = "0.2")
public record LoopParts(ModelAdapter model, StrategyProvider strategy, ComputeBackend backend, Oracle oracle,
    Optional<ModelAdapter> selectionModel) {
  /** Checks that every part is given. */
  public LoopParts {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(strategy, "strategy");
    Objects.requireNonNull(backend, "backend");
    Objects.requireNonNull(oracle, "oracle");
    Objects.requireNonNull(selectionModel, "selectionModel");
  }

  /** The parts of a loop whose strategy reads the signals of {@code model} itself. */
  public LoopParts(ModelAdapter model, StrategyProvider strategy, ComputeBackend backend, Oracle oracle) {
    this(model, strategy, backend, oracle, Optional.empty());
  }

  /** The same parts with another model, e.g. the configured one wrapped. */
  public LoopParts withModel(ModelAdapter other) {
    return new LoopParts(other, strategy, backend, oracle, selectionModel);
  }

  /** The same parts with another strategy provider, e.g. the configured one wrapped. */
  public LoopParts withStrategy(StrategyProvider other) {
    return new LoopParts(model, other, backend, oracle, selectionModel);
  }

  /** The same parts with another selection model (or none), e.g. the configured one wrapped. */
  public LoopParts withSelectionModel(Optional<ModelAdapter> other) {
    return new LoopParts(model, strategy, backend, oracle, other);
  }
}
