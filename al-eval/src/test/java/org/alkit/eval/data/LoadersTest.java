package org.alkit.eval.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import javax.imageio.ImageIO;
import org.alkit.api.InvalidInputException;
import org.alkit.api.Matrix;
import org.alkit.runtime.Dataset;
import org.alkit.runtime.Npy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CIFAR-10, image-folder, .npy-pair and CSV loaders on small files written here. */
public class LoadersTest {
  @TempDir
  Path dir;

  /** {@code records} CIFAR records; record r has label (r + offset) % 10 and every pixel byte = r. */
  private static byte[] cifarBatch(int records, int offset) {
    byte[] out = new byte[records * Cifar10.RECORD];
    for (int r = 0; r < records; r++) {
      out[r * Cifar10.RECORD] = (byte) ((r + offset) % 10);
      Arrays.fill(out, r * Cifar10.RECORD + 1, (r + 1) * Cifar10.RECORD, (byte) (r * 50));
    }
    return out;
  }

  private Path cifar() throws IOException {
    Path folder = dir.resolve("cifar-10-batches-bin");
    Files.createDirectories(folder);
    for (int b = 1; b <= 5; b++) {
      Files.write(folder.resolve("data_batch_" + b + ".bin"), cifarBatch(3, b));
    }
    Files.write(folder.resolve("test_batch.bin"), cifarBatch(4, 0));
    return folder;
  }

  @Test
  void cifar10KeepsTheOfficialSplitScalesPixelsAndNamesClasses() throws IOException {
    Path folder = cifar();
    Dataset d = Datasets.load("cifar10:" + folder, 0.25, 1);
    assertThat(d.pool().rows()).isEqualTo(15);
    assertThat(d.test().rows()).isEqualTo(4);
    assertThat(d.pool().cols()).isEqualTo(3072);
    assertThat(d.itemShape()).containsExactly(3, 32, 32);
    assertThat(d.classNames()).startsWith("airplane", "automobile").hasSize(10);
    assertThat(d.poolLabels()).startsWith(1, 2, 3, 2, 3, 4);
    assertThat(d.pool().get(1, 0)).isEqualTo(50 / 255f);
    assertThat(d.pool().get(2, 3071)).isEqualTo(100 / 255f);
    assertThat(d.testLabels()).containsExactly(0, 1, 2, 3);
  }

  @Test
  void cifar10ReadsClassNamesFromTheMetaFile() throws IOException {
    Path folder = cifar();
    Files.writeString(folder.resolve("batches.meta.txt"), "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\n\n");
    assertThat(Datasets.load("cifar10:" + folder, 0.25, 1).classNames()).startsWith("a", "b").hasSize(10);
  }

