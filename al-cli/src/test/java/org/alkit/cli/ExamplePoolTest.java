package org.alkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.alkit.api.Matrix;
import org.alkit.eval.data.Datasets;
import org.alkit.runtime.Npy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The small inputs the documentation's commands read, shipped in {@code examples/pool/}, are what
 * {@link #write} makes: the first {@value #N} images of the embedded optdigits data (8×8 pixel
 * counts 0–16), the first two of each class labeled, class probabilities of a nearest-centroid
 * softmax over the labeled items, p(c|x) ∝ exp(−‖x − μ_c‖² / {@value #TEMPERATURE}), and alkit's
 * euclidean similarity exp(−‖x − y‖ / d) as kernels; a committee of {@value #MEMBERS} such
 * softmaxes, each over its own random three quarters of the pixels (the random subspace method,
 * Ho 1998); and the prediction history of a softmax regression trained on the labeled items by
 * full-batch gradient descent, its predicted class of every item after each of {@value #EPOCHS}
 * epochs. Run with {@code -Dalkit.examples.write=true} to write them again after changing this
 * class.
 */
class ExamplePoolTest {
  private static final Path ROOT = Path.of(System.getProperty("alkit.root")).toAbsolutePath().normalize();
  private static final Path POOL = ROOT.resolve("examples").resolve("pool");
  private static final int N = 200;
  private static final int CLASSES = 10;
  private static final double TEMPERATURE = 200;
  /** Members of the example committee. */
  private static final int MEMBERS = 5;
  /** Epochs of the example prediction history. */
  private static final int EPOCHS = 12;
  /** Step size of the history's gradient descent, on pixel counts scaled to [0, 1]. */
  private static final double STEP = 0.5;
  /** The query set of the kernel example: the labeled items of class 3. */
  private static final int QUERY_CLASS = 3;

  @TempDir
  Path dir;

  @Test
  void theShippedExampleInputsAreWhatTheGeneratorWrites() throws IOException {
    if (Boolean.getBoolean("alkit.examples.write")) {
      Files.createDirectories(POOL);
      write(POOL);
    }
    write(dir);
    List<String> made;
    try (Stream<Path> files = Files.list(dir)) {
      made = files.map(f -> f.getFileName().toString()).sorted().toList();
    }
    assertThat(made).containsExactly("committee.npy", "features.npy", "history.npy", "kernel.npy", "labeled.npy",
        "labels.npy", "probs.npy", "query-kernel.npy");
    for (String name : made) {
      assertThat(POOL.resolve(name)).as("examples/pool/%s (write it with -Dalkit.examples.write=true)", name)
          .exists().hasSameBinaryContentAs(dir.resolve(name));
    }
  }

  @Test
  void theProbabilitiesArePlausibleAndEveryClassIsLabeledTwice() throws IOException {
    write(dir);
    Matrix p = Npy.readMatrix(dir.resolve("probs.npy"));
    int[] labeled = Npy.readIndices(dir.resolve("labeled.npy"));
    int[] labels = Npy.readIndices(dir.resolve("labels.npy"));
    assertThat(labeled).hasSize(2 * CLASSES).isSorted();
    assertThat(Arrays.stream(labels).sorted().toArray())
        .isEqualTo(Stream.iterate(0, c -> c + 1).limit(2 * CLASSES).mapToInt(c -> c / 2).toArray());
    int correct = 0;
    int[] all = optdigits().labels();
    for (int i = 0; i < N; i++) {
      double sum = 0;
      int best = 0;
      for (int c = 0; c < CLASSES; c++) {
        sum += p.get(i, c);
        best = p.get(i, c) > p.get(i, best) ? c : best;
      }
      assertThat(sum).isCloseTo(1, org.assertj.core.data.Offset.offset(1e-3));
      correct += best == all[i] ? 1 : 0;
    }
    assertThat(correct).as("a nearest-centroid model of 20 labels is right on most of the pool").isGreaterThan(N * 3 / 4);
    Matrix k = Npy.readMatrix(dir.resolve("kernel.npy"));
    assertThat(k.get(3, 7)).isEqualTo(k.get(7, 3));
    assertThat(k.get(5, 5)).isEqualTo(1f);
  }

  @Test
  void theCommitteeDisagreesSomewhereAndTheHistorySettles() throws IOException {
    write(dir);
    org.alkit.runtime.NpyArray committee = Npy.read(dir.resolve("committee.npy"));
    assertThat(committee.shape()).containsExactly(MEMBERS, N, CLASSES);
    org.alkit.runtime.NpyArray history = Npy.read(dir.resolve("history.npy"));
    assertThat(history.shape()).containsExactly(EPOCHS, N);
    int changed = 0;
    int last = 0;
    for (int i = 0; i < N; i++) {
      changed += history.get((EPOCHS - 1) * N + i) != history.get(i) ? 1 : 0;
      last += history.get((EPOCHS - 1) * N + i) == optdigits().labels()[i] ? 1 : 0;
    }
    assertThat(changed).as("items whose predicted class changed during training").isPositive();
    assertThat(last).as("the last epoch is right on most of the pool").isGreaterThan(N / 2);
  }

  /** Writes the example inputs into {@code to}. */
  static void write(Path to) throws IOException {
    Table data = optdigits();
    float[][] x = data.features();
    List<Integer> labeled = new ArrayList<>();
    int[] seen = new int[CLASSES];
    for (int i = 0; i < N; i++) {
      if (seen[data.labels()[i]]++ < 2) {
        labeled.add(i);
      }
    }
    int[] labeledIdx = labeled.stream().mapToInt(Integer::intValue).toArray();
    int[] labels = Arrays.stream(labeledIdx).map(i -> data.labels()[i]).toArray();
    int d = x[0].length;

    double[][] centroid = new double[CLASSES][d];
    for (int i : labeledIdx) {
      for (int j = 0; j < d; j++) {
        centroid[data.labels()[i]][j] += x[i][j] / 2.0;
      }
    }
    float[][] probs = new float[N][];
    int[] everyPixel = java.util.stream.IntStream.range(0, d).toArray();
    for (int i = 0; i < N; i++) {
      probs[i] = nearestCentroid(x[i], centroid, everyPixel);
    }
    int[] query = Arrays.stream(labeledIdx).filter(i -> data.labels()[i] == QUERY_CLASS).toArray();
    float[][] kernel = new float[N][N];
    float[][] queryKernel = new float[N][query.length];
    for (int i = 0; i < N; i++) {
      for (int j = 0; j < N; j++) {
        kernel[i][j] = similarity(x[i], x[j]);
      }
      for (int q = 0; q < query.length; q++) {
        queryKernel[i][q] = similarity(x[i], x[query[q]]);
      }
    }
    Npy.writeMatrix(to.resolve("features.npy"), Matrix.of(x));
    writeCommittee(to.resolve("committee.npy"), x, centroid);
    writeHistory(to.resolve("history.npy"), x, labeledIdx, labels);
    Npy.writeMatrix(to.resolve("probs.npy"), Matrix.of(probs));
    Npy.writeInts(to.resolve("labeled.npy"), labeledIdx);
    Npy.writeInts(to.resolve("labels.npy"), labels);
    Npy.writeMatrix(to.resolve("kernel.npy"), Matrix.of(kernel));
    Npy.writeMatrix(to.resolve("query-kernel.npy"), Matrix.of(queryKernel));
  }

  /** p(c|x) ∝ exp(−Σ_{j ∈ pixels} (x_j − μ_cj)² / {@value #TEMPERATURE}), in double, rounded to float. */
  private static float[] nearestCentroid(float[] x, double[][] centroid, int[] pixels) {
    double[] logit = new double[CLASSES];
    for (int c = 0; c < CLASSES; c++) {
      double dist = 0;
      for (int j : pixels) {
        dist += (x[j] - centroid[c][j]) * (x[j] - centroid[c][j]);
      }
      logit[c] = -dist / TEMPERATURE;
    }
    softmax(logit);
    float[] p = new float[CLASSES];
    for (int c = 0; c < CLASSES; c++) {
      p[c] = (float) logit[c];
    }
    return p;
  }

  /** exp(z − max z), normalised, in place. */
  private static void softmax(double[] z) {
    double max = Double.NEGATIVE_INFINITY;
    for (double v : z) {
      max = Math.max(max, v);
    }
    double sum = 0;
    for (int c = 0; c < z.length; c++) {
      z[c] = Math.exp(z[c] - max);
      sum += z[c];
    }
    for (int c = 0; c < z.length; c++) {
      z[c] /= sum;
    }
  }

  /** {@value #MEMBERS} nearest-centroid softmaxes, member m over its own seeded random 3/4 of the pixels. */
  private static void writeCommittee(Path file, float[][] x, double[][] centroid) {
    int d = x[0].length;
    java.util.SplittableRandom random = new java.util.SplittableRandom(7);
    double[] values = new double[MEMBERS * N * CLASSES];
    for (int m = 0; m < MEMBERS; m++) {
      int[] pixels = java.util.stream.IntStream.range(0, d).toArray();
      org.alkit.commons.Permutations.shuffle(pixels, random);
      int[] seen = Arrays.copyOf(pixels, d * 3 / 4);
      for (int i = 0; i < N; i++) {
        float[] p = nearestCentroid(x[i], centroid, seen);
        for (int c = 0; c < CLASSES; c++) {
          values[(m * N + i) * CLASSES + c] = p[c];
        }
      }
    }
    Npy.write(file, new org.alkit.runtime.NpyArray(org.alkit.runtime.NpyArray.Dtype.FLOAT32,
        new int[] {MEMBERS, N, CLASSES}, values));
  }

  /**
   * A softmax regression z = W x/16 from W = 0, full-batch gradient descent on the mean
   * cross-entropy of the labeled items with step {@value #STEP}; after each epoch (one step) the
   * predicted class (the first maximum) of every pool item, {@value #EPOCHS} × {@value #N} int32.
   */
  private static void writeHistory(Path file, float[][] x, int[] labeled, int[] labels) {
    int d = x[0].length;
    double[][] w = new double[CLASSES][d + 1];
    double[] history = new double[EPOCHS * N];
    for (int e = 0; e < EPOCHS; e++) {
      double[][] gradient = new double[CLASSES][d + 1];
      for (int k = 0; k < labeled.length; k++) {
        double[] p = softmax(w, x[labeled[k]]);
        for (int c = 0; c < CLASSES; c++) {
          double g = (p[c] - (c == labels[k] ? 1 : 0)) / labeled.length;
          for (int j = 0; j < d; j++) {
            gradient[c][j] += g * x[labeled[k]][j] / 16;
          }
          gradient[c][d] += g;
        }
      }
      for (int c = 0; c < CLASSES; c++) {
        for (int j = 0; j <= d; j++) {
          w[c][j] -= STEP * gradient[c][j];
        }
      }
      for (int i = 0; i < N; i++) {
        double[] p = softmax(w, x[i]);
        int best = 0;
        for (int c = 1; c < CLASSES; c++) {
          best = p[c] > p[best] ? c : best;
        }
        history[e * N + i] = best;
      }
    }
    Npy.write(file, new org.alkit.runtime.NpyArray(org.alkit.runtime.NpyArray.Dtype.INT32, new int[] {EPOCHS, N},
        history));
  }

  private static double[] softmax(double[][] w, float[] x) {
    int d = x.length;
    double[] z = new double[CLASSES];
    for (int c = 0; c < CLASSES; c++) {
      z[c] = w[c][d];
      for (int j = 0; j < d; j++) {
        z[c] += w[c][j] * x[j] / 16;
      }
    }
    softmax(z);
    return z;
  }


  /** exp(−‖a − b‖ / d): the euclidean similarity of {@code org.alkit.api.Similarity}, in double. */
  private static float similarity(float[] a, float[] b) {
    double s = 0;
    for (int j = 0; j < a.length; j++) {
      s += (double) (a[j] - b[j]) * (a[j] - b[j]);
    }
    return (float) Math.exp(-Math.sqrt(s) / a.length);
  }

  private record Table(float[][] features, int[] labels) {}

  /** The first {@value #N} rows of the optdigits data embedded in al-eval. */
  private static Table optdigits() throws IOException {
    try (InputStream in = Datasets.class.getResourceAsStream("optdigits.csv.gz");
         BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(in), StandardCharsets.UTF_8))) {
      float[][] features = new float[N][];
      int[] labels = new int[N];
      for (int i = 0; i < N; i++) {
        String[] cells = r.readLine().split(",");
        features[i] = new float[cells.length - 1];
        for (int j = 0; j < cells.length - 1; j++) {
          features[i][j] = Float.parseFloat(cells[j]);
        }
        labels[i] = Integer.parseInt(cells[cells.length - 1]);
      }
      return new Table(features, labels);
    }
  }
}
