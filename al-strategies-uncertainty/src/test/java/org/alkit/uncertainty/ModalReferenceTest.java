package org.alkit.uncertainty;

import static org.alkit.uncertainty.ReferenceCases.assertClose;
import static org.alkit.uncertainty.ReferenceCases.assertSameTopK;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.alkit.api.SelectionContext;
import org.alkit.api.StrategyProvider;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * modAL's {@code classifier_*} scores, committee disagreements and {@code *_sampling} selections.
 * modAL's inputs are float64 and alkit's probabilities float32, so each input carries a rounding
 * of up to 2⁻²⁵: scores are compared to 1e-6 relative plus 1e-7 absolute, and the unordered
 * {@code multi_argmax} selections as sets, up to ties at the boundary.
 */
class ModalReferenceTest {
  private static final double RELATIVE = 1e-6;
  private static final double ABSOLUTE = 1e-7;

  static List<Path> uncertaintyCases() {
    return ReferenceCases.named("modal_uncertainty_");
  }

  static List<Path> committeeCases() {
    return ReferenceCases.named("modal_committee_");
  }

  @ParameterizedTest
  @MethodSource("uncertaintyCases")
  void uncertaintyScoresAndSelectionsMatchModal(Path file) {
    JsonNode c = ReferenceCases.read(file);
    JsonNode out = c.get("outputs");
    SelectionContext ctx = Strategies.context(ReferenceCases.matrix(c.get("proba")),
        c.get("n_instances").asInt()).build();

    double[] uncertainty = ReferenceCases.vector(out.get("classifier_uncertainty"));
    assertClose(Strategies.scores(new LeastConfidenceProvider(), ctx), uncertainty, RELATIVE, ABSOLUTE,
        file.getFileName() + " least-confidence");
    assertSelection(new LeastConfidenceProvider(), ctx, out.get("uncertainty_sampling"), uncertainty);

    // modAL reports the margin and takes the smallest; alkit ranks by 1 − margin
    double[] oneMinusMargin = Arrays.stream(ReferenceCases.vector(out.get("classifier_margin")))
        .map(m -> 1 - m).toArray();
    assertClose(Strategies.scores(new MarginProvider(), ctx), oneMinusMargin, RELATIVE, ABSOLUTE,
        file.getFileName() + " margin");
    assertSelection(new MarginProvider(), ctx, out.get("margin_sampling"), oneMinusMargin);

    double[] entropy = ReferenceCases.vector(out.get("classifier_entropy"));
    assertClose(Strategies.scores(new EntropyProvider(), ctx), entropy, RELATIVE, ABSOLUTE,
        file.getFileName() + " entropy");
    assertSelection(new EntropyProvider(), ctx, out.get("entropy_sampling"), entropy);
  }

  @ParameterizedTest
  @MethodSource("committeeCases")
  void committeeScoresAndSelectionsMatchModal(Path file) {
    JsonNode c = ReferenceCases.read(file);
    JsonNode out = c.get("outputs");
    double[][][] members = ReferenceCases.stack(c.get("proba_per_learner"));
    assertThat(members.length).isEqualTo(c.get("num_learners").asInt());
    SelectionContext ctx = Strategies.committee(members, c.get("n_instances").asInt()).build();

    double[] votes = ReferenceCases.vector(out.get("vote_entropy"));
    assertClose(Strategies.scores(new VoteEntropyProvider(), ctx), votes, RELATIVE, ABSOLUTE,
        file.getFileName() + " vote-entropy");
    assertSelection(new VoteEntropyProvider(), ctx, out.get("vote_entropy_sampling"), votes);

    double[] consensus = ReferenceCases.vector(out.get("consensus_entropy"));
    assertClose(Strategies.scores(new ConsensusEntropyProvider(), ctx), consensus, RELATIVE, ABSOLUTE,
        file.getFileName() + " consensus-entropy");
    assertSelection(new ConsensusEntropyProvider(), ctx, out.get("consensus_entropy_sampling"), consensus);

    double[] kl = ReferenceCases.vector(out.get("KL_max_disagreement"));
    assertClose(Strategies.scores(new MaxDisagreementProvider(), ctx), kl, RELATIVE, ABSOLUTE,
        file.getFileName() + " max-disagreement");
    assertSelection(new MaxDisagreementProvider(), ctx, out.get("max_disagreement_sampling"), kl);
  }

  private static void assertSelection(StrategyProvider provider, SelectionContext ctx, JsonNode sampling,
      double[] referenceScores) {
    var picked = Strategies.select(provider, ctx);
    int[] reference = ReferenceCases.indices(sampling.get("idx_sorted"));
    assertSameTopK(picked, reference, referenceScores, 1e-9, provider.name());
    // alkit orders its picks: best first, ties to the lower index
    IntStream.range(1, picked.size()).forEach(r ->
        assertThat(picked.score(r)).as("%s score of pick %d", provider.name(), r)
            .isLessThanOrEqualTo(picked.score(r - 1)));
  }
}
