package org.alkit.submodular;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.List;
import org.alkit.api.UnknownNameException;
import org.apiguardian.api.API;

/** Entry point of {@code alkit maximize}: builds the named function and runs the named optimizer. */
@API(status = STABLE, since = "0.1")
public final class Maximizer {
  private Maximizer() {}

  /** The function names {@code --function} takes. */
  public static List<String> functionNames() {
    return List.of();
  }

  /** The optimizer names {@code --optimizer} takes. */
  public static List<String> optimizerNames() {
    return List.of("naive", "lazy", "stochastic", "lazier");
  }

  /**
   * Runs one maximization.
   *
   * @throws UnknownNameException for an unknown function or optimizer
   * @throws org.alkit.api.InvalidInputException for inputs the function cannot take
   */
  public static MaximizeResult maximize(MaximizeRequest request) {
    throw new UnknownNameException("function", request.function(), functionNames());
  }
}
