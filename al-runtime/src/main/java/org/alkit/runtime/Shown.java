package org.alkit.runtime;

/**
 * A piece of a user's file as an error message shows it: at most 80 characters, control
 * characters escaped as {@code \xNN}, so a message stays one readable line whatever the file holds.
 */
final class Shown {
  private static final int MAX = 80;

  private Shown() {}

  static String of(Object value) {
    String text = String.valueOf(value);
    String head = text.length() > MAX ? text.substring(0, MAX) : text;
    StringBuilder out = new StringBuilder();
    for (char c : head.toCharArray()) {
      if (Character.isISOControl(c)) {
        out.append(String.format("\\x%02x", (int) c));
      } else {
        out.append(c);
      }
    }
    return text.length() > MAX ? out.append('…').toString() : out.toString();
  }
}
