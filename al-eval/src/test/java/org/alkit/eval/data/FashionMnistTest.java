package org.alkit.eval.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.alkit.api.InvalidInputException;
import org.alkit.runtime.Dataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The IDX reader and the Fashion-MNIST loader, on generated files and on the Debian package's. */
class FashionMnistTest {
  @TempDir Path dir;

  /** An IDX header for unsigned bytes of the given shape, then {@code values}. */
  private static byte[] idx(int[] shape, byte[] values) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    out.write(new byte[] {0, 0, 0x08, (byte) shape.length});
    for (int extent : shape) {
      out.writeInt(extent);
    }
    out.write(values);
    return bytes.toByteArray();
  }

  private static void gzip(Path file, byte[] content) throws IOException {
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      out.write(content);
    }
  }

  /** A tiny Fashion-MNIST layout: {@code trainItems} and {@code testItems} images of 28 × 28. */
  private void writeSplits(int trainItems, int testItems) throws IOException {
    for (String split : new String[] {"train", "t10k"}) {
      int n = split.equals("train") ? trainItems : testItems;
      byte[] pixels = new byte[n * 784];
      byte[] labels = new byte[n];
      for (int i = 0; i < n; i++) {
        pixels[i * 784] = (byte) 255;
        pixels[i * 784 + 1] = (byte) (i + 1);
        labels[i] = (byte) (i % 10);
      }
      gzip(dir.resolve(split + "-images-idx3-ubyte.gz"), idx(new int[] {n, 28, 28}, pixels));
      gzip(dir.resolve(split + "-labels-idx1-ubyte.gz"), idx(new int[] {n}, labels));
    }
  }

  @Test
  void readsGeneratedFilesWithTheirOwnTestSplit() throws IOException {
    writeSplits(12, 5);
    Dataset d = Datasets.fashionMnist(dir);
    assertThat(d.pool().rows()).isEqualTo(12);
    assertThat(d.test().rows()).isEqualTo(5);
    assertThat(d.pool().cols()).isEqualTo(784);
    assertThat(d.itemShape()).containsExactly(1, 28, 28);
    assertThat(d.classNames()).hasSize(10).startsWith("T-shirt/top").endsWith("Ankle boot");
    assertThat(d.pool().get(3, 0)).isEqualTo(1f);
    assertThat(d.pool().get(3, 1)).isEqualTo(4f / 255f);
    assertThat(d.pool().get(3, 2)).isZero();
    assertThat(d.poolLabels()).startsWith(0, 1, 2, 3);
    assertThat(d.testLabels()).containsExactly(0, 1, 2, 3, 4);
  }

  @Test
  void readsPlainUncompressedIdx() throws IOException {
    Path file = dir.resolve("plain.idx");
    Files.write(file, idx(new int[] {2, 3}, new byte[] {1, 2, 3, 4, 5, (byte) 200}));
    Idx.Array a = Idx.read(file);
    assertThat(a.shape()).containsExactly(2, 3);
    assertThat(a.itemSize()).isEqualTo(3);
    assertThat(a.values()[5] & 0xff).isEqualTo(200);
  }

  @Test
  void refusesATruncatedFileNamingIt() throws IOException {
    Path file = dir.resolve("short.gz");
    gzip(file, idx(new int[] {3, 28, 28}, new byte[784 * 2]));
    assertThatThrownBy(() -> Idx.read(file)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(file.toString()).hasMessageContaining("truncated")
        .hasMessageContaining("2352").hasMessageContaining("1568");
  }

  @Test
  void refusesAHeaderClaimingMoreThanTheFileHoldsWithoutAllocatingIt() throws IOException {
    Path file = dir.resolve("huge.idx");
    Files.write(file, idx(new int[] {2_000_000, 28, 28}, new byte[100]));
    assertThatThrownBy(() -> Idx.read(file)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("truncated").hasMessageContaining("holds 100");
    Path overflow = dir.resolve("overflow.idx");
    Files.write(overflow, idx(new int[] {Integer.MAX_VALUE, 28, 28}, new byte[0]));
    assertThatThrownBy(() -> Idx.read(overflow)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(overflow.toString()).hasMessageContaining("fits one Java array");
  }

  @Test
  void refusesBadMagicTypeExtentsTrailingBytesAndCorruptGzip() throws IOException {
    Path text = dir.resolve("text.idx");
    Files.writeString(text, "hello world");
    assertThatThrownBy(() -> Idx.read(text)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(text.toString()).hasMessageContaining("68 65 6c 6c");
    Path floats = dir.resolve("floats.idx");
    byte[] header = idx(new int[] {1}, new byte[4]);
    header[2] = 0x0D;
    Files.write(floats, header);
    assertThatThrownBy(() -> Idx.read(floats)).hasMessageContaining("0x0d").hasMessageContaining("0x08");
    Path zero = dir.resolve("zero.idx");
    Files.write(zero, idx(new int[] {0, 28}, new byte[0]));
    assertThatThrownBy(() -> Idx.read(zero)).hasMessageContaining("extent 0");
    Path trailing = dir.resolve("trailing.idx");
    Files.write(trailing, idx(new int[] {2}, new byte[3]));
    assertThatThrownBy(() -> Idx.read(trailing)).hasMessageContaining("continues past");
    Path empty = dir.resolve("empty.idx");
    Files.write(empty, new byte[0]);
    assertThatThrownBy(() -> Idx.read(empty)).hasMessageContaining("empty file");
    Path corrupt = dir.resolve("corrupt.gz");
    gzip(corrupt, idx(new int[] {100}, new byte[100]));
    byte[] bytes = Files.readAllBytes(corrupt);
    Files.write(corrupt, Arrays.copyOf(bytes, bytes.length - 12));
    assertThatThrownBy(() -> Idx.read(corrupt)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(corrupt.toString());
  }

  @Test
  void refusesLabelsThatDoNotMatchTheImages() throws IOException {
    writeSplits(4, 3);
    gzip(dir.resolve("t10k-labels-idx1-ubyte.gz"), idx(new int[] {2}, new byte[2]));
    assertThatThrownBy(() -> Datasets.fashionMnist(dir)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("t10k-labels-idx1-ubyte.gz").hasMessageContaining("[3]");
    gzip(dir.resolve("t10k-labels-idx1-ubyte.gz"), idx(new int[] {3}, new byte[] {0, 10, 1}));
    assertThatThrownBy(() -> Datasets.fashionMnist(dir)).hasMessageContaining("label 10");
  }

  @Test
  void readsAFolderNamedInTheSourceOrTheEnvironment() throws IOException {
    writeSplits(6, 2);
    Dataset named = Datasets.load(Datasets.FASHION_MNIST + ":" + dir, 0.25, 1);
    assertThat(named.pool().rows()).isEqualTo(6);
    assertThat(named.test().rows()).isEqualTo(2);
    assertThat(named.name()).isEqualTo(Datasets.FASHION_MNIST);
    assertThat(Datasets.fashionMnistDir(Map.of(Datasets.FASHION_MNIST_ENV, dir.toString()))).isEqualTo(dir);
    assertThat(Datasets.fashionMnistDir(Map.of(Datasets.FASHION_MNIST_ENV, " ")))
        .isEqualTo(Path.of(Datasets.FASHION_MNIST_DIR));
    assertThat(Datasets.fashionMnistDir(Map.of())).isEqualTo(Path.of(Datasets.FASHION_MNIST_DIR));
  }

  @Test
  void saysHowToInstallTheMissingPackage() {
    assertThatThrownBy(() -> Datasets.fashionMnist(dir.resolve("absent")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("apt-get install dataset-fashion-mnist")
        .hasMessageContaining(Datasets.FASHION_MNIST_ENV);
  }

  @Test
  void loadsTheDebianPackage() {
    assumeTrue(Files.isDirectory(Datasets.fashionMnistDir(System.getenv())),
        "the Debian package dataset-fashion-mnist is not installed");
    Dataset d = Datasets.load(Datasets.FASHION_MNIST, 0.25, 1);
    assertThat(d.pool().rows()).isEqualTo(60_000);
    assertThat(d.test().rows()).isEqualTo(10_000);
    assertThat(d.pool().cols()).isEqualTo(784);
    int[] counts = new int[10];
    for (int y : d.poolLabels()) {
      counts[y]++;
    }
    assertThat(counts).containsOnly(6_000);
    float max = 0;
    for (int j = 0; j < 784; j++) {
      max = Math.max(max, d.pool().get(0, j));
    }
    assertThat(max).isBetween(0.5f, 1f);
  }
}
