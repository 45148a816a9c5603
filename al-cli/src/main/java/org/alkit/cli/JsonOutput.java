package org.alkit.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.alkit.api.Parameter;

/** Writes a result object as JSON to a file ({@code --out}) or to standard output. */
final class JsonOutput {
  private static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

  private JsonOutput() {}

  static void write(Map<String, Object> result, Path out, PrintWriter stdout) {
    try {
      if (out == null) {
        MAPPER.writeValue(stdout, result);
        stdout.println();
        stdout.flush();
      } else {
        MAPPER.writeValue(out.toFile(), result);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("writing " + (out == null ? "standard output" : out), e);
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
