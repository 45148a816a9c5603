package org.alkit.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.alkit.api.Matrix;

/** Runs the CLI in-process and captures its exit code and streams. */
final class CliHarness {
  record Result(int code, String out, String err) {}

  private CliHarness() {}

  /** A pool of 20 items: two-class probabilities (a, 1 − a) with a = (i mod 10) / 10. */
  static Matrix probabilities() {
    float[][] p = new float[20][];
    for (int i = 0; i < 20; i++) {
      float a = (i % 10) / 10f;
      p[i] = new float[] {a, 1 - a};
    }
    return Matrix.of(p);
  }

  /** Embeddings of the same 20 items: (i, i mod 3). */
  static Matrix embeddings() {
    float[][] h = new float[20][];
    for (int i = 0; i < 20; i++) {
      h[i] = new float[] {i, i % 3};
    }
    return Matrix.of(h);
  }

  static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Alkit.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Result(code, out.toString(), err.toString());
  }
}
