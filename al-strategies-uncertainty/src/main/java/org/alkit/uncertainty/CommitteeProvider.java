package org.alkit.uncertainty;

import java.util.Set;
import org.alkit.api.Options;
import org.alkit.api.Signal;
import org.alkit.api.Strategy;

/** A provider of the top-k by one {@link CommitteeMeasure}; it takes no options. */
abstract class CommitteeProvider extends UncertaintyProvider {
  private final CommitteeMeasure measure;

  CommitteeProvider(CommitteeMeasure measure, String description) {
    super(measure.key(), description, Set.of(Signal.COMMITTEE_PROBABILITIES));
    this.measure = measure;
  }

  @Override
  public final Strategy create(Options options) {
    return new ScoredStrategy(name(), options, measure.scorer());
  }
}
