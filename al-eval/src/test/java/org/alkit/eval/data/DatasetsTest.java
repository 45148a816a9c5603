package org.alkit.eval.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.alkit.api.InvalidInputException;
import org.alkit.runtime.Dataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetsTest {
  @Test
  void embeddedOptdigitsHasAllRowsAndTenClasses() {
    Dataset d = Datasets.load("optdigits", 0.25, 1);
    assertThat(d.pool().rows() + d.test().rows()).isEqualTo(1797);
    assertThat(d.test().rows()).isEqualTo(449);
    assertThat(d.pool().cols()).isEqualTo(64);
    assertThat(d.itemShape()).containsExactly(1, 8, 8);
    assertThat(d.numClasses()).isEqualTo(10);
    assertThat(d.classNames()).containsExactly("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
    assertThat(Arrays.stream(d.poolLabels()).distinct().count()).isEqualTo(10);
  }

  @Test
  void sameSeedSameSplitOtherSeedOtherSplit() {
    Dataset a = Datasets.load("optdigits", 0.25, 1);
    assertThat(Datasets.load("optdigits", 0.25, 1).poolLabels()).isEqualTo(a.poolLabels());
    assertThat(Datasets.load("optdigits", 0.25, 2).poolLabels()).isNotEqualTo(a.poolLabels());
  }

  @Test
  void readsACsvFile(@TempDir Path dir) throws IOException {
    Path csv = dir.resolve("tiny.csv");
    Files.writeString(csv, "0.5,1,0\n1.5,2,1\n2.5,3,1\n3.5,4,0\n");
    Dataset d = Datasets.load(csv.toString(), 0.5, 3);
    assertThat(d.pool().rows()).isEqualTo(2);
    assertThat(d.numClasses()).isEqualTo(2);
  }

  @Test
  void namesTheLineOfABadRow(@TempDir Path dir) throws IOException {
    Path csv = dir.resolve("bad.csv");
    Files.writeString(csv, "0.5,1,0\n1.5,x,1\n");
    assertThatThrownBy(() -> Datasets.load(csv.toString(), 0.5, 3))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("line 2");
  }

  @Test
  void aHeaderRowOfNamesIsSkippedAndTheDataAreThoseWithout(@TempDir Path dir) throws IOException {
    String rows = "0.5,1,0\n1.5,2,1\n2.5,3,1\n3.5,4,0\n";
    Path plain = dir.resolve("plain.csv");
    Files.writeString(plain, rows);
    Path headed = dir.resolve("headed.csv");
    Files.writeString(headed, "f1, f2 ,label\n" + rows);
    Dataset a = Datasets.load(plain.toString(), 0.5, 3);
    Dataset b = Datasets.load(headed.toString(), 0.5, 3);
    assertThat(b.pool().rows()).isEqualTo(a.pool().rows());
    assertThat(b.poolLabels()).isEqualTo(a.poolLabels());
    assertThat(b.testLabels()).isEqualTo(a.testLabels());
    for (int i = 0; i < a.pool().rows(); i++) {
      assertThat(b.pool().row(i)).isEqualTo(a.pool().row(i));
    }
  }

  @Test
  void aFirstRowWithSomeNumbersIsDataAndAHeaderOfOtherWidthIsNamed(@TempDir Path dir) throws IOException {
    Path typo = dir.resolve("typo.csv");
    Files.writeString(typo, "0.5,x1,0\n1.5,2,1\n");
    assertThatThrownBy(() -> Datasets.load(typo.toString(), 0.5, 3))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("line 1").hasMessageContaining("x1");
    Path narrow = dir.resolve("narrow.csv");
    Files.writeString(narrow, "f1,label\n0.5,1,0\n1.5,2,1\n");
    assertThatThrownBy(() -> Datasets.load(narrow.toString(), 0.5, 3))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(narrow + " line 2 has 3 columns; expected 2 like line 1");
  }

  @Test
  void aLabelTheRowsCannotBackIsRefusedBeforeAnythingIsSizedByIt(@TempDir Path dir) throws IOException {
    Path csv = dir.resolve("id-as-label.csv");
    Files.writeString(csv, "0.5,0\n1.5,2147483640\n");
    assertThatThrownBy(() -> Datasets.load(csv.toString(), 0.5, 3))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("dataset '" + csv + "' has label 2147483640 among only 2 items; expected classes 0..C-1 each"
            + " with at least one item (renumber the labels)");
  }

  @Test
  void rejectsMissingFileAndBadFraction() {
    assertThatThrownBy(() -> Datasets.load("/no/such.csv", 0.5, 3))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("/no/such.csv")
        .hasMessageContaining("optdigits");
    assertThatThrownBy(() -> Datasets.load("optdigits", 1.5, 3))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("1.5");
  }
}
