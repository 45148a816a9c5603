package org.alkit.gpu.model;

import java.util.ArrayList;
import java.util.List;
import org.alkit.api.FittedModel;
import org.alkit.api.Matrix;
import org.alkit.api.MissingSignalException;
import org.alkit.api.Signal;
import org.alkit.commons.GradientEmbeddings;

/**
 * A fitted {@link EnsembleModelProvider ensemble}'s signals for any rows x, from its members'
 * ({@link FittedNetwork}): committee probabilities (each member's, dropout off), their mean,
 * Monte-Carlo probabilities (each member's dropout passes when stochastic, else the members), the
 * members' embeddings side by side and gradient embeddings (p − onehot(ŷ)) ⊗ h of those. The
 * members' probabilities of the last x asked for are kept, so the committee and its mean cost one
 * pass of each member.
 */
final class FittedEnsemble implements FittedModel {
  private final String owner;
  private final List<FittedNetwork> members;
  private final boolean stochastic;
  private Matrix lastX;
  private List<Matrix> lastCommittee;

  FittedEnsemble(String owner, List<FittedNetwork> members, boolean stochastic) {
    this.owner = owner;
    this.members = List.copyOf(members);
    this.stochastic = stochastic;
  }

  /** The members, in order. */
  List<FittedNetwork> members() {
    return members;
  }

  @Override
  public Matrix matrix(Signal signal, Matrix x) {
    switch (signal) {
      case PROBABILITIES:
        return mean(committee(x));
      case EMBEDDINGS:
        return embeddings(x);
      case GRADIENT_EMBEDDINGS:
        return GradientEmbeddings.of(mean(committee(x)), embeddings(x));
      default:
        throw new MissingSignalException("the caller", List.of(signal), owner + " (as a matrix)");
    }
  }

  @Override
  public List<Matrix> stack(Signal signal, Matrix x) {
    if (signal == Signal.COMMITTEE_PROBABILITIES || (signal == Signal.MC_PROBABILITIES && !stochastic)) {
      return committee(x);
    }
    if (signal != Signal.MC_PROBABILITIES) {
      throw new MissingSignalException("the caller", List.of(signal), owner + " (as a stack)");
    }
    List<Matrix> passes = new ArrayList<>();
    for (FittedNetwork member : members) {
      passes.addAll(member.stack(Signal.MC_PROBABILITIES, x));
    }
    return passes;
  }

  /** Each member's probabilities of {@code x}, kept for the last x. */
  private synchronized List<Matrix> committee(Matrix x) {
    if (x != lastX) {
      List<Matrix> out = new ArrayList<>();
      for (FittedNetwork member : members) {
        out.add(member.matrix(Signal.PROBABILITIES, x));
      }
      lastCommittee = List.copyOf(out);
      lastX = x;
    }
    return lastCommittee;
  }

  /** The members' mean, summed in double in member order. */
  private static Matrix mean(List<Matrix> committee) {
    int n = committee.get(0).rows();
    int c = committee.get(0).cols();
    float[] out = new float[Math.multiplyExact(n, c)];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < c; j++) {
        double sum = 0;
        for (Matrix p : committee) {
          sum += p.get(i, j);
        }
        out[i * c + j] = (float) (sum / committee.size());
      }
    }
    return Matrix.wrap(n, c, out);
  }

  /** [h_1 | h_2 | … | h_M]: the members' penultimate layers side by side. */
  private Matrix embeddings(Matrix x) {
    List<Matrix> parts = new ArrayList<>();
    int width = 0;
    for (FittedNetwork member : members) {
      Matrix h = member.matrix(Signal.EMBEDDINGS, x);
      parts.add(h);
      width += h.cols();
    }
    int n = x.rows();
    float[] out = new float[Math.multiplyExact(n, width)];
    int at = 0;
    for (Matrix h : parts) {
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < h.cols(); j++) {
          out[i * width + at + j] = h.get(i, j);
        }
      }
      at += h.cols();
    }
    return Matrix.wrap(n, width, out);
  }
}
