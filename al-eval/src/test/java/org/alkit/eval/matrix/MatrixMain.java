package org.alkit.eval.matrix;

import java.nio.file.Path;

/** Runs a matrix in its own JVM, for the test that kills it midway: {@code MatrixMain MATRIX OUT}. */
public final class MatrixMain {
  private MatrixMain() {}

  public static void main(String[] args) {
    MatrixRunner.run(EvalMatrix.load(Path.of(args[0])), Path.of(args[1]), MatrixRunner.Listener.NONE);
  }
}
