package org.alkit.eval.report;

import java.util.ArrayList;
import java.util.IntSummaryStatistics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.alkit.eval.data.Scenario;
import org.alkit.eval.matrix.CellSummary;
import org.alkit.eval.matrix.EvalMatrix;
import org.alkit.eval.matrix.EvalResults;
import org.alkit.eval.matrix.PairedTest;
import org.alkit.eval.matrix.RunKey;

/** {@code summary.md}: the cells as plain Markdown tables, for terminals and pull requests. */
final class SummaryTable {
  private SummaryTable() {}

  static String markdown(EvalResults results, List<Baseline.Regression> regressions) {
    EvalMatrix m = results.matrix();
    StringBuilder out = new StringBuilder();
    out.append("# alkit eval: ").append(m.name()).append("\n\n");
    out.append(String.format(Locale.ROOT, "%d runs: %d data set(s) × %d scenario(s) × %s × %d seeds %s;"
            + " model %s %s; %d initial labels, %d rounds of %d; target accuracy %.2f; Wilcoxon α = %.2f."
            + " Values are mean ± std over seeds.%n%n",
        results.runs().size(), m.datasets().size(), m.scenarios().size(), strategiesPerScenario(m), m.seeds().size(),
        m.seeds(), m.template().model(), m.template().modelOptions(), m.template().initialLabeled(),
        m.template().rounds(), m.template().budget(), m.targetAccuracy(), m.alpha()));
    int needed = PairedTest.pairsForSignificance(m.alpha());
    if (m.seeds().size() < needed) {
      out.append(String.format(Locale.ROOT, "**No win is possible at α = %.2f with %d seeds**: the smallest p of the"
              + " paired test is 2 / 2^%d = %.3g, so every comparison below is a tie. At least %d seeds are needed.%n%n",
          m.alpha(), m.seeds().size(), m.seeds().size(), PairedTest.smallestP(m.seeds().size()), needed));
    }
    for (Map.Entry<List<String>, List<CellSummary>> group : groups(results).entrySet()) {
      String dataset = group.getKey().get(0);
      String scenario = group.getKey().get(1);
      Scenario parsed = Scenario.parse(scenario);
      boolean ood = parsed.kinds().contains("ood");
      boolean rare = group.getValue().stream().anyMatch(c -> c.finalRareAccuracy().n() > 0);
      boolean pseudo = group.getValue().stream().anyMatch(c -> c.pseudoPrecision().n() > 0);
      out.append("## ").append(dataset).append(" · ").append(scenario).append("\n\n");
      out.append("| strategy | AUBC | final accuracy | final balanced acc. | final rare-class acc. | labels to ")
          .append(String.format(Locale.ROOT, "%.2f", m.targetAccuracy()))
          .append(" | OOD picks | unique picks | select ms | fit ms")
          .append(pseudo ? " | pseudo-label precision" : "").append(" | vs random (p) |\n");
      out.append("|---|---|---|---|---|---|---|---|---|---|---|").append(pseudo ? "---|" : "").append('\n');
      for (CellSummary c : group.getValue()) {
        out.append("| ").append(c.cell().strategy())
            .append(" | ").append(c.aubc().format(4))
            .append(" | ").append(c.finalAccuracy().format(4))
            .append(" | ").append(c.finalBalancedAccuracy().format(4))
            .append(" | ").append(rare ? c.finalRareAccuracy().format(4) : "—")
            .append(" | ").append(c.reachedTarget() == 0 ? "not reached" : c.labelsToTarget().format(0)
                + " (" + c.reachedTarget() + "/" + c.seeds() + ")")
            .append(" | ").append(ood ? c.oodPickFraction().format(3) : "—")
            .append(" | ").append(c.uniquePickFraction().format(3))
            .append(" | ").append(c.selectMillis().format(1))
            .append(" | ").append(c.fitMillis().format(1))
            .append(pseudo ? " | " + (c.pseudoPrecision().n() > 0 ? c.pseudoPrecision().format(3) : "—") : "")
            .append(" | ").append(versusRandom(results, c.cell()))
            .append(" |\n");
      }
      out.append('\n');
    }
    penalty(results, out);
    if (!regressions.isEmpty()) {
      out.append("## Regressions against the baseline\n\n| cell | baseline AUBC | AUBC now | change |\n|---|---|---|---|\n");
      for (Baseline.Regression r : regressions) {
        out.append(String.format(Locale.ROOT, "| %s | %.4f | %.4f | %+.4f |%n", r.cell(), r.baseline(), r.current(),
            r.current() - r.baseline()));
      }
      out.append('\n');
    }
    return out.toString();
  }

