package org.alkit.runtime;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.alkit.api.AlException;
import org.alkit.api.BackendProvider;
import org.alkit.api.ComputeBackend;
import org.alkit.api.FitPlan;
import org.alkit.api.MissingSignalException;
import org.alkit.api.ModelAdapter;
import org.alkit.api.NetworkTraining;
import org.alkit.api.Options;
import org.alkit.api.Refitting;
import org.alkit.api.SelectionContext;
import org.alkit.api.Strategy;
import org.alkit.api.StrategyProvider;
import org.alkit.api.TrainingHooks;
import org.alkit.api.TrainingParticipant;
import org.alkit.commons.CapabilityBackends;
import org.apiguardian.api.API;

/**
 * The one place that checks and binds, before round 1, what a strategy needs besides signals: the
 * capabilities it declares for its options ({@link StrategyProvider#capabilities(Options)}) and,
 * for a {@link TrainingParticipant}, the model's {@link TrainingHooks}. The
 * {@link ActiveLearningLoop} and {@code alkit select} both call {@link #bind}; a strategy that
 * declares nothing and takes part in nothing gets an empty binding, and its run is what it was.
 *
 * <p>Where a capability comes from, in this order: the configured backend
 * ({@link ComputeBackend#capability}); the model ({@link ModelAdapter#capability}); otherwise the
 * first installed backend provider, by name, that declares it ({@link BackendProvider#capabilities()}),
 * created for this binding alone at its defaults with one thread when it declares a
 * {@code threads} option (alkit's default for networks: the same bits on every machine; libtorch's
 * threads are process-wide). A run on the {@code java} backend thereby trains VaB-AL's VAE on the
 * {@code djl} backend's CPU on one thread, as it did before the capability existed, while
 * {@code --backend djl --backend-option device=gpu} moves it to the GPU. Each
 * {@link NetworkTraining} bound gives one {@linkplain #notices() notice}, saying which engine,
 * device and threads train the strategy's networks.
 *
 * <p>What cannot be had is refused in one line, together with the missing signals, e.g.
 * {@code strategy 'vabal' needs NetworkTraining; backend 'java' does not offer it and no installed
 * backend does: put al-gpu on the path}. Without a model ({@code alkit select} fits none), a
 * participant that declares hooks is refused.
 *
 * <p>The binding owns the backends it created and closes them in {@link #close()}: the loop holds
 * one binding per run.
 */
@API(status = EXPERIMENTAL, since = "0.2")
public final class CapabilityBinding implements AutoCloseable {
  private final Map<Class<?>, Object> bound;
  private final List<ComputeBackend> owned;
  private final List<String> notices;
  private final Optional<TrainingHooks> hooks;

  private CapabilityBinding(Map<Class<?>, Object> bound, List<ComputeBackend> owned, List<String> notices,
      Optional<TrainingHooks> hooks) {
    this.bound = bound;
    this.owned = owned;
    this.notices = notices;
    this.hooks = hooks;
  }

  /**
   * Checks every need of {@code strategy} and binds its capabilities.
   *
   * @param provider the strategy's provider
   * @param options its options, resolved against its parameters
   * @param strategy the strategy made from them (a {@link TrainingParticipant}'s hooks are checked)
   * @param missingSignals what the signal check found missing ({@link CapabilityCheck#missing}),
   *     reported in the same message
   * @param model the model that is fitted, or empty where nothing is fitted
   * @param backend the configured backend
   * @param installed every installed backend provider, asked only when a capability is not
   *     otherwise offered
   * @throws MissingSignalException if signals, and nothing else, are missing
   * @throws AlException naming every missing signal, capability and hook in one line
   */
  public static CapabilityBinding bind(StrategyProvider provider, Options options, Strategy strategy,
      Optional<MissingSignalException> missingSignals, Optional<Model> model,
      ComputeBackend backend, Supplier<? extends Collection<BackendProvider>> installed) {
    String who = "strategy '" + provider.name() + "'";
    List<String> problems = new ArrayList<>();
    Map<Class<?>, Object> bound = new LinkedHashMap<>();
    List<ComputeBackend> owned = new ArrayList<>();
    List<String> notices = new ArrayList<>();
    try {
      for (Class<?> type : provider.capabilities(options)) {
        Optional<String> missing = bindOne(type, who, model.map(Model::adapter), backend, installed, bound, owned,
            notices);
        missing.ifPresent(problems::add);
      }
      Optional<TrainingHooks> hooks = model.flatMap(m -> m.adapter().capability(TrainingHooks.class));
      if (strategy instanceof TrainingParticipant) {
        hooksProblem(who, ((TrainingParticipant) strategy).hooks(), model.map(Model::name), hooks)
            .ifPresent(problems::add);
      }
      if (problems.isEmpty() && missingSignals.isPresent()) {
        throw missingSignals.get();
      }
      if (!problems.isEmpty()) {
        String message = String.join("; ", problems);
        throw new AlException(missingSignals.map(e -> e.getMessage() + "; ").orElse("") + message);
      }
      return new CapabilityBinding(Map.copyOf(bound), owned, List.copyOf(notices), hooks);
    } catch (RuntimeException e) {
      owned.forEach(ComputeBackend::close);
      throw e;
    }
  }

