package org.alkit.api;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * A strategy needs signals that the model adapter (or the caller) does not provide. The message
 * lists every missing signal at once.
 */
@API(status = STABLE, since = "0.1")
public class MissingSignalException extends AlException {
  private static final long serialVersionUID = 1L;

  private final List<Signal> missing;

  /**
   * @param consumer who needs the signals, e.g. {@code "strategy 'bald'"}
   * @param missing the signals that are not available
   * @param offeredBy who was asked, e.g. {@code "model 'logistic'"}
   */
  public MissingSignalException(String consumer, Collection<Signal> missing, String offeredBy) {
    super(consumer + " requires " + keys(missing) + ", which " + offeredBy + " does not provide");
    this.missing = List.copyOf(missing);
  }

  /** The signals that were missing. */
  public List<Signal> missing() {
    return missing;
  }

  private static String keys(Collection<Signal> signals) {
    return signals.stream().map(Signal::key).sorted().collect(Collectors.joining(", "));
  }
}
