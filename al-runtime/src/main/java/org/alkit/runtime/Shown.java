package org.alkit.runtime;

import java.util.Collection;
import java.util.Map;

/**
 * A piece of a user's file as an error message shows it: at most 80 characters, control
 * characters escaped as {@code \xNN}, so a message stays one readable line whatever the file holds.
 * Mappings and sequences read from YAML are shown in YAML's flow style ({@code {a: 1}},
 * {@code [1, 2]}, {@code ~}), and only as far as the message shows them: through aliases a small
 * document may hold a huge value, or a list that holds itself.
 */
final class Shown {
  private static final int MAX = 80;

  private Shown() {}

  static String of(Object value) {
    StringBuilder text = new StringBuilder();
    flow(value, text);
    int shown = Math.min(text.length(), MAX);
    StringBuilder out = new StringBuilder();
    for (int k = 0; k < shown; k++) {
      char c = text.charAt(k);
      if (Character.isISOControl(c)) {
        out.append(String.format("\\x%02x", (int) c));
      } else {
        out.append(c);
      }
    }
    return text.length() > MAX ? out.append('…').toString() : out.toString();
  }

  /** Appends {@code value} in flow style, stopping once more than {@value #MAX} characters are written. */
  private static void flow(Object value, StringBuilder out) {
    if (value instanceof Map<?, ?> map) {
      out.append('{');
      String separator = "";
      for (Map.Entry<?, ?> e : map.entrySet()) {
        if (out.length() > MAX) {
          return;
        }
        out.append(separator);
        flow(e.getKey(), out);
        out.append(": ");
        flow(e.getValue(), out);
        separator = ", ";
      }
      out.append('}');
    } else if (value instanceof Collection<?> elements) {
      out.append('[');
      String separator = "";
      for (Object element : elements) {
        if (out.length() > MAX) {
          return;
        }
        out.append(separator);
        flow(element, out);
        separator = ", ";
      }
      out.append(']');
    } else {
      out.append(value == null ? "~" : value);
    }
  }
}
