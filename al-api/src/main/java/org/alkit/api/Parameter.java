package org.alkit.api;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;
import static org.apiguardian.api.API.Status.STABLE;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * One option a plugin accepts: its name, type, default, a one-line description and, for numbers,
 * the range of accepted values. Providers list them in {@code parameters()}; the runtime shows them
 * in {@code alkit strategies} and {@link Options#resolve} checks every given value against them, so
 * a plugin's own options record need not check a range again.
 *
 * <pre>{@code
 * List<Parameter> parameters() {
 *   return List.of(Parameter.integer("beam", 1, "configurations kept by the beam search").atLeast(1).atMost(256),
 *                  Parameter.real("dropout", 0.25, "dropout rate").atLeast(0).below(1),
 *                  Parameter.choice("base", "margin", "uncertainty measure", "margin", "entropy"));
 * }
 * }</pre>
 *
 * A value outside the range is refused in one line naming the option, the value and the range:
 * {@code strategy 'coreset-doubt': option 'beam' = 0: expected 1 <= beam <= 256} (with one bound:
 * {@code expected >= 1}).
 *
 * <p>A value class rather than a record: a parameter's declaration grows, and a class can take new
 * properties without breaking the plugins that build and read it.
 */
@API(status = STABLE, since = "0.1")
public final class Parameter {

  /** The value types an option may have. */
  public enum Type {
    /** A 32-bit integer. */
    INTEGER,
    /** A finite double. */
    REAL,
    /** {@code true} or {@code false}. */
    BOOLEAN,
    /** Any text. */
    TEXT,
    /** One of {@link Parameter#choices()}. */
    CHOICE
  }

  private final String name;
  private final Type type;
  private final String defaultValue;
  private final String description;
  private final List<String> choices;
  private final Bound lower;
  private final Bound upper;

  /**
   * Validates the declaration itself: a non-blank name, a default that parses.
   *
   * @param name the key, lower-case, e.g. {@code beam}
   * @param type how values are parsed
   * @param defaultValue the value used when none is given, in its text form
   * @param description one line for help output ({@code null}: empty)
   * @param choices the accepted values of a {@link Type#CHOICE}, empty otherwise
   */
  public Parameter(String name, Type type, String defaultValue, String description, List<String> choices) {
    this(name, type, defaultValue, description, choices, null, null);
  }

  private Parameter(String name, Type type, String defaultValue, String description, List<String> choices,
      Bound lower, Bound upper) {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(defaultValue, "defaultValue");
    description = description == null ? "" : description;
    choices = List.copyOf(choices);
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("parameter name must not be blank");
    }
    if (type == Type.CHOICE && choices.isEmpty()) {
      throw new IllegalArgumentException("choice parameter '" + name + "' lists no choices");
    }
    if ((lower != null || upper != null) && type != Type.INTEGER && type != Type.REAL) {
      throw new IllegalArgumentException("parameter '" + name + "' is " + type
          + "; only INTEGER and REAL parameters take bounds");
    }
    for (Bound b : new Bound[] {lower, upper}) {
      if (b != null && (!Double.isFinite(b.value) || type == Type.INTEGER && b.value != Math.rint(b.value))) {
        throw new IllegalArgumentException("parameter '" + name + "': bound " + b.value + "; expected a finite "
            + (type == Type.INTEGER ? "whole number" : "number"));
      }
    }
    // the default must lie in the range, which therefore is not empty
    new Checked(name, type, choices, lower, upper).parse(defaultValue);
    this.name = name;
    this.type = type;
    this.defaultValue = defaultValue;
    this.description = description;
    this.choices = choices;
    this.lower = lower;
    this.upper = upper;
  }

  /** An integer option. */
  public static Parameter integer(String name, int defaultValue, String description) {
    return new Parameter(name, Type.INTEGER, Integer.toString(defaultValue), description, List.of());
  }

  /** A real-valued option. */
  public static Parameter real(String name, double defaultValue, String description) {
    return new Parameter(name, Type.REAL, Double.toString(defaultValue), description, List.of());
  }

  /** A boolean option. */
  public static Parameter bool(String name, boolean defaultValue, String description) {
    return new Parameter(name, Type.BOOLEAN, Boolean.toString(defaultValue), description, List.of());
  }

  /** A free-text option. */
  public static Parameter text(String name, String defaultValue, String description) {
    return new Parameter(name, Type.TEXT, defaultValue, description, List.of());
  }

  /** An option that takes one of a fixed list of values. */
  public static Parameter choice(String name, String defaultValue, String description, String... choices) {
    return new Parameter(name, Type.CHOICE, defaultValue, description, List.of(choices));
  }

  /**
   * This parameter accepting only values {@code >= min}, in place of any lower bound it had.
   *
   * @throws IllegalArgumentException if this is not an integer or real parameter, or {@code min}
   *     is not finite (or not whole, for an integer)
   * @throws InvalidInputException if the default is below {@code min}
   */
  @API(status = EXPERIMENTAL, since = "0.2")
  public Parameter atLeast(double min) {
    return new Parameter(name, type, defaultValue, description, choices, new Bound(min, true), upper);
  }

  /** This parameter accepting only values {@code > min}, in place of any lower bound; as {@link #atLeast}. */
  @API(status = EXPERIMENTAL, since = "0.2")
  public Parameter above(double min) {
    return new Parameter(name, type, defaultValue, description, choices, new Bound(min, false), upper);
  }

  /** This parameter accepting only values {@code <= max}, in place of any upper bound; as {@link #atLeast}. */
  @API(status = EXPERIMENTAL, since = "0.2")
  public Parameter atMost(double max) {
    return new Parameter(name, type, defaultValue, description, choices, lower, new Bound(max, true));
  }

  /** This parameter accepting only values {@code < max}, in place of any upper bound; as {@link #atLeast}. */
  @API(status = EXPERIMENTAL, since = "0.2")
  public Parameter below(double max) {
    return new Parameter(name, type, defaultValue, description, choices, lower, new Bound(max, false));
  }

  /**
   * The accepted values of a bounded number as messages and {@code alkit strategies} show them:
   * {@code >= 1}, {@code < 1}, {@code 0 <= dropout < 1}; empty without bounds.
   */
  @API(status = EXPERIMENTAL, since = "0.2")
  public String range() {
    return new Checked(name, type, choices, lower, upper).range();
  }

  /** The lower end of the range, if the parameter has one. */
  @API(status = EXPERIMENTAL, since = "0.2")
  public Optional<Bound> lower() {
    return Optional.ofNullable(lower);
  }

  /** The upper end of the range, if the parameter has one. */
  @API(status = EXPERIMENTAL, since = "0.2")
  public Optional<Bound> upper() {
    return Optional.ofNullable(upper);
  }

  /** The key, lower-case, e.g. {@code beam}. */
  public String name() {
    return name;
  }

  /** How values are parsed. */
  public Type type() {
    return type;
  }

  /** The value used when none is given, in its text form. */
  public String defaultValue() {
    return defaultValue;
  }

  /** One line for help output, possibly empty. */
  public String description() {
    return description;
  }

  /** The accepted values of a {@link Type#CHOICE}, empty otherwise. */
  public List<String> choices() {
    return choices;
  }

  /** Equal when name, type, default, description, choices and bounds are. */
  @Override
  public boolean equals(Object o) {
    return o instanceof Parameter p && name.equals(p.name) && type == p.type
        && defaultValue.equals(p.defaultValue) && description.equals(p.description) && choices.equals(p.choices)
        && Objects.equals(lower, p.lower) && Objects.equals(upper, p.upper);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, type, defaultValue, description, choices, lower, upper);
  }

  /**
   * {@code Parameter[name=…, type=…, defaultValue=…, description=…, choices=[…]]}, with
   * {@code , range=…} before the bracket when the parameter is bounded.
   */
  @Override
  public String toString() {
    return "Parameter[name=" + name + ", type=" + type + ", defaultValue=" + defaultValue + ", description="
        + description + ", choices=" + choices + (lower == null && upper == null ? "" : ", range=" + range()) + "]";
  }

  /**
   * Parses a value of this option and checks it against the option's choices or range.
   *
   * @return an {@link Integer}, {@link Double}, {@link Boolean} or {@link String}
   * @throws InvalidInputException naming the option, the value and what was expected
   */
  public Object parse(String raw) {
    return new Checked(name, type, choices, lower, upper).parse(raw);
  }

  /**
   * One end of a parameter's range.
   *
   * @param value where the range ends, finite (whole, for an integer parameter)
   * @param inclusive whether {@code value} itself is accepted
   */
  @API(status = EXPERIMENTAL, since = "0.2")
  public record Bound(double value, boolean inclusive) {}

  /** Parsing without the declaration's own validation, so the constructor can use it. */
  private record Checked(String name, Type type, List<String> choices, Bound lower, Bound upper) {
    Object parse(String raw) {
      Object value = parseType(raw);
      if (value instanceof Number n && !within(n.doubleValue())) {
        throw new InvalidInputException("option '" + name + "' = " + value + ": expected " + range());
      }
      return value;
    }

    private boolean within(double v) {
      return (lower == null || (lower.inclusive ? v >= lower.value : v > lower.value))
          && (upper == null || (upper.inclusive ? v <= upper.value : v < upper.value));
    }

    /** {@code >= 1}, {@code <= 5}, {@code 0 <= dropout < 1}; empty without bounds. */
    String range() {
      if (lower == null && upper == null) {
        return "";
      }
      if (upper == null) {
        return (lower.inclusive ? ">= " : "> ") + number(lower.value);
      }
      if (lower == null) {
        return (upper.inclusive ? "<= " : "< ") + number(upper.value);
      }
      return number(lower.value) + (lower.inclusive ? " <= " : " < ") + name + (upper.inclusive ? " <= " : " < ")
          + number(upper.value);
    }

    /** A bound as written: whole numbers without a fraction ({@code 1000000}, not {@code 1000000.0}). */
    private static String number(double v) {
      return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    private Object parseType(String raw) {
      String value = raw == null ? "" : raw.trim();
      switch (type) {
        case INTEGER:
          try {
            return Integer.parseInt(value);
          } catch (NumberFormatException e) {
            throw bad(raw, "an integer", e);
          }
        case REAL:
          try {
            double d = Double.parseDouble(value);
            if (!Double.isFinite(d)) {
              throw bad(raw, "a finite number", null);
            }
            return d;
          } catch (NumberFormatException e) {
            throw bad(raw, "a number", e);
          }
        case BOOLEAN:
          String word = value.toLowerCase(Locale.ROOT);
          if (word.equals("true") || word.equals("false")) {
            return Boolean.parseBoolean(word);
          }
          throw bad(raw, "true or false", null);
        case CHOICE:
          if (choices.contains(value)) {
            return value;
          }
          throw bad(raw, "one of " + String.join(", ", choices), null);
        default:
          return raw == null ? "" : raw;
      }
    }

    private InvalidInputException bad(String raw, String expected, Throwable cause) {
      return new InvalidInputException(
          "option '" + name + "' = '" + raw + "': expected " + expected, cause);
    }
  }
}
