package org.alkit.uncertainty;

import static org.alkit.uncertainty.ReferenceCases.assertClose;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.alkit.api.SelectionContext;
import org.alkit.api.StrategyProvider;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * DISTIL's {@code LeastConfidenceSampling}, {@code MarginSampling} and {@code EntropySampling}:
 * float32 inputs read exactly, acquisition scores to 1e-6 relative, and the ordered top-k equal
 * (DISTIL's stable descending sort also sends ties to the lower index).
 */
class DistilReferenceTest {
  static List<Path> cases() {
    return ReferenceCases.named("distil_uncertainty_");
  }

  @ParameterizedTest
  @MethodSource("cases")
  void scoresAndSelectionsMatchDistil(Path file) {
    JsonNode c = ReferenceCases.read(file);
    assertThat(c.get("probs_dtype").asText()).isEqualTo("float32");
    JsonNode out = c.get("outputs");
    SelectionContext ctx = Strategies.context(ReferenceCases.matrix(c.get("probs")),
        c.get("budget").asInt()).build();
    // DISTIL ranks by −max p and p(2) − p(1); alkit's scores are those plus 1
    check(file, new LeastConfidenceProvider(), ctx, out.get("LeastConfidenceSampling"), u -> 1 + u);
    check(file, new MarginProvider(), ctx, out.get("MarginSampling"), u -> 1 + u);
    check(file, new EntropyProvider(), ctx, out.get("EntropySampling"), u -> u);
  }

  private static void check(Path file, StrategyProvider provider, SelectionContext ctx, JsonNode out,
      DoubleUnaryOperator toAlkit) {
    double[] expected = Arrays.stream(ReferenceCases.vector(out.get("acquire_scores_float32")))
        .map(toAlkit).toArray();
    String what = file.getFileName() + " " + provider.name();
    assertClose(Strategies.scores(provider, ctx), expected, 1e-6, 0, what);
    assertThat(Strategies.select(provider, ctx).indices()).as(what + " selection")
        .containsExactly(ReferenceCases.indices(out.get("select")));
  }
}
