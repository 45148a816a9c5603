package org.alkit.vabal;

import java.util.SplittableRandom;
import org.alkit.api.Matrix;
import org.junit.jupiter.api.Test;

class StressTmpTest {
  @Test
  void stress() {
    for (int rep = 0; rep < 40; rep++) {
      SplittableRandom rng = new SplittableRandom(4);
      float[][] points = new float[200][2];
      int[] labeled = new int[100];
      int[] labels = new int[100];
      for (int i = 0; i < points.length; i++) {
        points[i][0] = (float) ((i % 2 == 0 ? -3 : 3) + rng.nextGaussian());
        points[i][1] = (float) rng.nextGaussian();
        if (i < 100) { labeled[i] = i; labels[i] = i % 2; }
      }
      try {
        VaeLikelihood.fit(Matrix.of(points), labeled, labels, 2, new VaeSettings(60, 32, 32, 20, 10, 1e-3), 9);
        System.out.println("rep " + rep + " ok");
      } catch (IllegalStateException e) {
        System.out.println("rep " + rep + " " + e.getMessage());
      }
    }
  }
}
