package org.alkit.submodular.suggestive;

import java.util.List;
import java.util.Set;
import org.alkit.api.Options;
import org.alkit.api.Parameter;
import org.alkit.api.Signal;
import org.alkit.api.Strategy;
import org.alkit.api.StrategyProvider;

/**
 * {@code suggestive-annotation} (Yang, Zhang, Chen, Zhang and Chen, "Suggestive Annotation: A
 * Deep Active Learning Framework for Biomedical Image Segmentation", MICCAI 2017): uncertainty
 * among a committee, then representativeness by facility location.
 *
 * <ol>
 *   <li>The {@code candidates} unlabeled items (0, the default: 4 × the budget) of highest
 *       uncertainty u(x) = (1/C) Σ_c Var_m p_m(c | x), the variance across the M members of
 *       {@code committee-probabilities} (population variance, 1/M), ties to the lower index.</li>
 *   <li>From the candidates, greedily the item that most increases
 *       F(A) = Σ_{x∈U} max_{s∈A} cos(h_s, h_x), U every unlabeled item and h the
 *       {@code embeddings}, until the budget is reached; exact ties go to the lower pool index.
 *       The greedy is the submodular module's lazy greedy (Minoux 1978, the exact greedy) on its
 *       facility location over a represented set; cosines are the backend's, and a cosine below
 *       0 counts as 0 (facility location's memo starts at 0, as in submodlib; with ReLU
 *       embeddings no cosine is negative).</li>
 * </ol>
 *
 * The paper's committee is a bootstrap ensemble ({@code model: ensemble} with
 * {@code bootstrap: true}). Each pick's score is its marginal gain. A committee of one member is
 * refused; {@code candidates} between 1 and the budget − 1 is refused at selection.
 */
public final class SuggestiveAnnotationProvider implements StrategyProvider {
  static final Parameter CANDIDATES = Parameter.integer("candidates", 0,
      "most uncertain items the greedy chooses from, at least the budget; 0 = 4 x budget").atLeast(0);

  @Override
  public String name() {
    return "suggestive-annotation";
  }

  @Override
  public String family() {
    return "hybrid";
  }

  @Override
  public String description() {
    return "Suggestive Annotation (Yang et al. 2017): the most uncertain items by committee variance,"
        + " then greedy facility location of cosine similarity over the unlabeled pool";
  }

  @Override
  public Set<Signal> requires() {
    return Set.of(Signal.COMMITTEE_PROBABILITIES, Signal.EMBEDDINGS);
  }

  @Override
  public List<Parameter> parameters() {
    return List.of(CANDIDATES);
  }

  @Override
  public Strategy create(Options options) {
    return new SuggestiveAnnotation(name(), options, options.getInt(CANDIDATES.name()));
  }
}
