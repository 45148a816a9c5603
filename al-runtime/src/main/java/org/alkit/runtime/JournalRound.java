package org.alkit.runtime;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.alkit.api.InvalidInputException;

/**
 * One round of a {@link RunJournal}: the labeled count the round started from, the seeds of its
 * fit and its selection, the fitted model's test accuracy, the picks in order and the labels the
 * oracle gave them; in a run with {@link PseudoLabels}, how many pseudo-labelled items its fit
 * trained on and how many of those were wrong ({@code pseudo-labels}, {@code pseudo-labels-wrong};
 * −1 where the run has none, and then not written); for a {@link org.alkit.api.StatefulStrategy},
 * its state after the round's selection ({@code strategy-state}; null where it has none, and then
 * not written). Round 0 is the initial random draw: only its picks and labels count.
 */
record JournalRound(int round, int labeledBefore, long fitSeed, long selectSeed, double accuracy, int[] selected,
    int[] labels, int pseudoLabels, int pseudoWrong, String strategyState) {

  /** The initial random draw of the labeled set and its labels. */
  static JournalRound initial(int[] drawn, int[] labels) {
    return new JournalRound(0, 0, 0, 0, Double.NaN, drawn, labels, -1, -1, null);
  }

  /** The record's fields, in file order; round 0 has only its picks and labels. */
  Map<String, Object> fields() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("round", round);
    if (round > 0) {
      out.put("labeled-before", labeledBefore);
      out.put("fit-seed", fitSeed);
      out.put("select-seed", selectSeed);
      out.put("accuracy", accuracy);
    }
    out.put("selected", IntStream.of(selected).boxed().toList());
    out.put("labels", IntStream.of(labels).boxed().toList());
    if (pseudoLabels >= 0) {
      out.put("pseudo-labels", pseudoLabels);
      out.put("pseudo-labels-wrong", pseudoWrong);
    }
    if (strategyState != null) {
      out.put("strategy-state", strategyState);
    }
    return out;
  }

  /**
   * Reads the fields of round {@code round}'s file.
   *
   * @param damaged the error for a field that does not hold, given the problem
   */
  static JournalRound of(int round, Map<String, Object> fields, Function<String, InvalidInputException> damaged) {
    if (!Integer.valueOf(round).equals(fields.get("round"))) {
      throw damaged.apply("round = " + Shown.of(fields.get("round")) + "; expected " + round);
    }
    int[] selected = ints(fields, "selected", damaged);
    int[] labels = ints(fields, "labels", damaged);
    if (labels.length != selected.length) {
      throw damaged.apply(labels.length + " labels for " + selected.length + " picks");
    }
    if (round == 0) {
      return initial(selected, labels);
    }
    Object accuracy = fields.get("accuracy");
    if (!(accuracy instanceof Double)) {
      throw damaged.apply("accuracy = " + Shown.of(accuracy) + "; expected a number");
    }
    long labeledBefore = whole(fields, "labeled-before", damaged);
    if (labeledBefore < 1 || labeledBefore > Integer.MAX_VALUE) {
      throw damaged.apply("labeled-before = " + labeledBefore + "; expected a positive count");
    }
    int pseudo = fields.containsKey("pseudo-labels") ? count(fields, "pseudo-labels", damaged) : -1;
    int pseudoWrong = fields.containsKey("pseudo-labels") ? count(fields, "pseudo-labels-wrong", damaged) : -1;
    Object state = fields.get("strategy-state");
    if (state != null && !(state instanceof String)) {
      throw damaged.apply("strategy-state = " + Shown.of(state) + "; expected text");
    }
    return new JournalRound(round, (int) labeledBefore, whole(fields, "fit-seed", damaged),
        whole(fields, "select-seed", damaged), (Double) accuracy, selected, labels, pseudo, pseudoWrong,
        (String) state);
  }

  /** A count of items, ≥ 0. */
  private static int count(Map<String, Object> fields, String key, Function<String, InvalidInputException> damaged) {
    long v = whole(fields, key, damaged);
    if (v < 0 || v > Integer.MAX_VALUE) {
      throw damaged.apply(key + " = " + v + "; expected a count >= 0");
    }
    return (int) v;
  }

  private static long whole(Map<String, Object> fields, String key, Function<String, InvalidInputException> damaged) {
    Object v = fields.get(key);
    if (v instanceof Integer || v instanceof Long) {
      return ((Number) v).longValue();
    }
    throw damaged.apply(key + " = " + Shown.of(v) + "; expected an integer");
  }

  private static int[] ints(Map<String, Object> fields, String key, Function<String, InvalidInputException> damaged) {
    if (!(fields.get(key) instanceof List<?> list)) {
      throw damaged.apply(key + " = " + Shown.of(fields.get(key)) + "; expected a list of integers");
    }
    int[] out = new int[list.size()];
    for (int k = 0; k < out.length; k++) {
      if (!(list.get(k) instanceof Integer v)) {
        throw damaged.apply(key + "[" + k + "] = " + Shown.of(list.get(k)) + "; expected an integer");
      }
      out[k] = v;
    }
    return out;
  }
}
