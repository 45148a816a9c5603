package org.alkit.submodular.suggestive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.alkit.api.InvalidInputException;
import org.alkit.api.Matrix;
import org.alkit.api.Options;
import org.alkit.api.Selection;
import org.alkit.api.SelectionContext;
import org.alkit.api.Signal;
import org.alkit.testkit.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Suggestive Annotation on the golden cases of {@code testdata/survey/suggestive_annotation_*},
 * computed with numpy outside alkit: the committee variances, and the greedy's picks in order with
 * their gains (float64 cosines there, alkit's float32 kernel here: within 10⁻⁵ relative; the cases
 * hold no near-tie, and one exact tie, two equal items, which goes to the lower index).
 */
class SuggestiveAnnotationTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  static List<Path> cases() throws IOException {
    Path dir = Path.of(System.getProperty("alkit.root", "..")).resolve("testdata/survey");
    try (Stream<Path> files = Files.list(dir)) {
      List<Path> found = files.filter(f -> f.getFileName().toString().startsWith("suggestive_annotation_"))
          .sorted().toList();
      assertThat(found).as("suggestive_annotation_* in %s", dir).isNotEmpty();
      return found;
    }
  }

  @ParameterizedTest
  @MethodSource("cases")
  void picksAndGainsMatchNumpy(Path file) throws IOException {
    JsonNode c = JSON.readTree(file.toFile());
    double[][][] committee = JSON.convertValue(c.get("committee"), double[][][].class);
    List<Matrix> members = Arrays.stream(committee).map(Matrix::of).toList();
    double[] uncertainty = JSON.convertValue(c.get("uncertainty"), double[].class);
    for (int i = 0; i < uncertainty.length; i++) {
      assertThat(SuggestiveAnnotation.meanVariance(members, i)).as("%s: variance of item %d", file.getFileName(), i)
          .isCloseTo(uncertainty[i], within(1e-15));
    }
    SelectionContext ctx = SelectionContext.builder(committee[0].length)
        .labeled(JSON.convertValue(c.get("labeled"), int[].class), null)
        .budget(c.get("budget").asInt())
        .stack(Signal.COMMITTEE_PROBABILITIES, members)
        .signal(Signal.EMBEDDINGS, Matrix.of(JSON.convertValue(c.get("embeddings"), double[][].class)))
        .backend(Fixtures.javaBackend().orElseThrow()).build();
    Selection s = select(ctx, c.get("candidates").asInt());
    assertThat(s.indices()).as("%s: picks", file.getFileName())
        .containsExactly(JSON.convertValue(c.get("selected"), int[].class));
    double[] gains = JSON.convertValue(c.get("gains"), double[].class);
    for (int r = 0; r < gains.length; r++) {
      assertThat(s.score(r)).as("%s: gain of pick %d", file.getFileName(), r)
          .isCloseTo(gains[r], within(1e-5 * Math.abs(gains[r])));
    }
  }

  @Test
  void badCandidateCountsAndOneMemberCommitteesAreRefused() {
    SelectionContext ctx = Fixtures.context(40, 5, 6, 1).build();
    assertThatThrownBy(() -> select(ctx, 5)).isInstanceOf(InvalidInputException.class)
        .hasMessage("option 'candidates' = 5: expected 0 (4 x budget) or at least the budget (6)");
    assertThatThrownBy(() -> select(ctx, -1)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("option 'candidates' = -1");
    SelectionContext one = ctx.toBuilder()
        .stack(Signal.COMMITTEE_PROBABILITIES, List.of(ctx.stack(Signal.COMMITTEE_PROBABILITIES).get(0))).build();
    assertThatThrownBy(() -> select(one, 0)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("committee-probabilities holds 1 member; expected a committee of at least 2");
  }

  @Test
  void everyPickIsAmongTheMostUncertainCandidates() {
    SelectionContext ctx = Fixtures.context(300, 20, 10, 4).build();
    List<Matrix> committee = ctx.stack(Signal.COMMITTEE_PROBABILITIES);
    int[] unlabeled = ctx.unlabeled();
    double[] u = Arrays.stream(unlabeled).mapToDouble(i -> SuggestiveAnnotation.meanVariance(committee, i)).toArray();
    int[] top = ctx.backend().topK(u, 40);
    List<Integer> candidates = Arrays.stream(top).map(k -> unlabeled[k]).boxed().toList();
    assertThat(Arrays.stream(select(ctx, 0).indices()).boxed().toList()).isSubsetOf(candidates);
  }

  private static Selection select(SelectionContext ctx, int candidates) {
    SuggestiveAnnotationProvider p = new SuggestiveAnnotationProvider();
    return p.create(Options.resolve("strategy", p.parameters(), Map.of("candidates", Integer.toString(candidates))))
        .select(ctx);
  }
}
