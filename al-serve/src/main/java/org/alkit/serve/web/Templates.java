package org.alkit.serve.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The page's files, read from this package's resources: the HTML pages fill their {@code {{name}}}
 * placeholders with HTML-escaped values; the script and style sheet are served as they are.
 */
final class Templates {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(\\w+)}}");

  private Templates() {}

  /** The resource {@code name} of this package, as text. */
  static String read(String name) {
    try (InputStream in = Templates.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("the web page's resource " + name + " is missing from al-serve's jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code template} with each {@code {{key}}} replaced by {@code values.get(key)}, HTML-escaped; an unknown key is an error. */
  static String fill(String template, Map<String, String> values) {
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = values.get(m.group(1));
      if (value == null) {
        throw new IllegalArgumentException("no value for the placeholder {{" + m.group(1) + "}}; given: "
            + values.keySet());
      }
      m.appendReplacement(out, Matcher.quoteReplacement(escape(value)));
    }
    return m.appendTail(out).toString();
  }

  /** {@code text} safe inside HTML text and quoted attribute values. */
  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
