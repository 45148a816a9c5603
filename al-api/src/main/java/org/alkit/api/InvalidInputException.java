package org.alkit.api;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * Input that breaks a documented precondition: a budget out of range, a shape mismatch, a
 * probability row that does not sum to 1, an option value of the wrong type.
 */
@API(status = STABLE, since = "0.1")
public class InvalidInputException extends AlException {
  private static final long serialVersionUID = 1L;

  /** An error whose message names the parameter, the bad value and what was expected. */
  public InvalidInputException(String message) {
    super(message);
  }

  /** The same, keeping the failure that revealed the problem. */
  public InvalidInputException(String message, Throwable cause) {
    super(message, cause);
  }
}
