package org.alkit.uncertainty;

import java.util.List;
import org.alkit.api.Matrix;
import org.alkit.api.Signal;
import org.alkit.commons.Probabilities;

/**
 * Query-by-committee disagreement over the members' probabilities p_1 … p_M of one item
 * ({@link Signal#COMMITTEE_PROBABILITIES}), with p̄ = (1/M) Σ_m p_m their consensus. All in
 * nats, as modAL's {@code modAL.disagreement} computes them (Seung, Opper and Sompolinsky,
 * "Query by committee", 1992; McCallum and Nigam, 1998).
 */
enum CommitteeMeasure {
  /** H(v) with v_c the fraction of members whose argmax (first maximum) is c: vote counts, renormalised. */
  VOTE_ENTROPY("vote-entropy") {
    @Override
    double of(List<Matrix> members, int i) {
      double[] votes = new double[members.get(0).cols()];
      for (Matrix member : members) {
        votes[Probabilities.argmax(member, i)]++;
      }
      return Probabilities.entropy(votes);
    }
  },
  /** H(p̄): the entropy of the consensus probabilities. */
  CONSENSUS_ENTROPY("consensus-entropy") {
    @Override
    double of(List<Matrix> members, int i) {
      return Probabilities.entropy(consensus(members, i));
    }
  },
  /** max_m KL(p_m ‖ p̄): the member that disagrees most with the consensus. */
  MAX_DISAGREEMENT("max-disagreement") {
    @Override
    double of(List<Matrix> members, int i) {
      double[] mean = consensus(members, i);
      double max = Double.NEGATIVE_INFINITY;
      for (Matrix member : members) {
        max = Math.max(max, Probabilities.klDivergence(member, i, mean));
      }
      return max;
    }
  };

  private final String key;

  CommitteeMeasure(String key) {
    this.key = key;
  }

  /** The strategy name. */
  String key() {
    return key;
  }

  /** The disagreement of the committee on pool item {@code i}. */
  abstract double of(List<Matrix> members, int i);

  /** Scores candidates by their disagreement under {@link Signal#COMMITTEE_PROBABILITIES}. */
  Scorer scorer() {
    return (ctx, candidates) -> {
      List<Matrix> members = ctx.stack(Signal.COMMITTEE_PROBABILITIES);
      return Rows.map(ctx.backend(), candidates, members.size() * members.get(0).cols(),
          i -> of(members, i));
    };
  }

  /** p̄ = (1/M) Σ_m p_m for row {@code i}. */
  private static double[] consensus(List<Matrix> members, int i) {
    double[] mean = new double[members.get(0).cols()];
    for (Matrix member : members) {
      for (int j = 0; j < mean.length; j++) {
        mean[j] += member.get(i, j);
      }
    }
    for (int j = 0; j < mean.length; j++) {
      mean[j] /= members.size();
    }
    return mean;
  }
}
