package org.alkit.eval.data;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

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
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.zip.GZIPInputStream;
import org.alkit.api.InvalidInputException;
import org.alkit.api.Matrix;
import org.alkit.runtime.Dataset;
import org.apiguardian.api.API;

/**
 * Loads labelled data and splits it into an active-learning pool and a held-out test set.
 *
 * <p>Sources:
 * <ul>
 *   <li>{@value #OPTDIGITS}, embedded — the UCI optical recognition of handwritten digits test set
 *       (1 797 grey 8 × 8 images of pixel counts 0..16 and the digit; CC BY 4.0, Alpaydin &amp;
 *       Kaynak 1998); item shape {@code [1, 8, 8]}, classes {@code "0" … "9"};</li>
 *   <li>{@value #FASHION_MNIST} — Fashion-MNIST (Xiao, Rasul &amp; Vollgraf 2017, MIT licence),
 *       from the gzip IDX files of the Debian package {@code dataset-fashion-mnist} in
 *       {@value #FASHION_MNIST_DIR}, or the folder the environment variable
 *       {@value #FASHION_MNIST_ENV} names ({@code fashion-mnist:DIR} names one for a single run):
 *       its 60 000 training images form the pool and its own 10 000
 *       test images the test set (so the test fraction is not applied), pixels scaled to
 *       {@code [0, 1]} (÷ 255) as float32; item shape {@code [1, 28, 28]}, the ten article names
 *       as classes;</li>
 *   <li>{@code cifar10:DIR} — the binary version of CIFAR-10 a user unpacked to {@code DIR}
 *       ({@code data_batch_1.bin} … {@code data_batch_5.bin} as the pool, {@code test_batch.bin} as
 *       the test set), pixels ÷ 255; item shape {@code [3, 32, 32]};</li>
 *   <li>{@code images:DIR} — one sub-folder of equally sized images per class, as the NEU
 *       surface-defect database ships; grey levels ÷ the maximum; item shape {@code [1, h, w]},
 *       the folder names as classes;</li>
 *   <li>{@code transfer:SOURCE:FROM->TO[@SEED]}, e.g. {@code transfer:fashion-mnist:5-9->0-4} —
 *       fixed transferred features: the penultimate layer of a cnn trained once on the classes FROM
 *       of SOURCE, for the items of the disjoint classes TO (renumbered 0..), cached in the build's
 *       cache directory (see {@code Transfer});</li>
 *   <li>{@code npy:FEATURES.npy,LABELS.npy} — features {@code (n, …)} and integer labels
 *       {@code (n,)};</li>
 *   <li>the path of a CSV file (optionally gzipped) whose last column is an integer class label
 *       {@code 0..C−1} and whose other columns are numbers.</li>
 * </ul>
 * Other splits are a seeded shuffle: the same seed gives the same pool and test set.
 *
 * <p>Experimental, as the {@link org.alkit.runtime.Dataset} it returns.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class Datasets {
  /** The embedded default dataset. */
  public static final String OPTDIGITS = "optdigits";

  /** Fashion-MNIST, read from the Debian package's files. */
  public static final String FASHION_MNIST = "fashion-mnist";

  /** Where the Debian package {@code dataset-fashion-mnist} installs its files. */
  public static final String FASHION_MNIST_DIR = "/usr/share/datasets/fashion-mnist";

  /** The environment variable naming another folder of Fashion-MNIST's four IDX files. */
  public static final String FASHION_MNIST_ENV = "ALKIT_FASHION_MNIST";

  /** The prefix of a CIFAR-10 binary folder source, {@code cifar10:DIR}. */
  public static final String CIFAR10 = "cifar10";

  /** The prefix of an image-folder source, {@code images:DIR}. */
  public static final String IMAGES = "images";

  /** The prefix of a transferred-feature source, {@code transfer:SOURCE:FROM->TO[@SEED]}. */
  public static final String TRANSFER = Transfer.PREFIX;

  /** The prefix of a {@code .npy} pair source, {@code npy:FEATURES.npy,LABELS.npy}. */
  public static final String NPY = "npy";

  private static final List<String> FASHION_MNIST_CLASSES = List.of("T-shirt/top", "Trouser", "Pullover",
      "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");
  private static final int[] OPTDIGITS_SHAPE = {1, 8, 8};

  private Datasets() {}

  /**
   * Loads {@code source} and holds out {@code testFraction} of its rows for testing.
   *
   * @param source {@value #OPTDIGITS}, {@value #FASHION_MNIST} (or {@code fashion-mnist:DIR}), {@code cifar10:DIR},
   *     {@code transfer:SOURCE:FROM->TO[@SEED]},
   *     {@code images:DIR}, {@code npy:FEATURES.npy,LABELS.npy} or a path to a {@code .csv} /
   *     {@code .csv.gz} file
   * @param testFraction in (0, 1); not applied to {@value #FASHION_MNIST} and CIFAR-10, which have
   *     their own test sets
   * @throws InvalidInputException for a missing file or package, a malformed row or a bad fraction
   */
  public static Dataset load(String source, double testFraction, long seed) {
    if (!(testFraction > 0 && testFraction < 1)) {
      throw new InvalidInputException("testFraction = " + testFraction + "; expected a value in (0, 1)");
    }
    if (source.startsWith(TRANSFER + ":")) {
      return Transfer.load(source, testFraction);
    }
    if (FASHION_MNIST.equals(source)) {
      return fashionMnist(fashionMnistDir(System.getenv()));
    }
    if (source.startsWith(FASHION_MNIST + ":")) {
      return fashionMnist(Path.of(argument(source)));
    }
    if (source.startsWith(CIFAR10 + ":")) {
      return Cifar10.read(source, Path.of(argument(source)));
    }
    if (source.startsWith(IMAGES + ":")) {
      ImageFolders.Images images = ImageFolders.read(Path.of(argument(source)));
      return Dataset.split(source, images.pixels(), images.labels(), images.classNames().size(), testFraction, seed)
          .withItems(images.itemShape(), images.classNames());
    }
    if (source.startsWith(NPY + ":")) {
      String[] files = argument(source).split(",", -1);
      if (files.length != 2 || files[0].isBlank() || files[1].isBlank()) {
        throw new InvalidInputException("dataset '" + source + "'; expected npy:FEATURES.npy,LABELS.npy");
      }
      NpyPair.Items items = NpyPair.read(Path.of(files[0].strip()), Path.of(files[1].strip()));
      int classes = java.util.Arrays.stream(items.labels()).max().orElse(0) + 1;
      Dataset data = Dataset.split(source, items.features(), items.labels(), classes, testFraction, seed);
      return data.withItems(items.itemShape(), data.classNames());
    }
    Table table = OPTDIGITS.equals(source) ? embedded() : file(Path.of(source));
    int classes = classes(source, table.labels());
    Dataset data = Dataset.split(source, Matrix.of(table.features()), table.labels(), classes, testFraction, seed);
    return OPTDIGITS.equals(source) ? data.withItems(OPTDIGITS_SHAPE, data.classNames()) : data;
  }

  /** What follows the first colon of {@code source}. */
  private static String argument(String source) {
    String rest = source.substring(source.indexOf(':') + 1).strip();
    if (rest.isEmpty()) {
      throw new InvalidInputException("dataset '" + source + "' names no path; expected " + source + "PATH");
    }
    return rest;
  }

  /**
   * The folder {@value #FASHION_MNIST} reads: the one {@value #FASHION_MNIST_ENV} names in
   * {@code environment} when it is set and not blank, else the Debian package's
   * {@value #FASHION_MNIST_DIR}.
   */
  public static Path fashionMnistDir(Map<String, String> environment) {
    String dir = environment.get(FASHION_MNIST_ENV);
    return dir == null || dir.isBlank() ? Path.of(FASHION_MNIST_DIR) : Path.of(dir.strip());
  }

  /**
   * Fashion-MNIST from the four gzip IDX files in {@code dir} (the Debian package's layout): the
   * training split as the pool, the test split as the test set.
   *
   * @throws InvalidInputException when the directory is missing (saying how to install the
   *     package), or a file is corrupt, truncated, or disagrees with its partner
   */
  static Dataset fashionMnist(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new InvalidInputException("dataset '" + FASHION_MNIST + "' needs the Debian package"
          + " dataset-fashion-mnist, whose files are not in " + dir
          + "; install it with: apt-get install dataset-fashion-mnist, or name the folder of its four IDX files"
          + " with fashion-mnist:DIR or the environment variable " + FASHION_MNIST_ENV);
    }
    Images train = images(dir, "train");
    Images test = images(dir, "t10k");
    return new Dataset(FASHION_MNIST, train.pixels(), train.labels(), test.pixels(), test.labels(),
        FASHION_MNIST_CLASSES.size(), new int[] {1, 28, 28}, FASHION_MNIST_CLASSES);
  }

  private record Images(Matrix pixels, int[] labels) {}

  /** {@code <split>-images-idx3-ubyte.gz} as rows of pixels ÷ 255, with their labels. */
  private static Images images(Path dir, String split) {
    Path imageFile = dir.resolve(split + "-images-idx3-ubyte.gz");
    Path labelFile = dir.resolve(split + "-labels-idx1-ubyte.gz");
    Idx.Array images = Idx.read(imageFile);
    Idx.Array labels = Idx.read(labelFile);
    if (images.shape().length != 3 || images.shape()[1] != 28 || images.shape()[2] != 28) {
      throw new InvalidInputException("IDX file " + imageFile + " has shape "
          + java.util.Arrays.toString(images.shape()) + "; expected [n, 28, 28] images");
    }
    if (labels.shape().length != 1 || labels.items() != images.items()) {
      throw new InvalidInputException("IDX file " + labelFile + " has shape "
          + java.util.Arrays.toString(labels.shape()) + "; expected [" + images.items() + "], one label per image of "
          + imageFile);
    }
    int[] classes = new int[labels.items()];
    for (int i = 0; i < classes.length; i++) {
      classes[i] = labels.values()[i] & 0xff;
      if (classes[i] >= FASHION_MNIST_CLASSES.size()) {
        throw new InvalidInputException("IDX file " + labelFile + " gives item " + i + " label " + classes[i]
            + "; expected a class in [0, " + FASHION_MNIST_CLASSES.size() + ")");
      }
    }
    byte[] raw = images.values();
    float[] pixels = new float[raw.length];
    for (int k = 0; k < raw.length; k++) {
      pixels[k] = (raw[k] & 0xff) / 255f;
    }
    return new Images(Matrix.wrap(images.items(), images.itemSize(), pixels), classes);
  }

  /**
   * The class count C of labels that must cover 0..C−1, each at least once, with C ≥ 2: a
   * classifier needs two classes, and a class without items would be counted but never learned.
   */
  private static int classes(String source, int[] labels) {
    int max = java.util.Arrays.stream(labels).max().orElse(0);
    if (max >= labels.length) {
      throw new InvalidInputException("dataset '" + source + "' has label " + max + " among only "
          + labels.length + " items; expected classes 0..C-1 each with at least one item (renumber the labels)");
    }
    int[] counts = new int[max + 1];
    for (int label : labels) {
      counts[label]++;
    }
    if (max < 1) {
      throw new InvalidInputException("dataset '" + source + "' has one class (label " + max
          + "); expected at least two classes");
    }
    for (int c = 0; c <= max; c++) {
      if (counts[c] == 0) {
        throw new InvalidInputException("dataset '" + source + "' has labels up to " + max + " but none " + c
            + "; expected classes 0.." + max + " each with at least one item (renumber the labels)");
      }
    }
    return max + 1;
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
          + "', '" + FASHION_MNIST + "', cifar10:DIR, images:DIR, npy:FEATURES.npy,LABELS.npy or the path of a "
          + "CSV file", e);
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
    int firstLine = 0;
    int columns = 0;
    while ((line = reader.readLine()) != null) {
      lineNo++;
      if (line.isBlank()) {
        continue;
      }
      String[] cells = line.split(",");
      if (firstLine == 0 && isHeader(cells)) {
        firstLine = lineNo;
        columns = cells.length;
        continue;
      }
      if (firstLine == 0) {
        firstLine = lineNo;
        columns = cells.length;
      }
      if (cells.length != columns) {
        throw new InvalidInputException(name + " line " + lineNo + " has " + cells.length
            + " columns; expected " + columns + " like line " + firstLine);
      }
      if (cells.length < 2) {
        throw new InvalidInputException(name + " line " + lineNo
            + " has " + cells.length + " column; expected features followed by a label");
      }
      float[] row = new float[cells.length - 1];
      try {
        for (int j = 0; j < row.length; j++) {
          row[j] = Float.parseFloat(cells[j].trim());
          if (!Float.isFinite(row[j])) {
            throw new InvalidInputException(name + " line " + lineNo + " column " + (j + 1) + " = '"
                + cells[j].trim() + "'; expected a finite number (float32)");
          }
        }
        int label = Integer.parseInt(cells[cells.length - 1].trim());
        if (label < 0) {
          throw new InvalidInputException(name + " line " + lineNo + " has label " + label
              + "; expected a class label >= 0 in the last column");
        }
        labels.add(label);
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

  /** A decimal number as {@link Float#parseFloat} reads one, or NaN / Infinity with a sign. */
  private static final Pattern NUMBER =
      Pattern.compile("[+-]?(?:(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?[fFdD]?|NaN|Infinity)");

  /**
   * Whether a CSV line is a header row: no cell of it is a number (e.g. {@code f1,f2,label}). A
   * row with some numbers is data, and a non-numeric cell in it an error.
   */
  private static boolean isHeader(String[] cells) {
    return Arrays.stream(cells).noneMatch(c -> NUMBER.matcher(c.trim()).matches());
  }

  /**
   * A seeded random subset of {@code full}: {@code poolSize} of its pool rows and {@code testSize}
   * of its test rows, each kept in ascending order (0, or at least the split's size, keeps a split
   * whole); {@code full} itself when both are kept whole. The pool's rows are drawn with the first
   * split of {@code new SplittableRandom(seed)}, the test's with the second.
   */
  public static Dataset sample(Dataset full, int poolSize, int testSize, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int[] pool = cut(full.pool().rows(), poolSize, random.split());
    int[] test = cut(full.test().rows(), testSize, random.split());
    if (pool == null && test == null) {
      return full;
    }
    int[] poolLabels = full.poolLabels();
    int[] testLabels = full.testLabels();
    int[] p = pool == null ? identity(poolLabels.length) : pool;
    int[] t = test == null ? identity(testLabels.length) : test;
    return new Dataset(full.name(), full.pool().select(p), Arrays.stream(p).map(i -> poolLabels[i]).toArray(),
        full.test().select(t), Arrays.stream(t).map(i -> testLabels[i]).toArray(), full.numClasses(),
        full.itemShape(), full.classNames());
  }

  /** {@code size} of {@code n} rows, ascending, or null to keep all. */
  private static int[] cut(int n, int size, SplittableRandom random) {
    if (size == 0 || size >= n) {
      return null;
    }
    int[] rows = ScenarioPart.sample(identity(n), size, random);
    Arrays.sort(rows);
    return rows;
  }

  private static int[] identity(int n) {
    return IntStream.range(0, n).toArray();
  }
}
