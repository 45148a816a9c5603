package org.alkit.eval.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.alkit.api.FittedModel;
import org.alkit.api.InvalidInputException;
import org.alkit.api.Matrix;
import org.alkit.api.ModelAdapter;
import org.alkit.api.Signal;
import org.alkit.runtime.Dataset;
import org.alkit.runtime.Npy;
import org.alkit.runtime.Registry;

/**
 * The data set {@code transfer:SOURCE:FROM->TO[@SEED]}: fixed transferred features, the closest
 * honest substitute for the ImageNet-pretrained features of Aggarwal et al. ("Optimizing active
 * learning for low annotation budgets") and of VaB-AL that can be built offline. A feature
 * extractor, the model {@value #EXTRACTOR} (al-gpu's DJL network, found by name), is trained once
 * on the classes FROM of the data set SOURCE (any {@link Datasets#load} source) and its
 * penultimate layer's activations ({@link Signal#EMBEDDINGS}) of the items of the disjoint classes
 * TO become the pool and test features; TO's classes are renumbered 0.. in the order listed.
 * E.g. {@code transfer:fashion-mnist:5-9->0-4}: a cnn trained on sandals, shirts, sneakers, bags
 * and ankle boots embeds T-shirts, trousers, pullovers, dresses and coats.
 *
 * <p>The recipe: up to {@value #SOURCE_ITEMS} pool items of the source classes, drawn with the
 * extractor's seed ({@code @SEED}, default 0), train the cnn for {@value #EPOCHS} epochs with its
 * other defaults (two 3 × 3 convolutions of 32 and 64 filters, a dense layer of 128 units: the
 * features). A source without a test split of its own (optdigits, a CSV file) is split with the
 * extractor's seed, so all runs share one split. The features are cached by source, classes,
 * test fraction and seed, as {@code .npy} files in the folder {@code transfer/} of the cache
 * directory ({@link #cacheDir}); a later load reads them, without DJL.
 */
final class Transfer {
  /** The prefix of a transfer source. */
  static final String PREFIX = "transfer";

  /** The model trained on the source classes. */
  static final String EXTRACTOR = "cnn";

  /** The most source items the extractor trains on. */
  static final int SOURCE_ITEMS = 12_000;

  /** The extractor's epochs over its source items. */
  static final int EPOCHS = 8;

  /** The system property naming the cache directory (the launcher sets it inside the build folder). */
  static final String CACHE_PROPERTY = "alkit.cache.dir";

  /** The cache directory when the property is not set: {@code target/alkit-cache}, relative to the working directory. */
  static final Path DEFAULT_CACHE = Path.of("target", "alkit-cache");

  /** Version of the recipe in the cache's file names: a changed recipe never reads old features. */
  private static final String RECIPE = "r1";

  private static final Map<String, Object> LOCKS = new ConcurrentHashMap<>();

  /**
   * A parsed spec.
   *
   * @param spec the text
   * @param source the source data set
   * @param from the source classes the extractor trains on
   * @param to the target classes, in the order they are renumbered
   * @param seed the extractor's seed
   */
  record Spec(String spec, String source, int[] from, int[] to, long seed) {
    /** The cache's name for these features, made of file-name-safe characters. */
    String key(double testFraction) {
      return (source + "_" + Scenario.join(from) + "_to_" + Scenario.join(to) + "_tf" + testFraction + "_seed" + seed
          + "_" + RECIPE).replaceAll("[^A-Za-z0-9._-]", "_");
    }
  }

  private Transfer() {}

  /** The cache directory: the system property {@value #CACHE_PROPERTY}, else {@link #DEFAULT_CACHE}. */
  static Path cacheDir() {
    String dir = System.getProperty(CACHE_PROPERTY);
    return dir == null || dir.isBlank() ? DEFAULT_CACHE : Path.of(dir);
  }

