package org.alkit.api;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/** Two plugins register the same name; the message names both providers and the jars they come from. */
@API(status = STABLE, since = "0.1")
public class PluginConflictException extends AlException {
  private static final long serialVersionUID = 1L;

  /** A conflict whose message names the name and both origins. */
  public PluginConflictException(String message) {
    super(message);
  }
}
