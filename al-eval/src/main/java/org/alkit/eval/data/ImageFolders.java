package org.alkit.eval.data;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.alkit.api.InvalidInputException;
import org.alkit.api.Matrix;

/**
 * Reads a folder of image folders, one per class, as the NEU surface-defect database ships (Song
 * &amp; Yan, "A noise robust method based on completed local binary patterns for hot-rolled steel
 * strip surface defect detection", Applied Surface Science 2013: six classes of 200 × 200 grey
 * BMP images). The class folders, sorted by name, are the classes {@code 0 … C−1} and their
 * names; the images in each (BMP, PNG, JPEG or GIF, sorted by file name) must share one size.
 * Pixels become grey levels in [0, 1] (colour images by ITU-R BT.601 luma); item shape
 * {@code [1, h, w]}. The caller splits pool and test.
 */
final class ImageFolders {
  private static final List<String> EXTENSIONS = List.of(".bmp", ".png", ".jpg", ".jpeg", ".gif");

  private ImageFolders() {}

  /** The images under {@code root}, their labels, item shape and class names. */
  record Images(Matrix pixels, int[] labels, int[] itemShape, List<String> classNames) {}

  /**
   * Reads every image under {@code root}.
   *
   * @throws InvalidInputException naming the folder or the image that is missing, unreadable,
   *     corrupt or of another size
   */
  static Images read(Path root) {
    if (!Files.isDirectory(root)) {
      throw new InvalidInputException("image folder " + root + " does not exist; expected a folder with one "
          + "sub-folder of images per class");
    }
    List<Path> classes = list(root).stream().filter(Files::isDirectory).toList();
    if (classes.isEmpty()) {
      throw new InvalidInputException("image folder " + root + " has no class folders; expected one sub-folder of "
          + "images per class");
    }
    List<String> names = new ArrayList<>();
    List<Integer> labels = new ArrayList<>();
    List<float[]> rows = new ArrayList<>();
    int[] size = null;
    Path first = null;
    for (int c = 0; c < classes.size(); c++) {
      Path folder = classes.get(c);
      names.add(folder.getFileName().toString());
      List<Path> images = list(folder).stream().filter(ImageFolders::isImage).toList();
      if (images.isEmpty()) {
        throw new InvalidInputException("class folder " + folder + " holds no images; expected files ending in "
            + String.join(", ", EXTENSIONS));
      }
      for (Path file : images) {
        BufferedImage image = image(file);
        int[] shape = {image.getHeight(), image.getWidth()};
        if (size == null) {
          size = shape;
          first = file;
        } else if (!Arrays.equals(size, shape)) {
          throw new InvalidInputException("image " + file + " is " + shape[1] + " × " + shape[0] + " pixels but "
              + first + " is " + size[1] + " × " + size[0] + "; expected every image of one size");
        }
        rows.add(grey(image));
        labels.add(c);
      }
    }
    int d = size[0] * size[1];
    float[] pixels = new float[rows.size() * d];
    for (int i = 0; i < rows.size(); i++) {
      System.arraycopy(rows.get(i), 0, pixels, i * d, d);
    }
    return new Images(Matrix.wrap(rows.size(), d, pixels), labels.stream().mapToInt(Integer::intValue).toArray(),
        new int[] {1, size[0], size[1]}, names);
  }

  private static boolean isImage(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return Files.isRegularFile(file) && EXTENSIONS.stream().anyMatch(name::endsWith);
  }

  private static List<Path> list(Path folder) {
    try (Stream<Path> entries = Files.list(folder)) {
      return entries.sorted().toList();
    } catch (IOException e) {
      throw new InvalidInputException("image folder " + folder + " could not be listed: " + e.getMessage(), e);
    }
  }

  private static BufferedImage image(Path file) {
    BufferedImage image;
    try {
      image = ImageIO.read(file.toFile());
    } catch (IOException | RuntimeException e) {
      throw new InvalidInputException("image " + file + " is corrupt or truncated: " + e.getMessage()
          + "; expected a readable BMP, PNG, JPEG or GIF", e);
    }
    if (image == null) {
      throw new InvalidInputException("image " + file + " is not in a format Java reads; expected BMP, PNG, JPEG "
          + "or GIF");
    }
    return image;
  }

  /** Grey levels in [0, 1], row by row: a grey band as it is, colour and palettes by BT.601 luma. */
  private static float[] grey(BufferedImage image) {
    int h = image.getHeight();
    int w = image.getWidth();
    float[] out = new float[h * w];
    boolean grey = image.getRaster().getNumBands() == 1 && !(image.getColorModel() instanceof IndexColorModel);
    int max = (1 << image.getColorModel().getComponentSize(0)) - 1;
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        if (grey) {
          out[y * w + x] = (float) image.getRaster().getSample(x, y, 0) / max;
        } else {
          int rgb = image.getRGB(x, y);
          double luma = 0.299 * (rgb >> 16 & 0xff) + 0.587 * (rgb >> 8 & 0xff) + 0.114 * (rgb & 0xff);
          out[y * w + x] = (float) (luma / 255);
        }
      }
    }
    return out;
  }
}
