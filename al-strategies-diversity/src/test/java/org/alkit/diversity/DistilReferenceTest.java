package org.alkit.diversity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.stream.IntStream;
import org.alkit.api.Matrix;
import org.alkit.api.Selection;
import org.alkit.api.SelectionContext;
import org.alkit.api.Signal;
import org.alkit.api.StrategyProvider;
import org.alkit.commons.GradientEmbeddings;
import org.alkit.commons.Probabilities;
import org.alkit.testkit.Fixtures;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Golden cases from DISTIL (core-set picks; BADGE gradient embeddings and first centre). */
class DistilReferenceTest {

  @ParameterizedTest(name = "distil_coreset_0{0}")
  @ValueSource(ints = {0, 1, 2})
  void coresetMatchesDistilFurthestFirst(int id) {
    JsonNode c = ReferenceCases.load("distil_coreset_0" + id);
    Matrix unl = ReferenceCases.matrix(c.get("unlabeled_embeddings"));
    Matrix lab = ReferenceCases.matrix(c.get("labeled_embeddings"));
    int nu = unl.rows();
    int n = nu + lab.rows();
    // pool = unlabeled first, labeled after, so pool indices of unlabeled items equal DISTIL's
    float[][] rows = new float[n][];
    for (int i = 0; i < n; i++) {
      rows[i] = i < nu ? unl.row(i) : lab.row(i - nu);
    }
    int budget = c.get("budget").asInt();
    SelectionContext ctx = SelectionContext.builder(n)
        .labeled(IntStream.range(nu, n).toArray(), null)
        .budget(budget)
        .signal(Signal.EMBEDDINGS, Matrix.of(rows))
        .backend(Fixtures.javaBackend().orElseThrow())
        .build();
    StrategyProvider p = new CoresetProvider();
    Selection sel = p.create(p.defaults()).select(ctx);
    assertThat(sel.indices()).isEqualTo(ReferenceCases.ints(c.get("outputs").get("CoreSet.select")));
    JsonNode dist = c.get("harness_reference").get("min_dist_at_pick_float64");
    for (int r = 0; r < budget; r++) {
      assertThat(sel.score(r)).as("distance at pick %d", r).isCloseTo(dist.get(r).asDouble(), within(1e-5));
    }
  }

  @ParameterizedTest(name = "distil_badge_0{0}")
  @ValueSource(ints = {0, 1})
  void badgeGradientEmbeddingAndFirstCentreMatchDistil(int id) {
    JsonNode c = ReferenceCases.load("distil_badge_0" + id);
    Matrix features = ReferenceCases.matrix(c.get("features"));
    JsonNode out = c.get("outputs");
    Matrix probs = ReferenceCases.matrix(out.get("probs_float32"));
    int n = features.rows();
    int[] argmax = ReferenceCases.ints(out.get("argmax"));
    for (int i = 0; i < n; i++) {
      assertThat(Probabilities.argmax(probs, i)).as("argmax of row %d", i).isEqualTo(argmax[i]);
    }
    Matrix g = GradientEmbeddings.of(probs, features);
    Matrix linear = ReferenceCases.matrix(out.get("grad_embedding").get("linear"));
    for (int i = 0; i < n; i++) {
      float[] mine = g.row(i);
      for (int j = 0; j < mine.length; j++) {
        assertThat(mine[j]).as("g⊗h[%d][%d]", i, j).isCloseTo(linear.get(i, j), within(1e-6f));
      }
    }
    SelectionContext ctx = SelectionContext.builder(n)
        .budget(out.get("badge_select_numpy_legacy_seed").get("budget").asInt())
        .seed(7)
        .signal(Signal.EMBEDDINGS, features)
        .signal(Signal.PROBABILITIES, probs)
        .backend(Fixtures.javaBackend().orElseThrow())
        .build();
    StrategyProvider p = new BadgeProvider();
    Selection sel = p.create(p.defaults()).select(ctx);
    assertThat(sel.index(0)).isEqualTo(out.get("badge_select_first_center").asInt());
  }
}
