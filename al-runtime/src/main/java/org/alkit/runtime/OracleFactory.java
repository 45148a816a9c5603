package org.alkit.runtime;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.alkit.api.Oracle;
import org.apiguardian.api.API;

/**
 * Makes the {@link Oracle} of a run from its data set. {@link AlkitModule} binds them by name in a
 * Guice {@code MapBinder}; {@value #SIMULATED} answers from the pool's ground truth.
 *
 * <p>Experimental, as {@link org.alkit.api.Oracle} and {@link Dataset}.
 */
@API(status = EXPERIMENTAL, since = "0.1")
@FunctionalInterface
public interface OracleFactory {
  /** The name of the simulated oracle, which reads {@link Dataset#poolLabels()}. */
  String SIMULATED = "simulated";

  /** The oracle answering for {@code dataset}'s pool. */
  Oracle create(Dataset dataset);

  /** An oracle that returns the ground-truth pool labels, checking every index. */
  static Oracle simulated(Dataset dataset) {
    int[] truth = dataset.poolLabels();
    return indices -> {
      int[] out = new int[indices.length];
      for (int k = 0; k < indices.length; k++) {
        if (indices[k] < 0 || indices[k] >= truth.length) {
          throw new org.alkit.api.InvalidInputException("oracle asked for pool item " + indices[k]
              + "; expected an index in [0, " + truth.length + ")");
        }
        out[k] = truth[indices[k]];
      }
      return out;
    };
  }
}