  /** Loads {@code spec}, training the extractor found in {@link Registry#load()} on a cache miss. */
  static Dataset load(String spec, double testFraction) {
    return load(parse(spec), testFraction, cacheDir(), () -> Registry.load().createModel(EXTRACTOR,
        Map.of("epochs", Integer.toString(EPOCHS))));
  }

  /**
   * Loads {@code spec}: its target items' features from {@code cache}, or computed by an
   * extractor from {@code extractor} trained on the source items (then cached).
   */
  static Dataset load(Spec spec, double testFraction, Path cache, Supplier<ModelAdapter> extractor) {
    Dataset full = Datasets.load(spec.source(), testFraction, spec.seed());
    for (int c : concat(spec.from(), spec.to())) {
      if (c >= full.numClasses()) {
        throw new InvalidInputException("dataset '" + spec.spec() + "': class " + c + " is outside the "
            + full.numClasses() + " classes [0, " + full.numClasses() + ") of '" + spec.source() + "'");
      }
    }
    int[] renumber = new int[full.numClasses()];
    Arrays.fill(renumber, -1);
    for (int k = 0; k < spec.to().length; k++) {
      renumber[spec.to()[k]] = k;
    }
    int[] poolRows = rowsOf(full.poolLabels(), renumber);
    int[] testRows = rowsOf(full.testLabels(), renumber);
    String key = spec.key(testFraction);
    Path poolFile = cache.resolve(PREFIX).resolve(key + "-pool.npy");
    Path testFile = cache.resolve(PREFIX).resolve(key + "-test.npy");
    Matrix pool;
    Matrix test;
    synchronized (LOCKS.computeIfAbsent(key, k -> new Object())) {
      if (!Files.isRegularFile(poolFile) || !Files.isRegularFile(testFile)) {
        FittedModel model = train(spec, full, extractor.get());
        write(poolFile, model.matrix(Signal.EMBEDDINGS, full.pool().select(poolRows)));
        write(testFile, model.matrix(Signal.EMBEDDINGS, full.test().select(testRows)));
      }
      pool = Npy.readMatrix(poolFile);
      test = Npy.readMatrix(testFile);
    }
    if (pool.rows() != poolRows.length || test.rows() != testRows.length) {
      throw new InvalidInputException("dataset '" + spec.spec() + "': the cached features " + poolFile + " hold "
          + pool.rows() + " pool and " + test.rows() + " test rows; expected " + poolRows.length + " and "
          + testRows.length + " (delete the two files to rebuild them)");
    }
    List<String> names = Arrays.stream(spec.to()).mapToObj(c -> full.classNames().get(c)).toList();
    return new Dataset(spec.spec(), pool, Arrays.stream(poolRows).map(i -> renumber[full.poolLabels()[i]]).toArray(),
        test, Arrays.stream(testRows).map(i -> renumber[full.testLabels()[i]]).toArray(), spec.to().length,
        new int[] {pool.cols()}, names);
  }

  /** The extractor trained on up to {@value #SOURCE_ITEMS} pool items of the source classes. */
  private static FittedModel train(Spec spec, Dataset full, ModelAdapter extractor) {
    if (!extractor.offers().contains(Signal.EMBEDDINGS)) {
      throw new InvalidInputException("dataset '" + spec.spec() + "': the extractor " + extractor
          + " offers no embeddings; expected a network whose penultimate layer gives them");
    }
    int[] renumber = new int[full.numClasses()];
    Arrays.fill(renumber, -1);
    for (int k = 0; k < spec.from().length; k++) {
      renumber[spec.from()[k]] = k;
    }
    int[] source = rowsOf(full.poolLabels(), renumber);
    if (source.length > SOURCE_ITEMS) {
      source = ScenarioPart.sample(source, SOURCE_ITEMS, new SplittableRandom(spec.seed()));
      Arrays.sort(source);
    }
    int[] labels = Arrays.stream(source).map(i -> renumber[full.poolLabels()[i]]).toArray();
    return extractor.fit(full.pool(), source, labels, spec.from().length, spec.seed());
  }

