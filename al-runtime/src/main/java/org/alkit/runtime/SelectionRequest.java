package org.alkit.runtime;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.alkit.api.BackendProvider;
import org.alkit.api.ComputeBackend;
import org.alkit.api.InvalidInputException;
import org.alkit.api.MissingSignalException;
import org.alkit.api.Options;
import org.alkit.api.ScenarioHints;
import org.alkit.api.Selection;
import org.alkit.api.SelectionContext;
import org.alkit.api.Signal;
import org.alkit.api.Strategy;
import org.alkit.api.StrategyProvider;
import org.alkit.api.UnknownNameException;
import org.apiguardian.api.API;

/**
 * One selection from signals given as {@code .npy} files ({@code alkit select}; the labeling
 * service's "what next" without a fitted model), checked when {@linkplain Builder#build built}, so
 * that a library user and the service refuse the same inputs as the command, with its one-line
 * messages. Inputs are named in messages as {@code alkit select}'s flags name them
 * ({@code --probs}, {@code --labeled}, {@code --budget}, …).
 *
 * <p>{@link Builder#build} checks, in this order: the round and the scenario; the strategy's name
 * and options; each signal file's shape (a stack holds at least two matrices); that every signal
 * has one row per pool item (or {@code --pool-size} gives the count), and room for the pool; the
 * budget against the pool; that the probability signals agree on at least two classes; which
 * required signals are missing (reported when selecting, with any missing capability); the labeled
 * set (integer indices or a bool mask; labels, one per labeled item, each a class) and that an
 * unlabeled item is left for the budget; the hints' classes, and their query and private sets
 * (feature rows, or pool indices or a mask). Signal files are read only when the strategy reads
 * them. {@link #select} then binds the strategy's capabilities on a backend
 * ({@link CapabilityBinding}), reads the signals the strategy reads, and selects.
 *
 * <pre>{@code
 * SelectionRequest request = SelectionRequest.builder("margin", Map.of(), 10)
 *     .signal(Signal.PROBABILITIES, Path.of("probs.npy")).labeled(Path.of("labeled.npy"))
 *     .build(registry);
 * try (ComputeBackend backend = registry.createBackend("java", Map.of())) {
 *   Selection picks = request.select(backend, registry::backends, System.err::println).selection();
 * }
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.2")
public final class SelectionRequest {
  /** Each signal's name in messages: the {@code alkit select} flag that gives it. */
  public static final Map<Signal, String> SIGNAL_FLAGS = Map.of(
      Signal.PROBABILITIES, "--probs",
      Signal.EMBEDDINGS, "--embeddings",
      Signal.MC_PROBABILITIES, "--mc-probs",
      Signal.COMMITTEE_PROBABILITIES, "--committee-probs",
      Signal.PREVIOUS_PROBABILITIES, "--prev-probs",
      Signal.FEATURES, "--features",
      Signal.GRADIENT_EMBEDDINGS, "--probs and --embeddings",
      Signal.PREDICTION_HISTORY, "--prediction-history");

  /** The scenario names strategies read from the hints. */
  public static final List<String> SCENARIOS = List.of("none", "rare-classes", "ood", "redundancy");

  private final StrategyProvider provider;
  private final Options options;
  private final Strategy strategy;
  private final ContextAssembly signals;
  private final Optional<MissingSignalException> missing;
  private final int poolSize;
  private final int[] labeled;
  private final int[] labels;
  private final int budget;
  private final int round;
  private final long seed;
  private final ScenarioHints hints;

  private SelectionRequest(Builder b, StrategyProvider provider, Options options, Strategy strategy,
      ContextAssembly signals, Optional<MissingSignalException> missing, int poolSize, int[] labeled, int[] labels,
      ScenarioHints hints) {
    this.provider = provider;
    this.options = options;
    this.strategy = strategy;
    this.signals = signals;
    this.missing = missing;
    this.poolSize = poolSize;
    this.labeled = labeled;
    this.labels = labels;
    this.budget = b.budget;
    this.round = b.round;
    this.seed = b.seed;
    this.hints = hints;
  }

  /**
   * A request for {@code budget} picks by the strategy {@code strategy} with {@code options} (text
   * values), in round 1, seed 0, without hints.
   */
  public static Builder builder(String strategy, Map<String, String> options, int budget) {
    return new Builder(strategy, options, budget);
  }

  /** The strategy's provider. */
  public StrategyProvider provider() {
    return provider;
  }

  /** The strategy's options, resolved against its parameters. */
  @API(status = EXPERIMENTAL, since = "0.3")
  public Options options() {
    return options;
  }

  /** The strategy, created with {@link #options()}. */
  @API(status = EXPERIMENTAL, since = "0.3")
  public Strategy strategy() {
    return strategy;
  }

  /** The labeled pool items as {@code --labeled} gives them (empty without it). */
  @API(status = EXPERIMENTAL, since = "0.3")
  public int[] labeled() {
    return labeled == null ? new int[0] : labeled.clone();
  }

  /** Their labels, position by position, or null without {@code --labels}. */
  @API(status = EXPERIMENTAL, since = "0.3")
  public int[] labels() {
    return labels == null ? null : labels.clone();
  }

  /**
   * Checks that the inputs give every signal the strategy requires, as {@link #select} does first;
   * for an engine that selects elsewhere (al-spark).
   *
   * @throws MissingSignalException naming every missing signal in one line
   */
  @API(status = EXPERIMENTAL, since = "0.3")
  public void requireSignals() {
    if (missing.isPresent()) {
      throw missing.get();
    }
  }

  /** The pool size every signal agrees on (or {@code --pool-size}). */
  public int poolSize() {
    return poolSize;
  }

  /** A selection and how long the strategy took. */
  public record Selected(Selection selection, long nanos) {}

  /**
   * Binds the strategy's capabilities ({@link CapabilityBinding}: from {@code backend}, else from
   * another of {@code installed}, whose backend is closed again; a participant is refused, nothing
   * being fitted here), reads and checks the signals it reads, then selects; only the selection is
   * timed.
   *
   * @param notices hears which engine, device and threads train the strategy's networks
   * @throws MissingSignalException if signals, and nothing else, are missing
   * @throws org.alkit.api.AlException naming every missing signal, capability and hook in one line
   */
  public Selected select(ComputeBackend backend, Supplier<? extends Collection<BackendProvider>> installed,
      Consumer<String> notices) {
    try (CapabilityBinding binding = CapabilityBinding.bind(provider, options, strategy, missing, Optional.empty(),
        backend, installed)) {
      binding.notices().forEach(notices);
      SelectionContext context = signals.build(ctx -> {
        if (labeled != null) {
          NpyInputs.named("--labeled", () -> ctx.labeled(labeled, labels));
        }
        return binding.apply(ctx.budget(budget).round(round).seed(seed).hints(hints).backend(backend));
      });
      Set<Signal> read = new TreeSet<>(provider.requires(options));
      read.addAll(provider.uses());
      read.retainAll(ContextAssembly.offered(signals.given()));
      for (Signal s : read) { // read and check what the strategy reads now, so the selection alone is timed
        NpyInputs.named(SIGNAL_FLAGS.get(s), () -> s.shape() == Signal.Shape.MATRIX ? context.matrix(s)
            : context.stack(s));
      }
      long start = System.nanoTime();
      Selection selection = strategy.select(context);
      return new Selected(selection, System.nanoTime() - start);
    }
  }

  /** What a selection request is made of; {@link #build} checks it. */
  public static final class Builder {
    private final String strategy;
    private final Map<String, String> options;
    private final int budget;
    private int round = 1;
    private long seed;
    private Integer poolSize;
    private final Map<Signal, Path> files = new EnumMap<>(Signal.class);
    private Path labeled;
    private Path labels;
    private Path query;
    private Path privateSet;
    private String scenario = "none";
    private List<Integer> rareClasses = List.of();
    private List<Integer> oodClasses = List.of();

    private Builder(String strategy, Map<String, String> options, int budget) {
      this.strategy = Objects.requireNonNull(strategy, "strategy");
      this.options = Map.copyOf(options);
      this.budget = budget;
    }

    /** The round number, 1 for the first ({@code --round}). */
    public Builder round(int value) {
      this.round = value;
      return this;
    }

    /** The seed of random choices ({@code --seed}). */
    public Builder seed(long value) {
      this.seed = value;
      return this;
    }

    /** The pool size when no signal file gives it ({@code --pool-size}); {@code null}: none. */
    public Builder poolSize(Integer value) {
      this.poolSize = value;
      return this;
    }

    /**
     * A signal's {@code .npy} file: n × C or n × d for a matrix signal, T × n × C for a stack, and
     * T × n integer class ids for {@link Signal#PREDICTION_HISTORY} (T epochs);
     * {@link Signal#GRADIENT_EMBEDDINGS} is derived, not given.
     */
    public Builder signal(Signal signal, Path file) {
      if (signal == Signal.GRADIENT_EMBEDDINGS) {
        throw new IllegalArgumentException("gradient embeddings are derived from probabilities and embeddings");
      }
      files.put(signal, Objects.requireNonNull(file, "file"));
      return this;
    }

    /** Integer indices or a bool mask of the labeled pool items ({@code --labeled}). */
    public Builder labeled(Path file) {
      this.labeled = file;
      return this;
    }

    /** The labels of the labeled items, in their order ({@code --labels}). */
    public Builder labels(Path file) {
      this.labels = file;
      return this;
    }

    /** The query set: pool indices, a bool mask or feature rows ({@code --query}). */
    public Builder query(Path file) {
      this.query = file;
      return this;
    }

    /** The private set: pool indices, a bool mask or feature rows ({@code --private}). */
    public Builder privateSet(Path file) {
      this.privateSet = file;
      return this;
    }

    /**
     * The scenario hints: one of {@link #SCENARIOS} ({@code --scenario}), the rare and the OOD
     * classes ({@code --rare-classes}, {@code --ood-classes}).
     */
    public Builder hints(String name, List<Integer> rare, List<Integer> ood) {
      this.scenario = Objects.requireNonNull(name, "name");
      this.rareClasses = List.copyOf(rare);
      this.oodClasses = List.copyOf(ood);
      return this;
    }

    /** Every file given, by the flag that names it, for a caller that must not overwrite one. */
    public Map<String, Path> files() {
      Map<String, Path> in = new LinkedHashMap<>();
      files.forEach((s, f) -> in.put(SIGNAL_FLAGS.get(s), f));
      Map<String, Path> others = new LinkedHashMap<>();
      others.put("--labeled", labeled);
      others.put("--labels", labels);
      others.put("--query", query);
      others.put("--private", privateSet);
      others.forEach((flag, f) -> {
        if (f != null) {
          in.put(flag, f);
        }
      });
      return in;
    }

    /**
     * Checks everything (see {@link SelectionRequest}) and makes the strategy.
     *
     * @throws InvalidInputException naming the input, its bad value and what was expected
     * @throws UnknownNameException for an unknown scenario
     */
    public SelectionRequest build(Registry registry) {
      if (round < 1) {
        throw new InvalidInputException("--round = " + round + "; expected 1 for the first round or more");
      }
      if (!SCENARIOS.contains(scenario)) {
        throw new UnknownNameException("--scenario", scenario, SCENARIOS);
      }
      StrategyProvider provider;
      try {
        provider = registry.strategy(strategy);
      } catch (UnknownNameException e) {
        throw new InvalidInputException("--strategy: " + e.getMessage(), e);
      }
      Options resolved = provider.options(options);
      Strategy instance = provider.create(resolved);

      Map<Signal, Npy.Header> headers = new EnumMap<>(Signal.class);
      files.forEach((signal, file) -> headers.put(signal, NpyInputs.header(SIGNAL_FLAGS.get(signal), file,
          signal.shape() == Signal.Shape.MATRIX ? 2 : 3)));
      headers.forEach((signal, h) -> {
        if (signal.shape() == Signal.Shape.STACK && h.shape()[0] < 2) {
          throw new InvalidInputException(SIGNAL_FLAGS.get(signal) + " holds " + h.shape()[0] + " matrix (shape " + h
              + "); expected at least 2 along the first axis (Monte-Carlo samples or committee members)");
        }
      });
      int n = poolSize(headers);
      if (budget < 1 || budget > n) {
        throw new InvalidInputException("--budget = " + budget + "; expected 1 <= budget <= pool size (" + n + ")");
      }
      int classes = classes(headers);
      // only the files the strategy reads are read; the others were checked by their headers
      ContextAssembly signals = ContextAssembly.of(n);
      files.forEach((signal, file) -> {
        String flag = SIGNAL_FLAGS.get(signal);
        if (signal == Signal.PREDICTION_HISTORY) {
          signals.matrix(signal, () -> NpyInputs.predictionHistory(flag, file, classes));
        } else if (signal.shape() == Signal.Shape.MATRIX) {
          signals.matrix(signal, () -> NpyInputs.matrix(flag, file));
        } else {
          signals.stack(signal, () -> NpyInputs.stack(flag, file));
        }
      });
      Optional<MissingSignalException> missing = CapabilityCheck.missing(provider, resolved, signals.given(),
          absent -> "the inputs (" + absent.stream().sorted().map(SIGNAL_FLAGS::get).collect(Collectors.joining(", "))
              + " missing)");
      int[] labeledItems = null;
      int[] labelValues = null;
      if (labeled == null) {
        if (labels != null) {
          throw new InvalidInputException("--labels is given without --labeled; expected both or neither");
        }
      } else {
        labeledItems = NpyInputs.poolIndices("--labeled", labeled, n);
        labelValues = labels == null ? null : NpyInputs.indices("--labels", labels);
        checkLabeled(n, classes, labeledItems, labelValues);
      }
      return new SelectionRequest(this, provider, resolved, instance, signals, missing, n, labeledItems, labelValues,
          hints(n, classes));
    }

    /** The pool size every signal agrees on, or --pool-size. */
    private int poolSize(Map<Signal, Npy.Header> headers) {
      if (poolSize != null && poolSize <= 0) {
        throw new InvalidInputException("--pool-size = " + poolSize + "; expected a positive number of pool items");
      }
      String firstFlag = poolSize == null ? null : "--pool-size";
      int n = poolSize == null ? -1 : poolSize;
      for (Map.Entry<Signal, Npy.Header> e : headers.entrySet()) {
        int[] shape = e.getValue().shape();
        // a stack holds T matrices of n rows; a prediction history T epochs of n items
        boolean itemsSecond = e.getKey().shape() == Signal.Shape.STACK || e.getKey() == Signal.PREDICTION_HISTORY;
        int rows = itemsSecond ? shape[1] : shape[0];
        String flag = SIGNAL_FLAGS.get(e.getKey());
        if (firstFlag == null) {
          firstFlag = flag;
          n = rows;
        } else if (rows != n && e.getKey() == Signal.PREDICTION_HISTORY) {
          throw new InvalidInputException(flag + " holds " + count(rows, "item", "items") + " per epoch (shape "
              + NpyArray.shapeText(shape) + ", epochs × items) but " + firstFlag + " has " + n
              + "; expected one per pool item");
        } else if (rows != n) {
          throw new InvalidInputException(flag + " has " + count(rows, "row", "rows") + " but " + firstFlag + " has "
              + n + "; expected one row per pool item in both");
        }
      }
      if (n < 0) {
        throw new InvalidInputException("the pool size is unknown; give a signal file (--probs, "
            + "--embeddings, ...) or --pool-size");
      }
      if (n == 0) {
        throw new InvalidInputException(firstFlag + " has 0 rows; expected at least one pool item");
      }
      // the context keeps the unlabeled indices and a flag per item
      Heap.require(firstFlag + " = " + n + " pool items", 5L * n);
      return n;
    }

    /** The class count the probability signals agree on (at least 2), or -1 without them. */
    private static int classes(Map<Signal, Npy.Header> headers) {
      String firstFlag = null;
      int classes = -1;
      for (Map.Entry<Signal, Npy.Header> e : headers.entrySet()) {
        if (e.getKey().domain() != Signal.Domain.PROBABILITY_ROWS) {
          continue;
        }
        int[] shape = e.getValue().shape();
        int c = shape[shape.length - 1];
        String flag = SIGNAL_FLAGS.get(e.getKey());
        if (c < 2) {
          throw new InvalidInputException(flag + " has " + count(c, "class", "classes")
              + " (shape " + e.getValue() + "); expected probabilities over at least 2 classes");
        }
        if (firstFlag == null) {
          firstFlag = flag;
          classes = c;
        } else if (c != classes) {
          throw new InvalidInputException(flag + " has " + c + " classes but " + firstFlag + " has "
              + classes + "; expected the same");
        }
      }
      return classes;
    }

    /** The labeled items' labels, one each and each a class, and an unlabeled item left for the budget. */
    private void checkLabeled(int n, int classes, int[] indices, int[] values) {
      if (values != null && values.length != indices.length) {
        throw new InvalidInputException("--labels has " + values.length + " entries but --labeled has "
            + indices.length + "; expected one label per labeled item");
      }
      if (values != null) {
        for (int k = 0; k < values.length; k++) {
          requireClass("--labels", k, values[k], classes);
        }
      }
      int unlabeled = n - indices.length;
      if (unlabeled == 0) {
        throw new InvalidInputException("--labeled covers all " + n + " pool items; expected at least one"
            + " unlabeled item to pick");
      }
      if (budget > unlabeled) {
        throw new InvalidInputException("--budget = " + budget + " but only " + unlabeled + " of the " + n
            + " pool items are unlabeled; expected 1 <= budget <= " + unlabeled);
      }
    }

    private ScenarioHints hints(int n, int classes) {
      for (Integer c : rareClasses) {
        requireClass("--rare-classes", -1, c, classes);
      }
      for (Integer c : oodClasses) {
        requireClass("--ood-classes", -1, c, classes);
      }
      ScenarioHints hints = ScenarioHints.none().withScenario(scenario)
          .withRareClasses(Set.copyOf(rareClasses)).withOodClasses(Set.copyOf(oodClasses));
      if (query != null) {
        hints = NpyInputs.isMatrix("--query", query)
            ? hints.withQueryFeatures(NpyInputs.matrix("--query", query))
            : hints.withQueryIndices(list(NpyInputs.poolIndices("--query", query, n)));
      }
      if (privateSet != null) {
        hints = NpyInputs.isMatrix("--private", privateSet)
            ? hints.withPrivateFeatures(NpyInputs.matrix("--private", privateSet))
            : hints.withPrivateIndices(list(NpyInputs.poolIndices("--private", privateSet, n)));
      }
      return hints;
    }

    /** A class label in [0, classes), or ≥ 0 when the class count is unknown ({@code classes < 0}). */
    private static void requireClass(String flag, int position, int label, int classes) {
      if (label < 0 || (classes > 0 && label >= classes)) {
        throw new InvalidInputException((position < 0 ? flag + " holds " : flag + "[" + position + "] = ") + label
            + "; expected a class " + (classes > 0 ? "in [0, " + classes + ") (the probabilities have "
            + classes + " classes)" : "label >= 0"));
      }
    }

    private static List<Integer> list(int[] indices) {
      return Arrays.stream(indices).boxed().collect(Collectors.toCollection(ArrayList::new));
    }

    /** "1 class", "3 classes". */
    private static String count(long n, String one, String many) {
      return n + " " + (n == 1 ? one : many);
    }
  }
}
