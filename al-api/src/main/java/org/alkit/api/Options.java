package org.alkit.api;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The validated options of one plugin instance: every declared {@link Parameter} with either the
 * given value or its default. Built by {@link #resolve}, which rejects unknown keys (listing the
 * known ones), values of the wrong type and values outside a parameter's choices or range
 * ({@link Parameter#atLeast} and its kin). Checks that relate two options, or an option to the
 * data, belong in the plugin's own options record, whose compact constructor names the key and
 * the bad value.
 *
 * <pre>{@code
 * static final List<Parameter> PARAMETERS = List.of(
 *     Parameter.integer("clusters", 0, "0 = sqrt of the count").atLeast(0),
 *     Parameter.real("threshold", 0, "0 = off").atLeast(0));
 *
 * record ClusterOptions(int clusters, double threshold) {
 *   ClusterOptions {
 *     if (clusters != 0 && threshold != 0) {
 *       throw new InvalidInputException("option 'threshold' = " + threshold + ": expected 0 when clusters is set");
 *     }
 *   }
 *   static ClusterOptions from(Options o) { return new ClusterOptions(o.getInt("clusters"), o.getDouble("threshold")); }
 * }
 * }</pre>
 */
@API(status = STABLE, since = "0.1")
public final class Options {
  private final String owner;
  private final Map<String, Parameter> parameters;
  private final Map<String, Object> values;
  private final Map<String, String> text;

  private Options(String owner, Map<String, Parameter> parameters, Map<String, Object> values,
      Map<String, String> text) {
    this.owner = owner;
    this.parameters = parameters;
    this.values = values;
    this.text = text;
  }

  /**
   * Checks {@code given} against {@code declared} and fills in defaults.
   *
   * @param owner who takes the options, for messages, e.g. {@code "strategy 'coreset'"}
   * @throws InvalidInputException on an unknown key (the message lists the known ones), or a value
   *     that does not parse or lies outside the parameter's choices or range, e.g.
   *     {@code strategy 'coreset-doubt': option 'beam' = 0: expected 1 <= beam <= 256}
   */
  public static Options resolve(String owner, List<Parameter> declared, Map<String, String> given) {
    Map<String, Parameter> byName = new LinkedHashMap<>();
    for (Parameter p : declared) {
      if (byName.put(p.name(), p) != null) {
        throw new IllegalArgumentException(owner + " declares option '" + p.name() + "' twice");
      }
    }
    for (String key : given.keySet()) {
      if (!byName.containsKey(key)) {
        throw new InvalidInputException(owner + " has no option '" + key + "'; known options: "
            + (byName.isEmpty() ? "none" : String.join(", ", byName.keySet())));
      }
    }
    Map<String, Object> values = new LinkedHashMap<>();
    Map<String, String> text = new LinkedHashMap<>();
    for (Parameter p : byName.values()) {
      String raw = given.getOrDefault(p.name(), p.defaultValue());
      Object value;
      try {
        value = p.parse(raw);
      } catch (InvalidInputException e) {
        throw new InvalidInputException(owner + ": " + e.getMessage(), e);
      }
      values.put(p.name(), value);
      text.put(p.name(), String.valueOf(value));
    }
    return new Options(owner, Collections.unmodifiableMap(byName),
        Collections.unmodifiableMap(values), Collections.unmodifiableMap(text));
  }

  /** Every declared option at its default. */
  public static Options defaults(String owner, List<Parameter> declared) {
    return resolve(owner, declared, Map.of());
  }

  /** Who these options belong to, e.g. {@code "strategy 'coreset'"}. */
  public String owner() {
    return owner;
  }

  /** An integer option's value. */
  public int getInt(String name) {
    return (Integer) typed(name, Parameter.Type.INTEGER);
  }

  /** A real option's value. */
  public double getDouble(String name) {
    return (Double) typed(name, Parameter.Type.REAL);
  }

  /** A boolean option's value. */
  public boolean getBoolean(String name) {
    return (Boolean) typed(name, Parameter.Type.BOOLEAN);
  }

  /** A text or choice option's value. */
  public String getString(String name) {
    Parameter p = declared(name);
    if (p.type() != Parameter.Type.TEXT && p.type() != Parameter.Type.CHOICE) {
      throw new IllegalArgumentException(
          owner + ": option '" + name + "' is " + p.type() + ", not TEXT or CHOICE");
    }
    return (String) values.get(name);
  }

  /** All values in declaration order, as text: what a {@link Selection} reports. */
  public Map<String, String> asText() {
    return text;
  }

  /** The declared parameters, in declaration order. */
  public List<Parameter> parameters() {
    return new ArrayList<>(parameters.values());
  }

  private Object typed(String name, Parameter.Type type) {
    Parameter p = declared(name);
    if (p.type() != type) {
      throw new IllegalArgumentException(
          owner + ": option '" + name + "' is " + p.type() + ", not " + type);
    }
    return values.get(name);
  }

  private Parameter declared(String name) {
    Parameter p = parameters.get(Objects.requireNonNull(name, "name"));
    if (p == null) {
      throw new IllegalArgumentException(owner + " declares no option '" + name + "'");
    }
    return p;
  }

  @Override
  public String toString() {
    return owner + " " + text;
  }
}
