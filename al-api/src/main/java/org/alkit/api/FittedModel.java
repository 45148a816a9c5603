package org.alkit.api;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.List;
import org.apiguardian.api.API;

/** A model trained by a {@link ModelAdapter}, producing the signals the adapter offers for any rows. */
@API(status = STABLE, since = "0.1")
public interface FittedModel {
  /**
   * A {@link Signal.Shape#MATRIX} signal for every row of {@code x}.
   *
   * @throws MissingSignalException if the adapter does not offer it
   */
  Matrix matrix(Signal signal, Matrix x);

  /**
   * A {@link Signal.Shape#STACK} signal for every row of {@code x}.
   *
   * @throws MissingSignalException if the adapter does not offer it
   */
  default List<Matrix> stack(Signal signal, Matrix x) {
    throw new MissingSignalException("the caller", List.of(signal), "this model");
  }

  /** Class probabilities {@code |x| × C}; the accuracy of a round is measured on their argmax. */
  default Matrix probabilities(Matrix x) {
    return matrix(Signal.PROBABILITIES, x);
  }
}
