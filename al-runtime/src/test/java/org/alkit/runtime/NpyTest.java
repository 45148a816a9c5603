package org.alkit.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.alkit.api.InvalidInputException;
import org.alkit.api.Matrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NpyTest {
  @TempDir Path dir;

  /** A version-1.0 file written byte by byte, as NumPy would: magic, version, header, data. */
  private Path file(String name, String dict, byte[] data) throws IOException {
    return file(name, 1, dict, data);
  }

  private Path file(String name, int major, String dict, byte[] data) throws IOException {
    int prefix = major == 1 ? 10 : 12;
    int total = ((prefix + dict.length() + 1 + 63) / 64) * 64;
    String header = dict + " ".repeat(total - prefix - dict.length() - 1) + "\n";
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', (byte) major, 0});
    ByteBuffer len = ByteBuffer.allocate(major == 1 ? 2 : 4).order(ByteOrder.LITTLE_ENDIAN);
    if (major == 1) {
      len.putShort((short) header.length());
    } else {
      len.putInt(header.length());
    }
    out.write(len.array());
    out.write(header.getBytes(StandardCharsets.US_ASCII));
    out.write(data);
    Path p = dir.resolve(name);
    Files.write(p, out.toByteArray());
    return p;
  }

  private static byte[] floats(float... values) {
    ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
    for (float v : values) {
      b.putFloat(v);
    }
    return b.array();
  }

  private static byte[] longs(long... values) {
    ByteBuffer b = ByteBuffer.allocate(8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
    for (long v : values) {
      b.putLong(v);
    }
    return b.array();
  }

  @Test
  void readsAHandWrittenFloat32MatrixInBothHeaderVersions() throws IOException {
    byte[] data = floats(1, 2, 3, 4, 5, 6);
    String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }";
    Matrix expected = Matrix.of(new float[][] {{1, 2, 3}, {4, 5, 6}});
    assertThat(Npy.readMatrix(file("v1.npy", 1, dict, data))).isEqualTo(expected);
    assertThat(Npy.readMatrix(file("v2.npy", 2, dict, data))).isEqualTo(expected);
    assertThat(Npy.readMatrix(file("v3.npy", 3, dict, data))).isEqualTo(expected);
  }

  @Test
  void readsInt64IndicesAndAColumnOfIndices() throws IOException {
    assertThat(Npy.readIndices(file("i.npy", "{'descr': '<i8', 'fortran_order': False, 'shape': (3,), }",
        longs(7, 0, 42)))).containsExactly(7, 0, 42);
    assertThat(Npy.readIndices(file("c.npy", "{'descr': '|b1', 'fortran_order': False, 'shape': (2, 1), }",
        new byte[] {1, 0}))).containsExactly(1, 0);
  }

  @Test
  void readsAStack() throws IOException {
    List<Matrix> stack = Npy.readStack(file("s.npy",
        "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 1, 2), }", floats(1, 2, 3, 4)));
    assertThat(stack).containsExactly(Matrix.of(new float[][] {{1, 2}}), Matrix.of(new float[][] {{3, 4}}));
  }

  @Test
  void aStackOfEmptyMatricesIsReadWithoutAListAsLongAsItsHeaderClaims() throws IOException {
    List<Matrix> stack = Npy.readStack(file("empty.npy",
        "{'descr': '<f4', 'fortran_order': False, 'shape': (2147483639, 65536, 0), }", new byte[0]));
    assertThat(stack).hasSize(2147483639);
    assertThat(stack.get(2147483638)).isEqualTo(Matrix.wrap(65536, 0, new float[0]));
  }

  @Test
  void headerPiecesInMessagesAreEscapedAndCapped() throws IOException {
    Path newline = file("nl.npy", "{'descr': '<f4', 'fortran_order': False, 'shape': (1,\n x), }", floats(1));
    assertThatThrownBy(() -> Npy.readMatrix(newline)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("malformed shape (1,\\x0a x)").hasMessageNotContaining("\n");
    Path longDescr = file("d.npy", "{'descr': '" + "f".repeat(200) + "', 'fortran_order': False, 'shape': (1,), }",
        floats(1));
    assertThatThrownBy(() -> Npy.read(longDescr)).hasMessageContaining("'" + "f".repeat(80) + "…'");
  }

  @ParameterizedTest
  @CsvSource({"FLOAT32, 1", "FLOAT64, 1", "INT32, 1", "INT64, 1", "UINT8, 1", "BOOL, 1",
      "FLOAT32, 2", "FLOAT64, 2", "INT32, 2", "INT64, 2", "UINT8, 2", "BOOL, 2"})
  void roundTripsEveryDtypeInBothVersions(NpyArray.Dtype dtype, int version) throws IOException {
    double[] values = dtype == NpyArray.Dtype.BOOL ? new double[] {1, 0, 0, 1, 1, 0}
        : dtype.isInteger() ? new double[] {0, 1, 2, 200, 17, 255} : new double[] {0.5, -1.25, 3, 1e-3, 7, -0.0};
    if (dtype == NpyArray.Dtype.FLOAT32) {
      values[3] = (float) values[3];
    }
    NpyArray array = new NpyArray(dtype, new int[] {2, 3}, values);
    Path p = dir.resolve(dtype + ".npy");
    Files.write(p, Npy.encode(array, version));
    byte[] bytes = Files.readAllBytes(p);
    assertThat(bytes[6]).isEqualTo((byte) version);
    assertThat((bytes.length - array.size() * dtype.size()) % 64).isZero();
    assertThat(Npy.read(p)).isEqualTo(array);
  }

  @Test
  void convenienceWritersRoundTrip() {
    Matrix m = Matrix.of(new float[][] {{1.5f, -2}, {0, 3}, {4, 5}});
    Npy.writeMatrix(dir.resolve("m.npy"), m);
    assertThat(Npy.readMatrix(dir.resolve("m.npy"))).isEqualTo(m);
    Npy.writeInts(dir.resolve("i.npy"), new int[] {3, -1, Integer.MAX_VALUE});
    assertThat(Npy.readIndices(dir.resolve("i.npy"))).containsExactly(3, -1, Integer.MAX_VALUE);
    assertThat(Npy.read(dir.resolve("i.npy")).dtype()).isEqualTo(NpyArray.Dtype.INT32);
  }

  @Test
  void missingFileIsNamed() {
    Path p = dir.resolve("absent.npy");
    assertThatThrownBy(() -> Npy.read(p)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(p.toString()).hasMessageContaining("no such file");
  }

  @Test
  void badMagicIsRejected() throws IOException {
    Path p = dir.resolve("text.npy");
    Files.writeString(p, "a,b,c\n1,2,3\n");
    assertThatThrownBy(() -> Npy.read(p)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(p.toString()).hasMessageContaining("not a .npy file");
  }

  @Test
  void fortranOrderIsRejected() throws IOException {
    Path p = file("f.npy", "{'descr': '<f4', 'fortran_order': True, 'shape': (1, 1), }", floats(1));
    assertThatThrownBy(() -> Npy.read(p)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("fortran_order is True; expected C order");
  }

  @Test
  void bigEndianObjectAndUnknownDtypesAreRejected() throws IOException {
    Path big = file("b.npy", "{'descr': '>f4', 'fortran_order': False, 'shape': (1,), }", floats(1));
    assertThatThrownBy(() -> Npy.read(big)).hasMessageContaining(">f4 is big-endian");
    Path obj = file("o.npy", "{'descr': '|O', 'fortran_order': False, 'shape': (1,), }", new byte[8]);
    assertThatThrownBy(() -> Npy.read(obj)).hasMessageContaining("object (pickled) array");
    Path c = file("c.npy", "{'descr': '<c16', 'fortran_order': False, 'shape': (1,), }", new byte[16]);
    assertThatThrownBy(() -> Npy.read(c)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("'<c16' is not supported; expected one of <f4, <f8, <i4, <i8, |u1, |b1");
  }

  @Test
  void truncatedDataSaysExpectedAndActualBytes() throws IOException {
    Path p = file("t.npy", "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }", floats(1, 2, 3));
    assertThatThrownBy(() -> Npy.read(p)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("truncated data").hasMessageContaining("needs 24 bytes, found 12");
  }

  @Test
  void aHeaderThatUnderstatesTheDataIsRejected() throws IOException {
    Path p = file("l.npy", "{'descr': '<f4', 'fortran_order': False, 'shape': (1,), }", floats(1, 2));
    assertThatThrownBy(() -> Npy.read(p)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("accounts for 4 data bytes but the file holds 8");
  }

  @Test
  void aHeaderLongerThanTheFileIsTruncated() throws IOException {
    Path p = dir.resolve("h.npy");
    Files.write(p, new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, (byte) 0xFF, 0x00, '{'});
    assertThatThrownBy(() -> Npy.read(p)).hasMessageContaining("truncated header");
  }

  @Test
  void malformedHeadersNameTheProblem() throws IOException {
    Path noDict = file("n.npy", "descr <f4", new byte[0]);
    assertThatThrownBy(() -> Npy.read(noDict)).hasMessageContaining("malformed header");
    Path noShape = file("s.npy", "{'descr': '<f4', 'fortran_order': False, }", new byte[0]);
    assertThatThrownBy(() -> Npy.read(noShape)).hasMessageContaining("key 'shape' is missing");
    Path badShape = file("b.npy", "{'descr': '<f4', 'fortran_order': False, 'shape': (2, x), }", new byte[0]);
    assertThatThrownBy(() -> Npy.read(badShape)).hasMessageContaining("malformed shape (2, x)");
  }

  @Test
  void shapeExpectationsAreNamed() throws IOException {
    Path vector = file("v.npy", "{'descr': '<f4', 'fortran_order': False, 'shape': (3,), }", floats(1, 2, 3));
    assertThatThrownBy(() -> Npy.readMatrix(vector)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("shape (3,) has 1 dimension(s); expected 2 (rows, cols)");
    assertThatThrownBy(() -> Npy.readStack(vector)).hasMessageContaining("expected 3 (T, rows, cols)");
    assertThatThrownBy(() -> Npy.readIndices(vector))
        .hasMessageContaining("dtype <f4 holds no indices; expected an integer or bool dtype");
    Path wide = file("w.npy", "{'descr': '<i8', 'fortran_order': False, 'shape': (1, 2), }", longs(1, 2));
    assertThatThrownBy(() -> Npy.readIndices(wide)).hasMessageContaining("shape (1, 2); expected a 1-D array");
    Path huge = file("h.npy", "{'descr': '<i8', 'fortran_order': False, 'shape': (1,), }", longs(1L << 40));
    assertThatThrownBy(() -> Npy.readIndices(huge)).hasMessageContaining("element 0 = 1099511627776");
  }

  @Test
  void arrayChecksItsShapeAgainstItsValues() {
    assertThatThrownBy(() -> new NpyArray(NpyArray.Dtype.INT32, new int[] {2, 2}, new double[3]))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("holds 4 elements but values has 3");
  }

  @Test
  void hugeShapesAreRefusedByTheirSizeBeforeAnythingIsAllocated() throws IOException {
    Path rows = file("r.npy", "{'descr': '<f4', 'fortran_order': False, 'shape': (100000000000, 3), }", floats(1, 2));
    assertThatThrownBy(() -> Npy.readMatrix(rows)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("truncated data").hasMessageContaining("needs 1200000000000 bytes, found 8");
    Path overflow = file("o.npy",
        "{'descr': '<f8', 'fortran_order': False, 'shape': (999999999999999999, 999999999999999999), }", floats(1));
    assertThatThrownBy(() -> Npy.header(overflow)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("needs more than 2^63 bytes");
    Path digits = file("d.npy", "{'descr': '<f4', 'fortran_order': False, 'shape': (12345678901234567890,), }",
        floats(1));
    assertThatThrownBy(() -> Npy.header(digits)).hasMessageContaining("not a non-negative integer");
    Path negative = file("n.npy", "{'descr': '<f4', 'fortran_order': False, 'shape': (-1, 2), }", floats(1));
    assertThatThrownBy(() -> Npy.header(negative)).hasMessageContaining("'-1' is not a non-negative integer");
  }

  @Test
  void aHeaderLongerThanNumPyWritesIsRefused() throws IOException {
    Path p = dir.resolve("long.npy");
    ByteBuffer b = ByteBuffer.allocate(12 + (2 << 20)).order(ByteOrder.LITTLE_ENDIAN);
    b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 2, 0}).putInt(2 << 20);
    Files.write(p, b.array());
    assertThatThrownBy(() -> Npy.header(p)).hasMessageContaining("header of 2097152 bytes; expected at most");
  }

  @Test
  void everyDtypeReadsAsAFloatMatrixAndHeadersReadAlone() throws IOException {
    Matrix expected = Matrix.of(new float[][] {{0, 1, 2}, {200, 17, 255}});
    for (NpyArray.Dtype dtype : new NpyArray.Dtype[] {NpyArray.Dtype.FLOAT64, NpyArray.Dtype.INT32,
        NpyArray.Dtype.INT64, NpyArray.Dtype.UINT8}) {
      Path p = dir.resolve(dtype + ".npy");
      Npy.write(p, new NpyArray(dtype, new int[] {2, 3}, new double[] {0, 1, 2, 200, 17, 255}));
      assertThat(Npy.readMatrix(p)).as("%s", dtype).isEqualTo(expected);
      assertThat(Npy.header(p)).isEqualTo(new Npy.Header(dtype, new int[] {2, 3}));
    }
  }

  /** Any corruption of a valid file either still reads or is refused with InvalidInputException. */
  @net.jqwik.api.Property(tries = 300)
  void corruptedFilesAreReadOrRefusedNeverCrash(@net.jqwik.api.ForAll("positions") int position,
      @net.jqwik.api.ForAll byte value) throws IOException {
    NpyArray array = new NpyArray(NpyArray.Dtype.FLOAT32, new int[] {3, 2}, new double[] {1, 2, 3, 4, 5, 6});
    byte[] bytes = Npy.encode(array, 1);
    bytes[position % bytes.length] = value;
    Path p = Files.createTempFile("fuzz", ".npy");
    try {
      Files.write(p, bytes);
      for (Runnable read : List.<Runnable>of(() -> Npy.readMatrix(p), () -> Npy.readStack(p),
          () -> Npy.readIndices(p), () -> Npy.read(p))) {
        try {
          read.run();
        } catch (InvalidInputException expected) {
          assertThat(expected.getMessage()).contains(p.toString());
        }
      }
    } finally {
      Files.delete(p);
    }
  }

  @net.jqwik.api.Provide
  net.jqwik.api.Arbitrary<Integer> positions() {
    return net.jqwik.api.Arbitraries.integers().between(0, 88);
  }

  @ParameterizedTest
  @CsvSource({"FLOAT32", "FLOAT64", "INT64"})
  void rowRangesAreSlicesOfTheWholeFile(NpyArray.Dtype dtype) {
    double[] values = new double[3 * 5 * 2];
    java.util.Arrays.setAll(values, k -> k);
    Path matrix = dir.resolve("m-" + dtype + ".npy");
    Npy.write(matrix, new NpyArray(dtype, new int[] {15, 2}, values));
    Matrix whole = Npy.readMatrix(matrix);
    Matrix rows = Npy.readMatrixRows(matrix, 4, 9);
    assertThat(rows.rows()).isEqualTo(5);
    for (int i = 0; i < 5; i++) {
      assertThat(new float[] {rows.get(i, 0), rows.get(i, 1)}).containsExactly(whole.get(4 + i, 0), whole.get(4 + i, 1));
    }
    Path stack = dir.resolve("s-" + dtype + ".npy");
    Npy.write(stack, new NpyArray(dtype, new int[] {3, 5, 2}, values));
    List<Matrix> all = Npy.readStack(stack);
    List<Matrix> some = Npy.readStackRows(stack, 1, 4);
    for (int t = 0; t < 3; t++) {
      for (int i = 0; i < 3; i++) {
        assertThat(some.get(t).get(i, 1)).isEqualTo(all.get(t).get(1 + i, 1));
      }
    }
    assertThat(Npy.readStackRows(stack, 2, 2)).hasSize(3).allSatisfy(m -> assertThat(m.rows()).isZero());
  }

  @Test
  void predictionHistoryItemsAreRowsOfTheWholeHistory() {
    double[] history = new double[3 * 6];
    java.util.Arrays.setAll(history, k -> k % 7);
    Path file = dir.resolve("history.npy");
    Npy.write(file, new NpyArray(NpyArray.Dtype.INT32, new int[] {3, 6}, history));
    Matrix whole = Npy.readPredictionHistory(file);
    Matrix items = Npy.readPredictionHistoryRows(file, 2, 5);
    for (int i = 0; i < 3; i++) {
      for (int e = 0; e < 3; e++) {
        assertThat(items.get(i, e)).isEqualTo(whole.get(2 + i, e));
      }
    }
  }

  @Test
  void aRowRangeOutsideTheFileIsOneLine() {
    Path file = dir.resolve("small.npy");
    Npy.write(file, new NpyArray(NpyArray.Dtype.FLOAT32, new int[] {4, 2}, new double[8]));
    assertThatThrownBy(() -> Npy.readMatrixRows(file, 3, 5)).isInstanceOf(InvalidInputException.class)
        .hasMessage(file + ": rows [3, 5); expected a range inside [0, 4]");
    assertThatThrownBy(() -> Npy.readMatrixRows(file, 2, 1)).isInstanceOf(InvalidInputException.class)
        .hasMessage(file + ": rows [2, 1); expected a range inside [0, 4]");
  }
}
