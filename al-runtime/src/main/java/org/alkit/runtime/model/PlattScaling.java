package org.alkit.runtime.model;

/**
 * Platt's sigmoid P(y = 1 | f) = 1 / (1 + exp(A·f + B)) fitted to decision values f of a binary
 * problem (Platt, "Probabilistic Outputs for Support Vector Machines", 1999), by the Newton method
 * with backtracking of Lin, Lin &amp; Weng, "A note on Platt's probabilistic outputs for support
 * vector machines", Machine Learning 68 (2007) — LIBSVM's {@code sigmoid_train}. It minimises the
 * cross-entropy against Platt's smoothed targets t₊ = (N₊ + 1) / (N₊ + 2) for positives and
 * t₋ = 1 / (N₋ + 2) for negatives, from A = 0, B = log((N₋ + 1) / (N₊ + 1)).
 *
 * @param a the slope A (negative when larger f means more likely positive)
 * @param b the offset B
 */
record PlattScaling(double a, double b) {
  private static final int MAX_ITERATIONS = 100;
  private static final double MIN_STEP = 1e-10;
  /** Added to the Hessian's diagonal, so it stays positive definite. */
  private static final double RIDGE = 1e-12;
  private static final double GRADIENT_TOLERANCE = 1e-5;

  /** Fits A and B to the decision values {@code f} of items that are {@code positive} or not. */
  static PlattScaling fit(double[] f, boolean[] positive) {
    int n = f.length;
    double positives = 0;
    for (boolean p : positive) {
      positives += p ? 1 : 0;
    }
    double negatives = n - positives;
    double hiTarget = (positives + 1) / (positives + 2);
    double loTarget = 1 / (negatives + 2);
    double[] t = new double[n];
    for (int i = 0; i < n; i++) {
      t[i] = positive[i] ? hiTarget : loTarget;
    }
    double a = 0;
    double b = Math.log((negatives + 1) / (positives + 1));
    double value = loss(f, t, a, b);
    for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
      double h11 = RIDGE;
      double h22 = RIDGE;
      double h21 = 0;
      double g1 = 0;
      double g2 = 0;
      for (int i = 0; i < n; i++) {
        double fApB = f[i] * a + b;
        double p;
        double q;
        if (fApB >= 0) {
          p = Math.exp(-fApB) / (1 + Math.exp(-fApB));
          q = 1 / (1 + Math.exp(-fApB));
        } else {
          p = 1 / (1 + Math.exp(fApB));
          q = Math.exp(fApB) / (1 + Math.exp(fApB));
        }
        double d2 = p * q;
        h11 += f[i] * f[i] * d2;
        h22 += d2;
        h21 += f[i] * d2;
        double d1 = t[i] - p;
        g1 += f[i] * d1;
        g2 += d1;
      }
      if (Math.abs(g1) < GRADIENT_TOLERANCE && Math.abs(g2) < GRADIENT_TOLERANCE) {
        break;
      }
      double det = h11 * h22 - h21 * h21;
      double dA = -(h22 * g1 - h21 * g2) / det;
      double dB = -(-h21 * g1 + h11 * g2) / det;
      double gd = g1 * dA + g2 * dB;
      double step = 1;
      while (step >= MIN_STEP) {
        double newA = a + step * dA;
        double newB = b + step * dB;
        double newValue = loss(f, t, newA, newB);
        if (newValue < value + 1e-4 * step * gd) {
          a = newA;
          b = newB;
          value = newValue;
          break;
        }
        step /= 2;
      }
      if (step < MIN_STEP) {
        break;
      }
    }
    return new PlattScaling(a, b);
  }

  /** The cross-entropy Σ t·(Af+B) + log(1 + exp(−(Af+B))), computed without overflow. */
  private static double loss(double[] f, double[] t, double a, double b) {
    double value = 0;
    for (int i = 0; i < f.length; i++) {
      double fApB = f[i] * a + b;
      value += fApB >= 0 ? t[i] * fApB + Math.log1p(Math.exp(-fApB)) : (t[i] - 1) * fApB + Math.log1p(Math.exp(fApB));
    }
    return value;
  }

  /** P(y = 1 | f). */
  double probability(double f) {
    double fApB = f * a + b;
    return fApB >= 0 ? Math.exp(-fApB) / (1 + Math.exp(-fApB)) : 1 / (1 + Math.exp(fApB));
  }
}
