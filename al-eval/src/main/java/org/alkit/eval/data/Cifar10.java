package org.alkit.eval.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.alkit.api.InvalidInputException;
import org.alkit.api.Matrix;
import org.alkit.runtime.Dataset;

/**
 * Reads the binary version of CIFAR-10 (Krizhevsky, "Learning Multiple Layers of Features from
 * Tiny Images", 2009) from the folder a user unpacked it to: {@code data_batch_1.bin} …
 * {@code data_batch_5.bin} form the pool and {@code test_batch.bin} the test set (the official
 * split). Each record is one label byte 0..9 and 3 072 pixel bytes — the red, green and blue
 * 32 × 32 planes, row by row — scaled to [0, 1] (÷ 255) as float32; item shape
 * {@code [3, 32, 32]}. Class names come from {@code batches.meta.txt} when it is there, else the
 * ten standard names.
 */
final class Cifar10 {
  static final int SIDE = 32;
  static final int PIXELS = 3 * SIDE * SIDE;
  static final int RECORD = 1 + PIXELS;
  static final int BATCHES = 5;
  static final List<String> CLASSES = List.of("airplane", "automobile", "bird", "cat", "deer", "dog", "frog",
      "horse", "ship", "truck");

  private Cifar10() {}

  /**
   * The data set in {@code dir}.
   *
   * @throws InvalidInputException naming the file that is missing, truncated or holds a bad label
   */
  static Dataset read(String name, Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new InvalidInputException("dataset '" + name + "': " + dir + " is not a folder; expected the folder "
          + "of the CIFAR-10 binary version (data_batch_1.bin … data_batch_5.bin, test_batch.bin)");
    }
    List<Path> train = new ArrayList<>();
    for (int b = 1; b <= BATCHES; b++) {
      train.add(dir.resolve("data_batch_" + b + ".bin"));
    }
    Batch pool = batch(train);
    Batch test = batch(List.of(dir.resolve("test_batch.bin")));
    return new Dataset(name, pool.pixels, pool.labels, test.pixels, test.labels, CLASSES.size(),
        new int[] {3, SIDE, SIDE}, classNames(dir.resolve("batches.meta.txt")));
  }

  private record Batch(Matrix pixels, int[] labels) {}

  private static Batch batch(List<Path> files) {
    List<byte[]> contents = new ArrayList<>();
    int records = 0;
    for (Path file : files) {
      byte[] bytes = bytes(file);
      if (bytes.length == 0 || bytes.length % RECORD != 0) {
        throw new InvalidInputException("CIFAR-10 file " + file + " holds " + bytes.length + " bytes; expected a "
            + "positive multiple of " + RECORD + " (a label byte and " + PIXELS + " pixel bytes a record) — "
            + "the file is truncated or not a CIFAR-10 binary batch");
      }
      contents.add(bytes);
      records += bytes.length / RECORD;
    }
    float[] pixels = new float[records * PIXELS];
    int[] labels = new int[records];
    int at = 0;
    for (int f = 0; f < files.size(); f++) {
      byte[] bytes = contents.get(f);
      for (int r = 0; r < bytes.length / RECORD; r++, at++) {
        int label = bytes[r * RECORD] & 0xff;
        if (label >= CLASSES.size()) {
          throw new InvalidInputException("CIFAR-10 file " + files.get(f) + " gives record " + r + " label " + label
              + "; expected a class in [0, " + CLASSES.size() + ")");
        }
        labels[at] = label;
        for (int k = 0; k < PIXELS; k++) {
          pixels[at * PIXELS + k] = (bytes[r * RECORD + 1 + k] & 0xff) / 255f;
        }
      }
    }
    return new Batch(Matrix.wrap(records, PIXELS, pixels), labels);
  }

  private static List<String> classNames(Path meta) {
    if (!Files.exists(meta)) {
      return CLASSES;
    }
    List<String> names;
    try {
      names = Files.readAllLines(meta).stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
    } catch (IOException e) {
      throw new InvalidInputException("CIFAR-10 file " + meta + " could not be read: " + e.getMessage(), e);
    }
    if (names.size() != CLASSES.size()) {
      throw new InvalidInputException("CIFAR-10 file " + meta + " names " + names.size() + " classes; expected "
          + CLASSES.size() + ", one a line");
    }
    return names;
  }

  private static byte[] bytes(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new InvalidInputException("CIFAR-10 file " + file + " does not exist; expected data_batch_1.bin … "
          + "data_batch_5.bin and test_batch.bin in that folder", e);
    } catch (IOException e) {
      throw new InvalidInputException("CIFAR-10 file " + file + " could not be read: " + e.getMessage(), e);
    }
  }
}
