package org.alkit.runtime;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.alkit.api.InvalidInputException;
import org.apiguardian.api.API;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * The one YAML reader of alkit's files (a run configuration, an evaluation matrix, a run
 * journal's copy of its configuration): one mapping of a document, whose keys are checked against
 * the known ones, read through typed getters, so the same mistake gets the same one-line message
 * in every file.
 *
 * <ul>
 *   <li>Text is read with SnakeYAML's {@link SafeConstructor} (plain maps, lists and scalars; no
 *       arbitrary types), each key once per mapping; malformed YAML is one line with its position:
 *       {@code malformed YAML at line 3, column 1: found duplicate key budget; expected each key once}.
 *   <li>A mapping with a key it does not know names it and lists the known ones:
 *       {@code scenarios[0] has an unknown key 'budget'; known keys: name, strategy, …}.
 *   <li>A value of the wrong kind names its key path, shows the value (one line, at most 80
 *       characters) and says what was expected: {@code rounds = ten; expected an integer},
 *       {@code scenarios[0].query-data = [x]; expected the path of a .npy file}.
 * </ul>
 *
 * <pre>{@code
 * Optional<YamlTree> root = YamlTree.read(text, "the configuration", List.of("budget", "model-options"));
 * int budget = root.map(t -> t.integer("budget", 20)).orElse(20);
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.2")
public final class YamlTree {
  private final String what;
  private final String prefix;
  private final Map<String, Object> values;

  private YamlTree(String what, String prefix, Map<String, Object> values) {
    this.what = what;
    this.prefix = prefix;
    this.values = values;
  }

  /**
   * A YAML document as plain maps, lists and scalars, {@code null} for an empty one.
   *
   * @throws InvalidInputException for malformed YAML, in one line with the position of the problem
   */
  public static Object parse(String text) {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    try {
      return new Yaml(new SafeConstructor(options)).load(text);
    } catch (MarkedYAMLException e) {
      Mark mark = e.getProblemMark();
      String problem = String.valueOf(e.getProblem());
      throw new InvalidInputException("malformed YAML" + (mark == null ? "" : " at line " + (mark.getLine() + 1)
          + ", column " + (mark.getColumn() + 1)) + ": " + Shown.of(problem)
          + (problem.startsWith("found duplicate key") ? "; expected each key once" : ""), e);
    } catch (YAMLException e) {
      throw new InvalidInputException("malformed YAML: " + Shown.of(String.valueOf(e.getMessage())
          .replaceAll("\\s*\\R\\s*", "; ")), e);
    } catch (NumberFormatException e) {
      // SnakeYAML's own overflow on a YAML 1.1 base-60 integer such as 35605130600513699464:3
      throw new InvalidInputException("malformed YAML: a number out of range: " + Shown.of(e.getMessage()), e);
    } catch (StackOverflowError e) {
      // SnakeYAML hashes a mapping key that holds itself through an alias (? *a inside &a) without end
      throw new InvalidInputException("malformed YAML: a mapping key that holds itself through an alias;"
          + " expected keys that are plain names", e);
    }
  }

  /**
   * The mapping at the root of {@code text}, or empty for an empty document.
   *
   * @param what how messages name the document, e.g. {@code the configuration}
   * @param known the keys it may hold
   * @throws InvalidInputException for malformed YAML, a root that is no mapping, or an unknown key
   */
  public static Optional<YamlTree> read(String text, String what, List<String> known) {
    Object root = parse(text);
    return root == null ? Optional.empty() : Optional.of(of(root, what, "", known));
  }

  /**
   * {@code value}, read from YAML, as a mapping whose keys are among {@code known}.
   *
   * @param what how messages name the mapping, e.g. {@code scenarios[0]}
   * @param prefix how messages prefix its keys, e.g. {@code scenarios[0].}; empty at the root
   * @throws InvalidInputException if {@code value} is no mapping or holds an unknown key
   */
  public static YamlTree of(Object value, String what, String prefix, List<String> known) {
    if (!(value instanceof Map<?, ?> raw)) {
      throw new InvalidInputException(what + " = " + Shown.of(value) + "; expected a mapping of "
          + String.join(", ", known));
    }
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : raw.entrySet()) {
      if (!(e.getKey() instanceof String key) || !known.contains(key)) {
        throw new InvalidInputException(what + " has an unknown key '" + Shown.of(e.getKey()) + "'; known keys: "
            + String.join(", ", known));
      }
      out.put(key, e.getValue());
    }
    return new YamlTree(what, prefix, out);
  }

  /**
   * The same mapping with only those of its keys that {@code keys} lists, e.g. a matrix's run
   * settings for {@link RunConfig#read}.
   */
  public YamlTree only(List<String> keys) {
    Map<String, Object> out = new LinkedHashMap<>(values);
    out.keySet().retainAll(keys);
    return new YamlTree(what, prefix, out);
  }

  /** How messages name {@code key} of this mapping, e.g. {@code scenarios[0].query}. */
  public String path(String key) {
    return prefix + key;
  }

  /** Whether the mapping gives {@code key} a value ({@code ~} counts as none). */
  public boolean has(String key) {
    return values.get(key) != null;
  }

  /** The keys given, in document order. */
  public Set<String> keys() {
    return values.keySet();
  }

  /** The value of {@code key} as read: a map, a list, a scalar, or {@code null}. */
  public Object get(String key) {
    return values.get(key);
  }

  /**
   * A single value as text (a name, a path), or {@code fallback} when absent.
   *
   * @throws InvalidInputException naming the key when the value is a mapping or a list
   */
  public String text(String key, String fallback) {
    Object v = values.get(key);
    if (v == null) {
      return fallback;
    }
    if (!scalar(v)) {
      throw bad(key, v, "a name");
    }
    return v.toString();
  }

  /**
   * A 32-bit integer, or {@code fallback} when the key is absent (given as {@code ~}, it is no integer).
   *
   * @throws InvalidInputException naming the key and the value when it is no integer or too large
   */
  public int integer(String key, int fallback) {
    if (!values.containsKey(key)) {
      return fallback;
    }
    long v = whole(key, fallback);
    if (v != (int) v) {
      throw bad(key, v, "a 32-bit integer");
    }
    return (int) v;
  }

  /**
   * A 64-bit integer, or {@code fallback} when the key is absent (given as {@code ~}, it is no integer).
   *
   * @throws InvalidInputException naming the key and the value when it is no integer
   */
  public long whole(String key, long fallback) {
    if (!values.containsKey(key)) {
      return fallback;
    }
    Object v = values.get(key);
    if (v instanceof Integer || v instanceof Long) {
      return ((Number) v).longValue();
    }
    throw bad(key, v, "an integer");
  }

  /**
   * A number, or {@code fallback} when absent.
   *
   * @throws InvalidInputException naming the key and the value when it is no number
   */
  public double real(String key, double fallback) {
    Object v = values.get(key);
    if (v == null) {
      return fallback;
    }
    if (v instanceof Number n) {
      return n.doubleValue();
    }
    throw bad(key, v, "a number");
  }

  /**
   * A plugin's options: a mapping of option names to single values, as text; empty when absent.
   *
   * @throws InvalidInputException naming the key, or the option, and the bad value
   */
  public Map<String, String> options(String key) {
    Object v = values.get(key);
    if (v == null) {
      return Map.of();
    }
    if (!(v instanceof Map<?, ?> raw)) {
      throw bad(key, v, "a mapping of option names to values");
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : raw.entrySet()) {
      if (!scalar(e.getKey()) || e.getKey() == null) {
        throw new InvalidInputException(path(key) + " has an option named " + Shown.of(e.getKey())
            + "; expected a name");
      }
      if (!scalar(e.getValue()) || e.getValue() == null) {
        throw new InvalidInputException(path(key) + "." + Shown.of(e.getKey()) + " = " + Shown.of(e.getValue())
            + "; expected a single value");
      }
      out.put(String.valueOf(e.getKey()), e.getValue().toString());
    }
    return out;
  }

  /**
   * The elements of a list, a single value counting as a list of one; empty when absent.
   */
  public List<?> list(String key) {
    Object v = values.get(key);
    return v == null ? List.of() : v instanceof List<?> l ? l : List.of(v);
  }

  /** The message for {@code key}'s bad {@code value}: {@code path = value; expected …}. */
  public InvalidInputException bad(String key, Object value, String expected) {
    return new InvalidInputException(path(key) + " = " + Shown.of(value) + "; expected " + expected);
  }

  /**
   * A value read from YAML as messages show it: in flow style ({@code [1, x]}, {@code ~}), one
   * line of at most 80 characters.
   */
  public static String show(Object value) {
    return Shown.of(value);
  }

  /** How messages name this mapping, e.g. {@code the configuration} or {@code scenarios[0]}. */
  public String what() {
    return what;
  }

  /** Whether {@code value} is a single YAML value, not a mapping or a sequence. */
  static boolean scalar(Object value) {
    return !(value instanceof Map || value instanceof Collection);
  }
}
