package org.alkit.eval;

import static org.apiguardian.api.API.Status.STABLE;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.alkit.api.InvalidInputException;
import org.alkit.api.Matrix;
import org.alkit.runtime.Dataset;
import org.apiguardian.api.API;

/**
 * Loads labelled data and splits it into an active-learning pool and a held-out test set.
 *
 * <p>Sources: {@code optdigits}, embedded — the UCI optical recognition of handwritten digits test
 * set (1 797 rows of 64 pixel counts 0..16 and the digit; CC BY 4.0, Alpaydin &amp; Kaynak 1998) —
 * or the path of a CSV file (optionally gzipped) whose last column is an integer class label
 * {@code 0..C−1} and whose other columns are numbers. The split is a seeded shuffle: the same
 * seed gives the same pool and test set.
 */
@API(status = STABLE, since = "0.1")
public final class Datasets {
  /** The embedded default dataset. */
  public static final String OPTDIGITS = "optdigits";

  private Datasets() {}

  /**
   * Loads {@code source} and holds out {@code testFraction} of its rows for testing.
   *
   * @param source {@value #OPTDIGITS} or a path to a {@code .csv} / {@code .csv.gz} file
   * @param testFraction in (0, 1)
   * @throws InvalidInputException for a missing file, a malformed row or a bad fraction
   */
  public static Dataset load(String source, double testFraction, long seed) {
    if (!(testFraction > 0 && testFraction < 1)) {
      throw new InvalidInputException("testFraction = " + testFraction + "; expected a value in (0, 1)");
    }
    Table table = OPTDIGITS.equals(source) ? embedded() : file(Path.of(source));
    int classes = java.util.Arrays.stream(table.labels()).max().orElse(0) + 1;
    return Dataset.split(source, Matrix.of(table.features()), table.labels(), classes, testFraction, seed);
  }

  private static Table embedded() {
    try (InputStream in = Datasets.class.getResourceAsStream("optdigits.csv.gz")) {
      if (in == null) {
        throw new IllegalStateException("the embedded optdigits.csv.gz is missing from the al-eval jar");
      }
      return parse(OPTDIGITS, new GZIPInputStream(in));
    } catch (IOException e) {
      throw new UncheckedIOException("reading the embedded optdigits data", e);
    }
  }

  private static Table file(Path path) {
    try (InputStream raw = Files.newInputStream(path)) {
      InputStream in = path.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
      return parse(path.toString(), in);
    } catch (NoSuchFileException e) {
      throw new InvalidInputException("dataset '" + path + "' does not exist; expected '" + OPTDIGITS
          + "' or the path of a CSV file", e);
    } catch (IOException e) {
      throw new InvalidInputException("dataset '" + path + "' could not be read: " + e.getMessage(), e);
    }
  }

  private record Table(float[][] features, int[] labels) {}

  private static Table parse(String name, InputStream in) throws IOException {
    List<float[]> rows = new ArrayList<>();
    List<Integer> labels = new ArrayList<>();
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    String line;
    int lineNo = 0;
    while ((line = reader.readLine()) != null) {
      lineNo++;
      if (line.isBlank()) {
        continue;
      }
      String[] cells = line.split(",");
      if (!rows.isEmpty() && cells.length != rows.get(0).length + 1) {
        throw new InvalidInputException(name + " line " + lineNo + " has " + cells.length
            + " columns; expected " + (rows.get(0).length + 1) + " like line 1");
      }
      if (cells.length < 2) {
        throw new InvalidInputException(name + " line " + lineNo
            + " has " + cells.length + " column; expected features followed by a label");
      }
      float[] row = new float[cells.length - 1];
      try {
        for (int j = 0; j < row.length; j++) {
          row[j] = Float.parseFloat(cells[j].trim());
        }
        labels.add(Integer.parseInt(cells[cells.length - 1].trim()));
      } catch (NumberFormatException e) {
        throw new InvalidInputException(name + " line " + lineNo + ": " + e.getMessage()
            + "; expected numeric features and an integer label", e);
      }
      rows.add(row);
    }
    if (rows.isEmpty()) {
      throw new InvalidInputException(name + " holds no rows");
    }
    return new Table(rows.toArray(new float[0][]), labels.stream().mapToInt(Integer::intValue).toArray());
  }
}
