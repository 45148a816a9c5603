package org.alkit.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.alkit.api.Parameter;

/**
 * Writes a result object as JSON, ended by a line break, to a file ({@code --out}) or to standard
 * output, with Jackson's streaming generator and its default pretty printer (the object mapper's start-up would cost a
 * one-shot command more than the selection itself). Values are maps, lists, {@code int[]},
 * {@code double[]}, numbers, booleans and strings.
 */
final class JsonOutput {
  private static final JsonFactory FACTORY = JsonFactory.builder()
      .disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

  private JsonOutput() {}

  static void write(Map<String, Object> result, Path out, PrintWriter stdout) {
    try {
      if (out == null) {
        try (JsonGenerator g = FACTORY.createGenerator(stdout)) {
          g.useDefaultPrettyPrinter();
          value(g, result);
        }
        stdout.println();
        stdout.flush();
      } else {
        try (Writer file = Files.newBufferedWriter(out)) {
          try (JsonGenerator g = FACTORY.createGenerator(file)) {
            g.useDefaultPrettyPrinter();
            value(g, result);
          }
          file.write(System.lineSeparator());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("writing " + (out == null ? "standard output" : out), e);
    }
  }

  private static void value(JsonGenerator g, Object v) throws IOException {
    if (v instanceof Map<?, ?> map) {
      g.writeStartObject();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        g.writeFieldName(String.valueOf(e.getKey()));
        value(g, e.getValue());
      }
      g.writeEndObject();
    } else if (v instanceof List<?> list) {
      g.writeStartArray();
      for (Object item : list) {
        value(g, item);
      }
      g.writeEndArray();
    } else if (v instanceof int[] ints) {
      g.writeArray(ints, 0, ints.length);
    } else if (v instanceof long[] longs) {
      g.writeArray(longs, 0, longs.length);
    } else if (v instanceof double[] doubles) {
      g.writeArray(doubles, 0, doubles.length);
    } else if (v instanceof Integer || v instanceof Long) {
      g.writeNumber(((Number) v).longValue());
    } else if (v instanceof Number n) {
      g.writeNumber(n.doubleValue());
    } else if (v instanceof Boolean b) {
      g.writeBoolean(b);
    } else if (v == null) {
      g.writeNull();
    } else {
      g.writeString(v.toString());
    }
  }

  /** Milliseconds since {@code startNanos}, rounded to microseconds. */
  static double millisSince(long startNanos) {
    return millis(System.nanoTime() - startNanos);
  }

  /** {@code nanos} in milliseconds, rounded to microseconds. */
  static double millis(long nanos) {
    return Math.round(nanos / 1e3) / 1e3;
  }

  /**
   * Option values as JSON numbers, booleans or strings, by the type each parameter declares, so
   * {@code beam = 1} prints as {@code "beam" : 1} and not {@code "1"}.
   */
  static Map<String, Object> typed(Map<String, String> values, List<Parameter> declared) {
    Map<String, Object> out = new LinkedHashMap<>();
    values.forEach((name, text) -> out.put(name, declared.stream().filter(p -> p.name().equals(name))
        .findFirst().map(p -> p.parse(text)).orElse(text)));
    return out;
  }
}