  /**
   * The model a loop fits.
   *
   * @param name its configured name, for messages
   * @param adapter the adapter, whose capabilities serve the strategy
   */
  @API(status = EXPERIMENTAL, since = "0.2")
  public record Model(String name, ModelAdapter adapter) {}

  /** Binds {@code type} from the first source that offers it; what is missing otherwise. */
  private static <C> Optional<String> bindOne(Class<C> type, String who, Optional<ModelAdapter> model,
      ComputeBackend backend, Supplier<? extends Collection<BackendProvider>> installed, Map<Class<?>, Object> bound,
      List<ComputeBackend> owned, List<String> notices) {
    Optional<C> offered = backend.capability(type);
    String source = "backend '" + backend.name() + "'";
    if (offered.isEmpty()) {
      offered = model.flatMap(m -> m.capability(type));
      source = "the model";
    }
    if (offered.isEmpty()) {
      Optional<BackendProvider> other = CapabilityBackends.declaring(installed.get(), type);
      if (other.isPresent()) {
        ComputeBackend created = CapabilityBackends.create(other.get());
        owned.add(created);
        offered = created.capability(type);
        source = "backend '" + other.get().name() + "', created for this strategy";
        if (offered.isEmpty()) {
          throw new AlException("backend '" + other.get().name() + "' declares " + type.getSimpleName()
              + " but its backend does not offer it");
        }
      }
    }
    if (offered.isEmpty() && model.isEmpty() && type == Refitting.class) {
      return Optional.of(who + " refits the model (" + type.getSimpleName() + "), and no model is fitted here"
          + " (alkit select fits none): run it in a loop (alkit run)");
    }
    if (offered.isEmpty() && model.isPresent() && type == Refitting.class) {
      return Optional.of(who + " needs " + type.getSimpleName() + " (a refit with added items), which the model"
          + " does not offer; expected a model that does (logistic)");
    }
    if (offered.isEmpty()) {
      return Optional.of(who + " needs " + type.getSimpleName() + "; backend '" + backend.name()
          + "' does not offer it and no installed backend does"
          + (type == NetworkTraining.class ? ": put al-gpu on the path" : ""));
    }
    bound.put(type, offered.get());
    if (offered.get() instanceof NetworkTraining) {
      NetworkTraining t = (NetworkTraining) offered.get();
      notices.add(who + " trains its networks on " + t.engine() + ", " + t.device() + ", " + t.threads()
          + (t.threads() == 1 ? " thread" : " threads") + " (" + source + ")");
    }
    return Optional.empty();
  }

  /** What is wrong with a participant's hooks against the model's, if anything. */
  private static Optional<String> hooksProblem(String who, Set<FitPlan.Hook> needed, Optional<String> modelName,
      Optional<TrainingHooks> hooks) {
    if (needed.isEmpty()) {
      return Optional.empty();
    }
    String list = keys(needed);
    if (modelName.isEmpty()) {
      return Optional.of(who + " takes part in the classifier's training (hooks " + list
          + "), and no model is fitted here (alkit select fits none): run it in a loop (alkit run)");
    }
    String model = "model '" + modelName.get() + "'";
    if (hooks.isEmpty()) {
      return Optional.of(who + " takes part in training with hooks " + list + ", which " + model
          + " does not perform: it offers no training hooks");
    }
    Set<FitPlan.Hook> lacking = EnumSet.copyOf(needed);
    lacking.removeAll(hooks.get().supported());
    if (lacking.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(who + " takes part in training with hooks " + list + ", and " + model + " does not perform "
        + keys(lacking) + " (it performs " + (hooks.get().supported().isEmpty() ? "none" : keys(hooks.get().supported()))
        + ")");
  }

  /** Hook names as messages spell them, e.g. {@code epoch-predictions}. */
  static String keys(Set<FitPlan.Hook> hooks) {
    return hooks.stream().sorted().map(h -> h.name().toLowerCase(Locale.ROOT).replace('_', '-'))
        .collect(Collectors.joining(", "));
  }

  /** Whether this binding holds a capability of type {@code type}. */
  public boolean binds(Class<?> type) {
    return bound.containsKey(type);
  }

  /** Binds every capability into a context's builder. */
  public SelectionContext.Builder apply(SelectionContext.Builder builder) {
    bound.forEach((type, value) -> put(builder, type, value));
    return builder;
  }

  private static <C> void put(SelectionContext.Builder builder, Class<C> type, Object value) {
    builder.capability(type, type.cast(value));
  }

  /** One line for each {@link NetworkTraining} bound: which engine, device and threads train the strategy's networks. */
  public List<String> notices() {
    return notices;
  }

  /** The model's training hooks, when a model is fitted and offers them. */
  public Optional<TrainingHooks> hooks() {
    return hooks;
  }

  /** Closes the backends this binding created. */
  @Override
  public void close() {
    RuntimeException first = null;
    for (ComputeBackend b : owned) {
      try {
        b.close();
      } catch (RuntimeException e) {
        if (first == null) {
          first = e;
        } else {
          first.addSuppressed(e);
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }
}
