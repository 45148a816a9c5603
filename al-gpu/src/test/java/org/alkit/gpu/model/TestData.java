package org.alkit.gpu.model;

import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.zip.GZIPInputStream;
import org.alkit.api.FittedModel;
import org.alkit.api.Matrix;
import org.alkit.api.ModelAdapter;
import org.alkit.api.ModelProvider;
import org.alkit.commons.Probabilities;

/** Data and helpers the model and backend tests share. */
public final class TestData {
  private TestData() {}

  /** Features and labels. */
  public record Labeled(Matrix x, int[] y, int classes) {
    int[] labels(int[] rows) {
      return IntStream.of(rows).map(i -> y[i]).toArray();
    }
  }

  /** Gaussian blobs: class c centred at 3·e_c, unit noise, {@code d} ≥ classes. */
  static Labeled blobs(int n, int d, int classes, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    float[] x = new float[n * d];
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      y[i] = i % classes;
      for (int j = 0; j < d; j++) {
        x[i * d + j] = (float) (r.nextGaussian() + (j == y[i] ? 3 : 0));
      }
    }
    return new Labeled(Matrix.wrap(n, d, x), y, classes);
  }

  /** The embedded UCI optdigits set: 1 797 images of 8×8 pixel counts 0..16, digits 0..9. */
  public static Labeled optdigits() {
    Path csv = Path.of(System.getProperty("alkit.root", "../"),
        "al-eval/src/main/resources/org/alkit/eval/data/optdigits.csv.gz");
    assumeThat(Files.exists(csv)).as("optdigits at " + csv).isTrue();
    List<float[]> rows = new ArrayList<>();
    List<Integer> labels = new ArrayList<>();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(
        new GZIPInputStream(Files.newInputStream(csv)), StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        String[] cells = line.split(",");
        float[] row = new float[cells.length - 1];
        for (int j = 0; j < row.length; j++) {
          row[j] = Float.parseFloat(cells[j]);
        }
        rows.add(row);
        labels.add(Integer.parseInt(cells[cells.length - 1].trim()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Labeled(Matrix.of(rows.toArray(new float[0][])),
        labels.stream().mapToInt(Integer::intValue).toArray(), 10);
  }

  static ModelAdapter adapter(ModelProvider provider, Map<String, String> options) {
    return provider.create(provider.options(options));
  }

  static int[] range(int from, int to) {
    return IntStream.range(from, to).toArray();
  }

  /** The share of {@code rows} whose most probable class is their label. */
  static double accuracy(FittedModel model, Labeled data, int[] rows) {
    Matrix p = model.probabilities(data.x().select(rows));
    int hits = 0;
    for (int r = 0; r < rows.length; r++) {
      hits += Probabilities.argmax(p, r) == data.y()[rows[r]] ? 1 : 0;
    }
    return (double) hits / rows.length;
  }
}
