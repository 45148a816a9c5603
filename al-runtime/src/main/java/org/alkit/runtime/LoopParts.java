package org.alkit.runtime;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Objects;
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
 */
@API(status = EXPERIMENTAL, since = "0.2")
public record LoopParts(ModelAdapter model, StrategyProvider strategy, ComputeBackend backend, Oracle oracle) {
  /** Checks that every part is given. */
  public LoopParts {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(strategy, "strategy");
    Objects.requireNonNull(backend, "backend");
    Objects.requireNonNull(oracle, "oracle");
  }

  /** The same parts with another model, e.g. the configured one wrapped. */
  public LoopParts withModel(ModelAdapter other) {
    return new LoopParts(other, strategy, backend, oracle);
  }

  /** The same parts with another strategy provider, e.g. the configured one wrapped. */
  public LoopParts withStrategy(StrategyProvider other) {
    return new LoopParts(model, other, backend, oracle);
  }
}
