package org.alkit.api;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * One option a plugin accepts: its name, type, default and a one-line description. Providers
 * list them in {@code parameters()}; the runtime shows them in {@code alkit strategies} and
 * {@link Options#resolve} checks every given value against them.
 *
 * <pre>{@code
 * List<Parameter> parameters() {
 *   return List.of(Parameter.integer("beam", 1, "configurations kept by the beam search"),
 *                  Parameter.choice("base", "margin", "uncertainty measure", "margin", "entropy"));
 * }
 * }</pre>
 *
 * <p>A value class rather than a record: a parameter's declaration grows (bounds come next), and a
 * class can take new properties without breaking the plugins that build and read it.
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
    new Parameter.Checked(name, type, choices).parse(defaultValue);
    this.name = name;
    this.type = type;
    this.defaultValue = defaultValue;
    this.description = description;
    this.choices = choices;
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

  /** Equal when name, type, default, description and choices are. */
  @Override
  public boolean equals(Object o) {
    return o instanceof Parameter p && name.equals(p.name) && type == p.type
        && defaultValue.equals(p.defaultValue) && description.equals(p.description) && choices.equals(p.choices);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, type, defaultValue, description, choices);
  }

  /** {@code Parameter[name=…, type=…, defaultValue=…, description=…, choices=[…]]}. */
  @Override
  public String toString() {
    return "Parameter[name=" + name + ", type=" + type + ", defaultValue=" + defaultValue + ", description="
        + description + ", choices=" + choices + "]";
  }

  /**
   * Parses a value of this option.
   *
   * @return an {@link Integer}, {@link Double}, {@link Boolean} or {@link String}
   * @throws InvalidInputException naming the option, the value and what was expected
   */
  public Object parse(String raw) {
    return new Checked(name, type, choices).parse(raw);
  }

  /** Parsing without the declaration's own validation, so the constructor can use it. */
  private record Checked(String name, Type type, List<String> choices) {
    Object parse(String raw) {
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
          String lower = value.toLowerCase(Locale.ROOT);
          if (lower.equals("true") || lower.equals("false")) {
            return Boolean.parseBoolean(lower);
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
