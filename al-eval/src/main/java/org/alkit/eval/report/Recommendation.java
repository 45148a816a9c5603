package org.alkit.eval.report;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.alkit.api.InvalidInputException;
import org.alkit.eval.data.Scenario;
import org.alkit.eval.matrix.CellSummary;
import org.alkit.eval.matrix.EvalMatrix;
import org.alkit.eval.matrix.EvalResults;
import org.alkit.eval.matrix.PairedTest;
import org.alkit.runtime.AtomicFiles;
import org.alkit.runtime.RunConfig;
import org.alkit.runtime.ScenarioConfig;
import org.apiguardian.api.API;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * From evaluation to configuration: the run configuration a matrix recommends ({@code alkit eval
 * --recommend FILE}). Its {@code scenarios:} name, for each scenario of the matrix, the strategy
 * with the best mean AUBC among those no other strategy beat significantly there (the paired
 * Wilcoxon tests of {@link EvalResults#tests()}), each with a comment citing its AUBC, its p-value
 * against {@code random} and the matrix's fingerprint. Where no strategy beat {@code random}, the
 * comment says so and the best is kept. The run settings (model, backend, initial labels, budget,
 * rounds, test fraction) are the matrix's, the seed its first; each scenario is written as
 * {@link Scenario#runScenario} gives it. The file is read back by {@link RunConfig#parse} before
 * it is written, so {@code alkit run --config FILE} takes what this writes.
 *
 * <pre>{@code
 * # rare-classes:3: smi-flvmi, mean AUBC 0.8123 ± 0.0101 over 6 seeds; vs random p = 0.03125 (win); matrix quick@3f2a…
 * - {name: rare-classes, strategy: similar, strategy-options: {function: flvmi}, rare-classes: [3]}
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.2")
public final class Recommendation {
  private static final String RANDOM = "random";
  /** Hex digits of the matrix's fingerprint that each entry's comment cites (the header cites all). */
  private static final int SHORT_HASH = 12;

  private Recommendation() {}

  /**
   * Checks, before the matrix runs, that it can recommend one run configuration: a run has one
   * data set.
   *
   * @throws InvalidInputException naming {@code --recommend} and the data sets
   */
  public static void check(EvalMatrix matrix) {
    if (matrix.datasets().size() != 1) {
      throw new InvalidInputException("--recommend writes the run configuration of one data set; the matrix has "
          + matrix.datasets().size() + ": " + matrix.datasets() + "; expected a matrix of one data set");
    }
  }

  /**
   * The strategy chosen in one scenario and why.
   *
   * @param scenario the matrix's scenario
   * @param cell the chosen strategy's cell
   * @param versusRandom its paired test against {@code random}, if both ran there
   * @param randomBeaten whether any strategy beat {@code random} significantly in this scenario
   */
  public record Choice(Scenario scenario, CellSummary cell, Optional<PairedTest> versusRandom, boolean randomBeaten) {}

  /**
   * The choice in each scenario of the matrix's one data set, in the matrix's order.
   *
   * @throws InvalidInputException if the matrix has several data sets
   */
  public static List<Choice> choose(EvalResults results) {
    EvalMatrix m = results.matrix();
    check(m);
    List<Choice> out = new ArrayList<>();
    for (Scenario scenario : m.scenarios()) {
      List<CellSummary> cells = results.cells().stream()
          .filter(c -> c.cell().scenario().equals(scenario.spec())).toList();
      List<PairedTest> tests = results.tests().stream()
          .filter(t -> t.scenario().equals(scenario.spec())).toList();
      Set<String> beaten = tests.stream().filter(t -> t.outcome() == PairedTest.Outcome.WIN)
          .map(PairedTest::other).collect(Collectors.toSet());
      Comparator<CellSummary> byAubc = Comparator.comparingDouble(c -> c.aubc().mean());
      CellSummary best = cells.stream().filter(c -> !beaten.contains(c.cell().strategy())).max(byAubc)
          .orElseGet(() -> cells.stream().max(byAubc).orElseThrow());
      Optional<PairedTest> versusRandom = tests.stream()
          .filter(t -> t.strategy().equals(best.cell().strategy()) && t.other().equals(RANDOM)).findFirst();
      out.add(new Choice(scenario, best, versusRandom, beaten.contains(RANDOM)));
    }
    return out;
  }

  /** The recommended run configuration as YAML, with its comments. */
  public static String yaml(EvalResults results) {
    EvalMatrix m = results.matrix();
    List<Choice> choices = choose(results);
    RunConfig t = m.template();
    StringBuilder out = new StringBuilder();
    out.append("# Recommended by alkit eval from matrix ").append(m.name()).append(" (fingerprint ")
        .append(m.fingerprint()).append(String.format(Locale.ROOT, "), %d seeds, Wilcoxon α = %.2f:%n", m.seeds().size(),
            m.alpha()));
    out.append("# per scenario, the strategy with the best mean AUBC among those no other beat significantly.\n");
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("dataset", m.datasets().get(0));
    settings.put("model", t.model());
    settings.put("model-options", new TreeMap<>(t.modelOptions()));
    t.selectionModel().ifPresent(s -> {
      settings.put("selection-model", s);
      settings.put("selection-model-options", new TreeMap<>(t.selectionModelOptions()));
    });
    settings.put("backend", t.backend());
    settings.put("backend-options", new TreeMap<>(t.backendOptions()));
    settings.put("initial-labeled", t.initialLabeled());
    settings.put("budget", t.budget());
    settings.put("rounds", t.rounds());
    settings.put("seed", m.seeds().get(0));
    settings.put("test-fraction", t.testFraction());
    out.append(dumper(DumperOptions.FlowStyle.AUTO).dump(settings));
    Yaml flow = dumper(DumperOptions.FlowStyle.FLOW);
    out.append("scenarios:\n");
    for (Choice c : choices) {
      EvalMatrix.StrategySpec spec = m.strategies().stream()
          .filter(s -> s.label().equals(c.cell().cell().strategy())).findFirst().orElseThrow();
      for (String line : comment(m, c, spec)) {
        out.append("  # ").append(line).append('\n');
      }
      ScenarioConfig sc = c.scenario().runScenario(spec.name(), spec.options());
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("name", sc.name());
      entry.put("strategy", sc.strategy());
      if (!sc.strategyOptions().isEmpty()) {
        entry.put("strategy-options", new TreeMap<>(sc.strategyOptions()));
      }
      if (!sc.rareClasses().isEmpty()) {
        entry.put("rare-classes", List.copyOf(new TreeSet<>(sc.rareClasses())));
      }
      if (!sc.oodClasses().isEmpty()) {
        entry.put("ood-classes", List.copyOf(new TreeSet<>(sc.oodClasses())));
      }
      out.append("  - ").append(flow.dump(entry));
    }
    String text = out.toString();
    try {
      RunConfig.parse(text);
    } catch (InvalidInputException e) {
      throw new IllegalStateException("the recommended configuration does not read back: " + e.getMessage(), e);
    }
    return text;
  }

  /** SnakeYAML writing block mappings with leaf collections in flow style ({@code AUTO}), or all in flow style. */
  private static Yaml dumper(DumperOptions.FlowStyle style) {
    DumperOptions options = new DumperOptions();
    options.setDefaultFlowStyle(style);
    options.setWidth(Integer.MAX_VALUE);
    return new Yaml(options);
  }

  /** Writes {@link #yaml} to {@code file}, replacing it atomically. */
  public static void write(EvalResults results, Path file) {
    AtomicFiles.write(file, yaml(results));
  }

  private static List<String> comment(EvalMatrix m, Choice c, EvalMatrix.StrategySpec spec) {
    CellSummary cell = c.cell();
    List<String> lines = new ArrayList<>();
    String versus = c.versusRandom().map(t -> String.format(Locale.ROOT, "vs random p = %.4g (%s)", t.p(),
        t.outcome().name().toLowerCase(Locale.ROOT))).orElse(cell.cell().strategy().equals(RANDOM)
        ? "random itself" : "random did not run here");
    lines.add(String.format(Locale.ROOT, "%s: %s, mean AUBC %s over %d seeds; %s; matrix %s@%s",
        c.scenario().spec(), cell.cell().strategy(), cell.aubc().format(4), cell.seeds(), versus, m.name(),
        m.fingerprint().substring(0, SHORT_HASH)));
    if (!c.randomBeaten()) {
      int needed = PairedTest.pairsForSignificance(m.alpha());
      lines.add(String.format(Locale.ROOT, "no strategy beat random significantly at α = %.2f%s; kept the best mean"
          + " AUBC", m.alpha(), m.seeds().size() < needed ? " (" + m.seeds().size() + " seeds; a win needs "
          + needed + ")" : ""));
    }
    if (spec.model().isPresent() || !spec.modelOptions().isEmpty() || spec.selectionModel().isPresent()
        || spec.pseudoLabels().isPresent()) {
      lines.add("evaluated with its own model or pseudo-labels, which a run's scenario cannot set: check them");
    }
    return lines;
  }
}
