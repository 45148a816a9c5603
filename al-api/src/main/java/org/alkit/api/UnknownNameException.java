package org.alkit.api;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.Collection;
import java.util.TreeSet;
import org.apiguardian.api.API;

/** A name (strategy, model, backend, function, option) that nothing answers to; the message lists the known ones. */
@API(status = STABLE, since = "0.1")
public class UnknownNameException extends AlException {
  private static final long serialVersionUID = 1L;

  /**
   * @param what the kind of thing, e.g. {@code "strategy"}
   * @param name the name that was asked for
   * @param known the names that exist
   */
  public UnknownNameException(String what, String name, Collection<String> known) {
    super("unknown " + what + " '" + name + "'; known: " + String.join(", ", new TreeSet<>(known)));
  }
}
