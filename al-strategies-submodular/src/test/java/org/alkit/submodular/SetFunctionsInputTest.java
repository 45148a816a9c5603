package org.alkit.submodular;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.alkit.api.InvalidInputException;
import org.alkit.api.Matrix;
import org.alkit.api.SparseMatrix;
import org.alkit.api.UnknownNameException;
import org.alkit.submodular.Kernels.Block;
import org.junit.jupiter.api.Test;

/** What {@link SetFunctions#create} rejects, and how it says so. */
class SetFunctionsInputTest {
  private static final Matrix K3 = Matrix.of(new float[][] {{1, .5f, .2f}, {.5f, 1, .4f}, {.2f, .4f, 1}});
  private static final Matrix KQ3 = Matrix.of(new float[][] {{.9f}, {.1f}, {.3f}});

  @Test
  void listsEveryFunctionAndItsKernels() {
    assertThat(SetFunctions.names()).containsExactly("facility-location", "graph-cut", "log-det",
        "disparity-sum", "disparity-min", "flmi", "flvmi", "gcmi", "logdet-mi", "com", "flcg",
        "gccg", "logdet-cg", "flcmi", "logdet-cmi");
    assertThat(SetFunctions.requiredKernels("flvmi")).containsExactly(Block.QUERY);
    assertThat(SetFunctions.requiredKernels("logdet-mi"))
        .containsExactlyInAnyOrder(Block.DATA, Block.QUERY, Block.QUERY_QUERY);
    assertThat(SetFunctions.requiredKernels("logdet-cmi")).containsExactlyInAnyOrder(Block.values());
    assertThat(SetFunctions.acceptsSparseKernel("facility-location")).isTrue();
    assertThat(SetFunctions.acceptsSparseKernel("graph-cut")).isFalse();
    assertThat(SetFunctions.parameters("com")).extracting(p -> p.name()).containsExactly("eta", "mode");
  }

  @Test
  void unknownNameListsTheKnownOnes() {
    assertThatThrownBy(() -> SetFunctions.create("fl", Map.of(), Kernels.none().withKernel(K3)))
        .isInstanceOf(UnknownNameException.class)
        .hasMessageContaining("unknown function 'fl'")
        .hasMessageContaining("facility-location");
  }

  @Test
  void missingKernelNamesTheKernelAndTheFunction() {
    assertThatThrownBy(() -> SetFunctions.create("flmi", Map.of(), Kernels.none().withKernel(K3)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("function 'flmi' needs the query kernel KQ (n × q), none was given");
  }

  @Test
  void nonSquareKernelIsRejected() {
    Matrix k = Matrix.of(new float[][] {{1, 0, 0}, {0, 1, 0}});
    assertThatThrownBy(() -> SetFunctions.create("graph-cut", Map.of(), Kernels.none().withKernel(k)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("function 'graph-cut': the data kernel K (n × n) is 2 × 3, expected 2 × 2");
  }

  @Test
  void queryKernelNeedsOneRowPerGroundItem() {
    Kernels k = Kernels.none().withKernel(K3).withQueryKernel(KQ3.rows(0, 2));
    assertThatThrownBy(() -> SetFunctions.create("flmi", Map.of(), k))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("function 'flmi': the query kernel KQ (n × q) is 2 × 1, expected 3 × 1");
  }

  @Test
  void queryQueryKernelMustMatchTheQueries() {
    Kernels k = Kernels.none().withKernel(K3).withQueryKernel(KQ3).withQueryQueryKernel(K3);
    assertThatThrownBy(() -> SetFunctions.create("logdet-mi", Map.of(), k))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("query-query kernel KQQ (q × q) is 3 × 3, expected 1 × 1");
  }

  @Test
  void negativeParametersAreRejected() {
    Kernels k = Kernels.none().withKernel(K3).withQueryKernel(KQ3);
    assertThatThrownBy(() -> SetFunctions.create("log-det", Map.of("lambda", "-1"), k))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("function 'log-det': option 'lambda' = -1.0: expected >= 0");
    assertThatThrownBy(() -> SetFunctions.create("flmi", Map.of("eta", "-0.5"), k))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("function 'flmi': option 'eta' = -0.5: expected >= 0");
  }

  @Test
  void badOptionValuesAndUnknownOptionsAreRejected() {
    Kernels k = Kernels.none().withQueryKernel(KQ3);
    assertThatThrownBy(() -> SetFunctions.create("com", Map.of("mode", "cube"), k))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("option 'mode' = 'cube': expected one of log, sqrt, inverse");
    assertThatThrownBy(() -> SetFunctions.create("com", Map.of("lambda", "1"), k))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("function 'com' has no option 'lambda'; known options: eta, mode");
    assertThatThrownBy(() -> SetFunctions.create("gcmi", Map.of(), k.withQueryKernel(null)))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void onlyFacilityLocationReadsASparseKernel() {
    SparseMatrix s = new SparseMatrix(2, 2, new long[] {0, 1, 2}, new int[] {0, 1}, new float[] {1, 1});
    Kernels k = Kernels.none().withSparseKernel(s);
    assertThat(SetFunctions.create("facility-location", Map.of(), k).gain(0)).isEqualTo(1.0);
    assertThatThrownBy(() -> SetFunctions.create("graph-cut", Map.of(), k))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("needs the dense data kernel K (n × n)");
  }

  @Test
  void facilityLocationClampsNegativeSimilaritiesAtZero() {
    Matrix k = Matrix.of(new float[][] {{1, -1}, {-1, 1}});
    SetFunction f = SetFunctions.create("facility-location", Map.of(), Kernels.none().withKernel(k));
    assertThat(f.gain(0)).isEqualTo(1.0);
    assertThat(f.evaluate(new int[] {0})).isEqualTo(1.0);
  }
}