  /**
   * {@code 8 strategies}, or where some strategies run only in some scenarios, how many run in
   * each: {@code 6 to 7 of the 8 strategies}; the product in the header is then the runs' count.
   */
  private static String strategiesPerScenario(EvalMatrix m) {
    IntSummaryStatistics each = m.scenarios().stream()
        .mapToInt(sc -> (int) m.strategies().stream().filter(s -> s.runsIn(sc)).count()).summaryStatistics();
    int all = m.strategies().size();
    if (each.getMin() == all) {
      return all + " strategies";
    }
    return (each.getMin() == each.getMax() ? Integer.toString(each.getMin())
        : each.getMin() + " to " + each.getMax()) + " of the " + all + " strategies (each in its scenarios)";
  }

  /** The penalty matrix and each strategy's wins, ties and losses. */
  static void penalty(EvalResults results, StringBuilder out) {
    List<String> labels = results.strategies();
    int[][] wins = results.penalty();
    out.append("## Penalty matrix\n\nEntry (row, column): in how many (data set, scenario) pairs the row's strategy "
        + "had a significantly higher AUBC than the column's (paired Wilcoxon signed-rank over seeds).\n\n|  |");
    labels.forEach(l -> out.append(' ').append(l).append(" |"));
    out.append(" wins | ties | losses |\n|---|");
    labels.forEach(l -> out.append("---|"));
    out.append("---|---|---|\n");
    for (int i = 0; i < labels.size(); i++) {
      out.append("| ").append(labels.get(i)).append(" |");
      for (int j = 0; j < labels.size(); j++) {
        out.append(' ').append(i == j ? "·" : Integer.toString(wins[i][j])).append(" |");
      }
      int[] wtl = outcomes(results, labels.get(i));
      out.append(' ').append(wtl[0]).append(" | ").append(wtl[1]).append(" | ").append(wtl[2]).append(" |\n");
    }
    out.append('\n');
  }

  /** Wins, ties and losses of {@code strategy} over all its comparisons. */
  static int[] outcomes(EvalResults results, String strategy) {
    int[] wtl = new int[3];
    results.tests().stream().filter(t -> t.strategy().equals(strategy)).forEach(t -> wtl[t.outcome().ordinal()]++);
    return wtl;
  }

  /** {@code W (p 0.031)}, {@code T (p 0.44)} or {@code L …} against random in the cell's group. */
  static String versusRandom(EvalResults results, RunKey.Cell cell) {
    return results.tests().stream()
        .filter(t -> t.dataset().equals(cell.dataset()) && t.scenario().equals(cell.scenario())
            && t.strategy().equals(cell.strategy()) && t.other().equals("random"))
        .findFirst()
        .map(t -> String.format(Locale.ROOT, "%s (p %.3g)", t.outcome().name().charAt(0), t.p()))
        .orElse("—");
  }

  /** The cells grouped by (data set, scenario), in the matrix's order. */
  static Map<List<String>, List<CellSummary>> groups(EvalResults results) {
    Map<List<String>, List<CellSummary>> out = new LinkedHashMap<>();
    for (CellSummary c : results.cells()) {
      out.computeIfAbsent(List.of(c.cell().dataset(), c.cell().scenario()), k -> new ArrayList<>()).add(c);
    }
    return out;
  }
}
