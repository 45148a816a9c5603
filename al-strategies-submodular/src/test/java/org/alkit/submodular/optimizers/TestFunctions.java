package org.alkit.submodular.optimizers;

import java.util.SplittableRandom;
import org.alkit.submodular.SetFunction;

/** Small set functions for optimizer tests, independent of the production catalog. */
final class TestFunctions {
  private TestFunctions() {}

  /** Facility location Σ_i max(0, max_{j∈A} K[i][j]) over a dense kernel. */
  static SetFunction facilityLocation(float[][] k) {
    return new SetFunction() {
      private final float[] best = new float[k.length];

      @Override
      public int groundSize() {
        return k.length;
      }

      @Override
      public double evaluate(int[] set) {
        double sum = 0;
        for (float[] row : k) {
          float m = 0;
          for (int j : set) {
            m = Math.max(m, row[j]);
          }
          sum += m;
        }
        return sum;
      }

      @Override
      public double gain(int j) {
        double sum = 0;
        for (int i = 0; i < k.length; i++) {
          sum += Math.max(0f, k[i][j] - best[i]);
        }
        return sum;
      }

      @Override
      public void add(int j) {
        for (int i = 0; i < k.length; i++) {
          best[i] = Math.max(best[i], k[i][j]);
        }
      }

      @Override
      public void clear() {
        java.util.Arrays.fill(best, 0f);
      }

      @Override
      public boolean isSubmodular() {
        return true;
      }
    };
  }

  /** The modular function Σ_{j∈A} w_j; {@code submodular} is what it claims. */
  static SetFunction modular(double[] w, boolean submodular) {
    return new SetFunction() {
      @Override
      public int groundSize() {
        return w.length;
      }

      @Override
      public double evaluate(int[] set) {
        double sum = 0;
        for (int j : set) {
          sum += w[j];
        }
        return sum;
      }

      @Override
      public double gain(int j) {
        return w[j];
      }

      @Override
      public void add(int j) {}

      @Override
      public void clear() {}

      @Override
      public boolean isSubmodular() {
        return submodular;
      }
    };
  }

  /** A {@link SetFunction} delegating to another, for tests that override one method. */
  static class Delegating implements SetFunction {
    private final SetFunction f;

    Delegating(SetFunction f) {
      this.f = f;
    }

    @Override
    public int groundSize() {
      return f.groundSize();
    }

    @Override
    public double evaluate(int[] set) {
      return f.evaluate(set);
    }

    @Override
    public double gain(int j) {
      return f.gain(j);
    }

    @Override
    public void add(int j) {
      f.add(j);
    }

    @Override
    public void clear() {
      f.clear();
    }

    @Override
    public boolean isSubmodular() {
      return f.isSubmodular();
    }
  }

  /**
   * An n × n kernel of random values in [0, 1); with {@code coarse} they are multiples of 1/4, so
   * gains tie exactly and tie-breaking is exercised.
   */
  static float[][] randomKernel(int n, long seed, boolean coarse) {
    SplittableRandom r = new SplittableRandom(seed);
    float[][] k = new float[n][n];
    for (float[] row : k) {
      for (int j = 0; j < n; j++) {
        row[j] = coarse ? r.nextInt(4) / 4f : (float) r.nextDouble();
      }
    }
    return k;
  }
}