  @Test
  void aTruncatedCifarBatchIsNamed() throws IOException {
    Path folder = cifar();
    Path batch = folder.resolve("data_batch_3.bin");
    Files.write(batch, Arrays.copyOf(Files.readAllBytes(batch), 2 * Cifar10.RECORD + 100));
    assertThatThrownBy(() -> Datasets.load("cifar10:" + folder, 0.25, 1)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(batch.toString()).hasMessageContaining("truncated");
  }

  @Test
  void aMissingCifarBatchOrABadLabelIsNamed() throws IOException {
    Path folder = cifar();
    byte[] bad = cifarBatch(2, 0);
    bad[Cifar10.RECORD] = 12;
    Files.write(folder.resolve("test_batch.bin"), bad);
    assertThatThrownBy(() -> Datasets.load("cifar10:" + folder, 0.25, 1)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("test_batch.bin").hasMessageContaining("label 12");
    Files.delete(folder.resolve("data_batch_5.bin"));
    assertThatThrownBy(() -> Datasets.load("cifar10:" + folder, 0.25, 1)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("data_batch_5.bin");
    assertThatThrownBy(() -> Datasets.load("cifar10:" + dir.resolve("none"), 0.25, 1))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("none");
  }

  /** A grey 8-bit image whose pixel (x, y) is {@code base + x + y}. */
  private static BufferedImage grey(int w, int h, int base) {
    BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        image.getRaster().setSample(x, y, 0, base + x + y);
      }
    }
    return image;
  }

  private Path neu() throws IOException {
    return neuFolders(dir);
  }

  /** Three NEU-style class folders of four 5 × 4 grey images each (BMP and PNG) under {@code dir/NEU}. */
  public static Path neuFolders(Path dir) throws IOException {
    Path root = dir.resolve("NEU");
    for (String cls : new String[] {"crazing", "inclusion", "patches"}) {
      Files.createDirectories(root.resolve(cls));
      for (int k = 0; k < 4; k++) {
        ImageIO.write(grey(5, 4, 10 * k), k % 2 == 0 ? "bmp" : "png", root.resolve(cls).resolve(cls + k
            + (k % 2 == 0 ? ".bmp" : ".png")).toFile());
      }
    }
    return root;
  }

  @Test
  void imageFoldersAreClassesAndPixelsGreyLevels() throws IOException {
    Dataset d = Datasets.load("images:" + neu(), 0.25, 3);
    assertThat(d.pool().rows() + d.test().rows()).isEqualTo(12);
    assertThat(d.test().rows()).isEqualTo(3);
    assertThat(d.classNames()).containsExactly("crazing", "inclusion", "patches");
    assertThat(d.itemShape()).containsExactly(1, 4, 5);
    ImageFolders.Images all = ImageFolders.read(dir.resolve("NEU"));
    assertThat(all.labels()).containsExactly(0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2);
    // the third image of a class: base 20; pixel (x = 4, y = 3) = 27, at row 3, column 4
    assertThat(all.pixels().get(2, 3 * 5 + 4)).isEqualTo(27 / 255f);
  }

  @Test
  void paletteImagesBecomeGreyByLuma() throws IOException {
    Path root = dir.resolve("palette");
    Files.createDirectories(root.resolve("only"));
    byte[] r = {0, (byte) 255};
    byte[] g = {0, (byte) 255};
    byte[] b = {0, (byte) 255};
    BufferedImage image = new BufferedImage(2, 1, BufferedImage.TYPE_BYTE_BINARY, new IndexColorModel(1, 2, r, g, b));
    image.getRaster().setSample(0, 0, 0, 1);
    ImageIO.write(image, "png", root.resolve("only").resolve("a.png").toFile());
    Matrix pixels = ImageFolders.read(root).pixels();
    assertThat(pixels.get(0, 0)).isEqualTo(1f, org.assertj.core.data.Offset.offset(1e-6f));
    assertThat(pixels.get(0, 1)).isZero();
  }

  @Test
  void aCorruptImageOrOneOfAnotherSizeIsNamed() throws IOException {
    Path root = neu();
    Path odd = root.resolve("inclusion").resolve("odd.png");
    ImageIO.write(grey(6, 4, 0), "png", odd.toFile());
    assertThatThrownBy(() -> Datasets.load("images:" + root, 0.25, 3)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(odd.toString()).hasMessageContaining("6 × 4");
    Files.delete(odd);
    Path broken = root.resolve("patches").resolve("patches0.bmp");
    Files.write(broken, Arrays.copyOf(Files.readAllBytes(broken), 30));
    assertThatThrownBy(() -> Datasets.load("images:" + root, 0.25, 3)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(broken.toString());
    Files.writeString(broken, "not an image at all");
    assertThatThrownBy(() -> Datasets.load("images:" + root, 0.25, 3)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(broken.toString());
  }

  @Test
  void anEmptyClassFolderOrNoFolderIsNamed() throws IOException {
    Path root = neu();
    Files.createDirectories(root.resolve("scratches"));
    assertThatThrownBy(() -> Datasets.load("images:" + root, 0.25, 3)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("scratches").hasMessageContaining("no images");
    assertThatThrownBy(() -> Datasets.load("images:" + dir.resolve("nowhere"), 0.25, 3))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("nowhere");
  }

  @Test
  void npyPairsGiveRowsLabelsAndItemShape() {
    Path x = dir.resolve("x.npy");
    Path y = dir.resolve("y.npy");
    float[][] rows = new float[8][];
    for (int i = 0; i < 8; i++) {
      rows[i] = new float[] {i, 10 - i, 0.5f * i};
    }
    Npy.writeMatrix(x, Matrix.of(rows));
    Npy.writeInts(y, new int[] {0, 1, 2, 0, 1, 2, 0, 1});
    Dataset d = Datasets.load("npy:" + x + "," + y, 0.25, 2);
    assertThat(d.pool().rows()).isEqualTo(6);
    assertThat(d.numClasses()).isEqualTo(3);
    assertThat(d.itemShape()).containsExactly(3);
    for (int i = 0; i < d.pool().rows(); i++) {
      float v = d.pool().get(i, 0);
      assertThat(d.pool().row(i)).containsExactly(v, 10 - v, 0.5f * v);
    }
  }

  @Test
  void badNpyPairsAreNamed() throws IOException {
    Path x = dir.resolve("x.npy");
    Path y = dir.resolve("y.npy");
    Npy.writeMatrix(x, Matrix.of(new float[][] {{1, 2}, {3, 4}}));
    Npy.writeInts(y, new int[] {0, 1, 1});
    assertThatThrownBy(() -> Datasets.load("npy:" + x + "," + y, 0.25, 2)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(y.toString()).hasMessageContaining("3 labels for the 2 rows");
    Files.write(x, Arrays.copyOf(Files.readAllBytes(x), 70));
    assertThatThrownBy(() -> Datasets.load("npy:" + x + "," + y, 0.25, 2)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(x.toString());
    assertThatThrownBy(() -> Datasets.load("npy:" + x, 0.25, 2)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("npy:FEATURES.npy,LABELS.npy");
  }

  @Test
  void aTruncatedGzipCsvIsNamed() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (OutputStream out = new GZIPOutputStream(bytes)) {
      for (int i = 0; i < 2000; i++) {
        out.write((i + "," + (i * 7 % 13) + "," + (i % 3) + "\n").getBytes());
      }
    }
    Path csv = dir.resolve("data.csv.gz");
    Files.write(csv, Arrays.copyOf(bytes.toByteArray(), bytes.size() / 2));
    assertThatThrownBy(() -> Datasets.load(csv.toString(), 0.25, 2)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(csv.toString());
  }
}
