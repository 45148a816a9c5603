package org.alkit.diversity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.alkit.api.Matrix;

/** Reads the golden cases in testdata/reference/cases. */
final class ReferenceCases {
  private ReferenceCases() {}

  static JsonNode load(String name) {
    String dir = System.getProperty("alkit.reference", "../testdata/reference/cases");
    try {
      return new ObjectMapper().readTree(Path.of(dir, name + ".json").toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A nested list as a float32 matrix (values are exact float64 images of float32). */
  static Matrix matrix(JsonNode rows) {
    float[][] out = new float[rows.size()][];
    for (int i = 0; i < out.length; i++) {
      out[i] = new float[rows.get(i).size()];
      for (int j = 0; j < out[i].length; j++) {
        out[i][j] = (float) rows.get(i).get(j).asDouble();
      }
    }
    return Matrix.of(out);
  }

  static int[] ints(JsonNode list) {
    int[] out = new int[list.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = list.get(i).asInt();
    }
    return out;
  }
}