  /** The rows whose label has a class in {@code renumber} (≥ 0), ascending. */
  private static int[] rowsOf(int[] labels, int[] renumber) {
    return IntStream.range(0, labels.length).filter(i -> renumber[labels[i]] >= 0).toArray();
  }

  /**
   * Writes {@code features} to {@code file} whole or not at all: a temporary file of its own (two
   * processes may build the same features at once), then a rename.
   */
  private static void write(Path file, Matrix features) {
    try {
      Files.createDirectories(file.getParent());
      Path temporary = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
      Npy.writeMatrix(temporary, features);
      Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("caching transferred features in " + file, e);
    }
  }

  /**
   * Parses {@code transfer:SOURCE:FROM->TO[@SEED]}: FROM and TO list classes and ranges
   * ({@code 5-9}, {@code 0,2,4}, {@code 0-2,7}), disjoint and each non-empty.
   *
   * @throws InvalidInputException naming the part that does not parse and what is expected
   */
  static Spec parse(String spec) {
    String example = "; expected transfer:SOURCE:FROM->TO[@SEED], e.g. transfer:fashion-mnist:5-9->0-4";
    String rest = spec.substring(PREFIX.length() + 1).strip();
    long seed = 0;
    int at = rest.lastIndexOf('@');
    if (at >= 0 && at > rest.lastIndexOf("->")) {
      try {
        seed = Long.parseLong(rest.substring(at + 1).strip());
      } catch (NumberFormatException e) {
        throw new InvalidInputException("dataset '" + spec + "': seed '" + rest.substring(at + 1).strip()
            + "' is no integer" + example, e);
      }
      rest = rest.substring(0, at).strip();
    }
    int colon = rest.lastIndexOf(':');
    int arrow = rest.indexOf("->", colon + 1);
    if (colon <= 0 || arrow < 0) {
      throw new InvalidInputException("dataset '" + spec + "' names no source and classes" + example);
    }
    String source = rest.substring(0, colon).strip();
    int[] from = classes(spec, rest.substring(colon + 1, arrow), example);
    int[] to = classes(spec, rest.substring(arrow + 2), example);
    TreeSet<Integer> shared = new TreeSet<>();
    Arrays.stream(from).filter(c -> Arrays.stream(to).anyMatch(t -> t == c)).forEach(shared::add);
    if (!shared.isEmpty()) {
      throw new InvalidInputException("dataset '" + spec + "': classes " + shared + " are both source and target"
          + "; expected disjoint classes, so the extractor never saw the target's");
    }
    if (source.startsWith(PREFIX + ":")) {
      throw new InvalidInputException("dataset '" + spec + "': the source is itself a transfer" + example);
    }
    return new Spec(spec, source, from, to, seed);
  }

  /** {@code 5-9}, {@code 0,2,4} or {@code 0-2,7} as distinct classes in the order listed. */
  private static int[] classes(String spec, String text, String example) {
    TreeSet<Integer> seen = new TreeSet<>();
    IntStream.Builder out = IntStream.builder();
    for (String part : text.split(",", -1)) {
      String[] ends = part.strip().split("-", -1);
      try {
        int low = Integer.parseInt(ends[0].strip());
        int high = ends.length == 2 ? Integer.parseInt(ends[1].strip()) : low;
        if (ends.length > 2 || low < 0 || high < low) {
          throw new NumberFormatException(part);
        }
        for (int c = low; c <= high; c++) {
          if (!seen.add(c)) {
            throw new InvalidInputException("dataset '" + spec + "': class " + c + " is listed twice in '"
                + text.strip() + "'" + example);
          }
          out.add(c);
        }
      } catch (NumberFormatException e) {
        throw new InvalidInputException("dataset '" + spec + "': '" + part.strip() + "' is no class or range "
            + "of classes (a-b, a <= b)" + example, e);
      }
    }
    return out.build().toArray();
  }

  private static int[] concat(int[] a, int[] b) {
    int[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
