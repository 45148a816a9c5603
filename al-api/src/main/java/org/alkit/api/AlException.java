package org.alkit.api;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * The root of every error alkit raises on purpose. Its message is written for the person who
 * gave the input: it names the parameter, the bad value and what was expected, so the CLI prints
 * it as it is (exit code 2) without a stack trace.
 */
@API(status = STABLE, since = "0.1")
public class AlException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** An error with a message for the user. */
  public AlException(String message) {
    super(message);
  }

  /** An error with a message for the user and the failure that caused it. */
  public AlException(String message, Throwable cause) {
    super(message, cause);
  }
}
