package org.alkit.runtime.model;

import java.util.List;
import java.util.Set;
import org.alkit.api.FittedModel;
import org.alkit.api.InvalidInputException;
import org.alkit.api.Matrix;
import org.alkit.api.MissingSignalException;
import org.alkit.api.Signal;
import org.alkit.commons.Ranking;

/**
 * A fitted model made of one or more {@link SoftmaxRegression}s over one {@link Standardizer}:
 * probabilities are the members' mean, embeddings the standardized features h, and
 * gradient embeddings the BADGE last-layer gradients (p − onehot(argmax p)) ⊗ h (Ash et al. 2020),
 * laid out class-major: column {@code c·d + j} = (p_c − [c = ŷ])·h_j.
 */
final class LinearFittedModel implements FittedModel {
  private final String owner;
  private final Set<Signal> offers;
  private final Standardizer standardizer;
  private final List<SoftmaxRegression> members;
  private final int classes;

  LinearFittedModel(String owner, Set<Signal> offers, Standardizer standardizer,
      List<SoftmaxRegression> members) {
    this.owner = owner;
    this.offers = offers;
    this.standardizer = standardizer;
    this.members = List.copyOf(members);
    this.classes = members.get(0).classes();
  }

  /** Whether {@code owner} fitted this model, of one member (a model {@link #member()} can continue). */
  boolean isSingle(String owner) {
    return this.owner.equals(owner) && members.size() == 1;
  }

  /** The standardization of its features. */
  Standardizer standardizer() {
    return standardizer;
  }

  /** Its first member. */
  SoftmaxRegression member() {
    return members.get(0);
  }

  /** The number of classes C. */
  int classes() {
    return classes;
  }

  @Override
  public String toString() {
    return owner + " (" + members.size() + (members.size() == 1 ? " member" : " members") + ")";
  }

  @Override
  public Matrix matrix(Signal signal, Matrix x) {
    requireOffered(signal);
    requireColumns(x);
    switch (signal) {
      case PROBABILITIES:
        return perRow(x, classes, this::meanProbabilities);
      case EMBEDDINGS:
        return standardizer.apply(x);
      case GRADIENT_EMBEDDINGS:
        return perRow(x, classes * standardizer.dimension(), this::gradientEmbedding);
      default:
        throw new IllegalArgumentException(signal.key() + " is not a matrix signal");
    }
  }

  @Override
  public List<Matrix> stack(Signal signal, Matrix x) {
    requireOffered(signal);
    requireColumns(x);
    return members.stream()
        .map(m -> perRow(x, classes, (h, out, o) -> copy(m.probabilities(h, new double[classes]), out, o)))
        .toList();
  }

  private void requireOffered(Signal signal) {
    if (!offers.contains(signal)) {
      throw new MissingSignalException("the caller", List.of(signal), owner);
    }
  }

  private void requireColumns(Matrix x) {
    if (x.cols() != standardizer.dimension()) {
      throw new InvalidInputException("x is " + x.rows() + " × " + x.cols() + "; " + owner
          + " was fitted on " + standardizer.dimension() + " features");
    }
  }

  private void meanProbabilities(double[] h, float[] out, int offset) {
    double[] mean = new double[classes];
    double[] p = new double[classes];
    for (SoftmaxRegression m : members) {
      m.probabilities(h, p);
      for (int c = 0; c < classes; c++) {
        mean[c] += p[c] / members.size();
      }
    }
    copy(mean, out, offset);
  }

  private void gradientEmbedding(double[] h, float[] out, int offset) {
    double[] p = members.get(0).probabilities(h, new double[classes]);
    int predicted = Ranking.argmax(p);
    int d = h.length;
    for (int c = 0; c < classes; c++) {
      double g = p[c] - (c == predicted ? 1 : 0);
      for (int j = 0; j < d; j++) {
        out[offset + c * d + j] = (float) (g * h[j]);
      }
    }
  }

  private static void copy(double[] values, float[] out, int offset) {
    for (int c = 0; c < values.length; c++) {
      out[offset + c] = (float) values[c];
    }
  }

  /** Writes {@code cols} values of a standardized row at {@code out[offset..)}. */
  @FunctionalInterface
  private interface RowFunction {
    void apply(double[] h, float[] out, int offset);
  }

  private Matrix perRow(Matrix x, int cols, RowFunction f) {
    int d = standardizer.dimension();
    float[] out = new float[Math.multiplyExact(x.rows(), cols)];
    float[] scratch = new float[d];
    double[] h = new double[d];
    for (int i = 0; i < x.rows(); i++) {
      f.apply(standardizer.row(x, i, scratch, h), out, i * cols);
    }
    return Matrix.wrap(x.rows(), cols, out);
  }
}
