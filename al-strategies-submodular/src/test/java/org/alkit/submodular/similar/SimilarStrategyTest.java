package org.alkit.submodular.similar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.alkit.api.InvalidInputException;
import org.alkit.api.Matrix;
import org.alkit.api.MissingSignalException;
import org.alkit.api.ScenarioHints;
import org.alkit.api.Selection;
import org.alkit.api.SelectionContext;
import org.alkit.api.Signal;
import org.alkit.api.StrategyProvider;
import org.alkit.testkit.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SimilarStrategyTest {
  private static final StrategyProvider PROVIDER = new SimilarProvider();
  private static final int POOL = 60;

  private static Selection select(Map<String, String> options, ScenarioHints hints, Signal without) {
    SelectionContext.Builder b = Fixtures.context(POOL, 12, 8, 4).hints(hints);
    if (without != null) {
      b.without(without);
    }
    return PROVIDER.create(PROVIDER.options(options))
        .select(b.build());
  }

  private static ScenarioHints rare(int label) {
    return ScenarioHints.none().withScenario("rare-classes").withRareClasses(Set.of(label));
  }

  @Test
  void isFoundThroughTheServiceLoaderAsASubmodularStrategy() {
    assertThat(StreamSupport.stream(ServiceLoader.load(StrategyProvider.class).spliterator(), false)
        .filter(p -> p.name().equals("similar")).findFirst()).isPresent();
    assertThat(PROVIDER.family()).isEqualTo("submodular");
    assertThat(PROVIDER.requires()).containsExactly(Signal.EMBEDDINGS);
    assertThat(SimilarProvider.FUNCTIONS).contains("flvmi", "logdet-mi", "flcg", "flcmi")
        .doesNotContain("facility-location", "disparity-sum");
  }

  @Test
  void rareClassQueryPullsInItemsOfThatClass() {
    // Fixtures' blobs: item i belongs to blob i % 4, and labeled item i has label i % 4
    Selection sel = select(Map.of("function", "flmi"), rare(2), null);
    assertThat(sel.size()).isEqualTo(8);
    assertThat(sel.indices()[0] % 4).as("first pick's blob").isEqualTo(2);
    assertThat(java.util.Arrays.stream(sel.indices()).min().orElseThrow()).as("lowest pick").isGreaterThanOrEqualTo(12);
  }

  @ParameterizedTest(name = "{0} in scenario {1}")
  @CsvSource({"flvmi, rare", "logdet-mi, rare", "gcmi, ood", "flcg, redundancy", "gccg, redundancy",
      "logdet-cg, redundancy", "flcmi, ood", "logdet-cmi, ood", "com, ood"})
  void everyMeasureRunsInItsScenario(String function, String scenario) {
    ScenarioHints hints = switch (scenario) {
      case "rare" -> rare(1);
      case "ood" -> ScenarioHints.none().withScenario("ood").withOodClasses(Set.of(3));
      default -> ScenarioHints.none().withScenario("redundancy");
    };
    for (String optimizer : List.of("lazy", "lazier")) {
      Selection sel = select(Map.of("function", function, "optimizer", optimizer), hints, null);
      assertThat(sel.size()).as("%s with %s", function, optimizer).isEqualTo(8);
      assertThat(sel.parameters()).containsEntry("function", function);
    }
  }

  @Test
  void explicitQueryIndicesAndFeaturesTakePrecedence() {
    ScenarioHints byIndex = rare(1).withQueryIndices(List.of(2, 6, 10));
    ScenarioHints byClass = rare(2);
    assertThat(select(Map.of(), byIndex, null).indices())
        .isEqualTo(select(Map.of(), byClass, null).indices());
    Matrix embeddings = Fixtures.context(POOL, 12, 8, 4).build().matrix(Signal.EMBEDDINGS);
    ScenarioHints byFeatures = rare(1).withQueryFeatures(embeddings.select(new int[] {2, 6, 10}));
    assertThat(select(Map.of(), byFeatures, null).indices())
        .isEqualTo(select(Map.of(), byClass, null).indices());
  }

  @Test
  void gradientEmbeddingsAreReadWhenAsked() {
    assertThat(select(Map.of("embedding", "gradient"), rare(0).withQueryIndices(List.of(0, 4)), null)
        .size()).isEqualTo(8);
    assertThatThrownBy(() -> select(Map.of("embedding", "gradient"), rare(0), Signal.GRADIENT_EMBEDDINGS))
        .isInstanceOf(MissingSignalException.class).hasMessageContaining("gradient-embeddings");
    assertThatThrownBy(() -> select(Map.of("embedding", "gradient"),
        rare(0).withQueryFeatures(Matrix.of(new float[][] {{1, 2}})), null))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("query features have 2 columns");
  }

  @Test
  void missingQueryOrPrivateSetsAreExplained() {
    assertThatThrownBy(() -> select(Map.of(), ScenarioHints.none(), null))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("function 'flvmi' needs a query set Q")
        .hasMessageContaining("scenario 'none'").hasMessageContaining("rare classes");
    assertThatThrownBy(() -> select(Map.of(), rare(7), null))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("rare classes [7] select none of the 12 labeled items");
    assertThatThrownBy(() -> select(Map.of("function", "flcg"), rare(1), null))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("function 'flcg' needs a private set P")
        .hasMessageContaining("redundancy");
    assertThatThrownBy(() -> select(Map.of(), rare(1).withQueryIndices(List.of(99)), null))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("query index 99 is outside the pool [0, 60)");
  }

  @Test
  void functionOptionsArePassedThroughAndChecked() {
    Selection a = select(Map.of("function", "flmi", "eta", "1"), rare(1), null);
    Selection b = select(Map.of("function", "flmi", "eta", "0.05"), rare(1), null);
    assertThat(a.parameters()).containsEntry("eta", "1.0");
    assertThat(b.scores()).isNotEqualTo(a.scores());
    assertThatThrownBy(() -> select(Map.of("epsilon", "2"), rare(1), null))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("'epsilon' = 2.0");
  }
}
