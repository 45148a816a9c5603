package org.alkit.commons;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.alkit.api.InvalidInputException;
import org.alkit.api.Matrix;
import org.apiguardian.api.API;

/**
 * Materialised last-layer gradient embeddings of BADGE (Ash et al., "Deep Batch Active Learning
 * by Diverse, Uncertain Gradient Lower Bounds", ICLR 2020), the value of
 * {@link org.alkit.api.Signal#GRADIENT_EMBEDDINGS}: for an item with class probabilities p and
 * penultimate features h, and ŷ = argmax p (first maximum),
 * <pre>  g(x) = (p − onehot(ŷ)) ⊗ h,   g[c·d + j] = (p_c − [c = ŷ]) · h_j</pre>
 * (DISTIL's sign; the paper's is the opposite, which changes no distance or norm). n × (C·d)
 * floats: strategies that only need distances use the factorised {@link GradientCentreTracker}
 * instead.
 */
@API(status = INTERNAL, since = "0.1")
public final class GradientEmbeddings {
  private GradientEmbeddings() {}

  /**
   * The {@code n × (C·d)} gradient embeddings of every row.
   *
   * @throws InvalidInputException if the row counts differ
   */
  public static Matrix of(Matrix probabilities, Matrix embeddings) {
    if (probabilities.rows() != embeddings.rows()) {
      throw new InvalidInputException("probabilities have " + probabilities.rows()
          + " rows but embeddings have " + embeddings.rows() + "; expected one row per item in both");
    }
    int n = probabilities.rows();
    int c = probabilities.cols();
    int d = embeddings.cols();
    float[] out = new float[Math.multiplyExact(n, Math.multiplyExact(c, d))];
    for (int i = 0; i < n; i++) {
      int predicted = Probabilities.argmax(probabilities, i);
      for (int k = 0; k < c; k++) {
        float g = probabilities.get(i, k) - (k == predicted ? 1f : 0f);
        int base = (i * c + k) * d;
        for (int j = 0; j < d; j++) {
          out[base + j] = g * embeddings.get(i, j);
        }
      }
    }
    return Matrix.wrap(n, c * d, out);
  }
}
