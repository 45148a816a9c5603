package org.alkit.spark;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import org.alkit.api.InvalidInputException;
import org.alkit.api.Signal;
import org.apiguardian.api.API;

/**
 * The column names of a Parquet pool, one row per pool item: {@code id} (long or int, unique), the
 * signal columns a strategy reads ({@code probs}: array of float, C values; {@code embedding}:
 * array of float; {@code mc}: array of T arrays of C floats; {@code committee}: array of one array
 * of C floats per member), and, when present, {@code labeled} (boolean) and {@code label} (int).
 * Each key defaults to its own name; {@link #of} renames some.
 */
@API(status = EXPERIMENTAL, since = "0.3")
public record Columns(Map<String, String> names) implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The keys, each its default column name. */
  static final Map<String, Signal> SIGNALS = Map.of(
      "probs", Signal.PROBABILITIES,
      "embedding", Signal.EMBEDDINGS,
      "mc", Signal.MC_PROBABILITIES,
      "committee", Signal.COMMITTEE_PROBABILITIES);
  private static final String[] KEYS = {"id", "probs", "embedding", "mc", "committee", "labeled", "label"};

  /** Copies the names. */
  public Columns {
    names = Map.copyOf(names);
  }

  /**
   * The default names with {@code renamed} applied (key = column name).
   *
   * @throws InvalidInputException for an unknown key (listing the known ones) or an empty name
   */
  public static Columns of(Map<String, String> renamed) {
    Map<String, String> names = new LinkedHashMap<>();
    for (String key : KEYS) {
      names.put(key, key);
    }
    renamed.forEach((key, name) -> {
      if (!names.containsKey(key)) {
        throw new InvalidInputException("column key '" + key + "' is unknown; expected one of "
            + String.join(", ", KEYS));
      }
      if (name.isBlank()) {
        throw new InvalidInputException("column " + key + " = '" + name + "'; expected a column name");
      }
      names.put(key, name);
    });
    return new Columns(names);
  }

  /** The column of {@code key}. */
  public String name(String key) {
    return names.get(key);
  }

  /** The key of the column that carries {@code signal}, or null when Parquet pools carry none. */
  static String keyOf(Signal signal) {
    return SIGNALS.entrySet().stream().filter(e -> e.getValue() == signal).map(Map.Entry::getKey).findFirst()
        .orElse(null);
  }
}
