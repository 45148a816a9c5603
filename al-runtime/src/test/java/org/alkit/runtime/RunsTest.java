package org.alkit.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.alkit.api.AlException;
import org.alkit.api.InvalidInputException;
import org.alkit.api.MissingSignalException;
import org.alkit.api.Options;
import org.alkit.api.Parameter;
import org.alkit.api.ScenarioHints;
import org.alkit.api.Signal;
import org.alkit.api.Strategy;
import org.alkit.api.StrategyProvider;
import org.alkit.api.UnknownNameException;
import org.junit.jupiter.api.Test;

/** The one loop assembly: parts by name, a decorator between them and the loop, the check without data. */
class RunsTest {
  private static final Registry REGISTRY = Registry.load();

  private static RunRequest request(String extra) {
    return new RunRequest(config(LowestConfidenceTestProvider.NAME, extra), ActiveLearningLoopTest.blobs(),
        ScenarioHints.none());
  }

  private static RunConfig config(String strategy, String extra) {
    return RunConfig.parse("strategy: " + strategy
        + "\ninitial-labeled: 6\nbudget: 4\nrounds: 2\nseed: 9\nmodel-options: {iterations: 80}\n" + extra);
  }

  @Test
  void theDecoratorSeesTheConfiguredPartsAndTheLoopRunsWithWhatItReturns() {
    List<LoopParts> seen = new ArrayList<>();
    AtomicInteger created = new AtomicInteger();
    RunResult plain;
    try (ActiveLearningLoop loop = Runs.assemble(request(""), REGISTRY)) {
      plain = loop.run();
    }
    RunResult decorated;
    try (ActiveLearningLoop loop = Runs.assemble(request("backend: " + CapableTestBackendProvider.NAME), REGISTRY,
        parts -> {
          seen.add(parts);
          return parts.withStrategy(counting(parts.strategy(), created));
        })) {
      decorated = loop.run();
      assertThat(CapableTestBackendProvider.MADE.get(CapableTestBackendProvider.MADE.size() - 1).closed).isFalse();
    }
    assertThat(CapableTestBackendProvider.MADE.get(CapableTestBackendProvider.MADE.size() - 1).closed)
        .as("the loop owns the backend it was assembled with").isTrue();
    assertThat(seen).hasSize(1);
    assertThat(seen.get(0).strategy()).isInstanceOf(LowestConfidenceTestProvider.class);
    assertThat(seen.get(0).backend().name()).isEqualTo(CapableTestBackendProvider.NAME);
    assertThat(seen.get(0).model().offers()).contains(Signal.PROBABILITIES);
    assertThat(created).as("the decorated strategy made the selector").hasValue(1);
    assertThat(decorated.rounds()).extracting(r -> java.util.Arrays.toString(r.selected()))
        .isEqualTo(plain.rounds().stream().map(r -> java.util.Arrays.toString(r.selected())).toList());
  }

  @Test
  void aFailingDecoratorClosesTheBackendAndItsErrorReachesTheCaller() {
    int before = CapableTestBackendProvider.MADE.size();
    assertThatThrownBy(() -> Runs.assemble(request("backend: " + CapableTestBackendProvider.NAME), REGISTRY,
        parts -> {
          throw new AlException("decorator refuses");
        })).isExactlyInstanceOf(AlException.class).hasMessage("decorator refuses");
    assertThat(CapableTestBackendProvider.MADE).hasSize(before + 1);
    assertThat(CapableTestBackendProvider.MADE.get(before).closed).isTrue();
  }

  @Test
  void anUnknownPartIsNamedWithoutGuicesWrapping() {
    assertThatThrownBy(() -> Runs.assemble(request("model: forest"), REGISTRY))
        .isInstanceOf(UnknownNameException.class)
        .hasMessage("unknown model 'forest'; known: committee, logistic, svm, test-item-shape, test-slow");
    assertThatThrownBy(() -> Runs.assemble(request("backend-options: {threads: -1}"), REGISTRY))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("backend 'java': option 'threads' = -1: expected >= 0");
  }

  @Test
  void checkRefusesWithoutDataWhatTheLoopRefusesBeforeRoundOne() {
    Runs.check(request("").config(), REGISTRY);
    assertThatThrownBy(() -> Runs.check(config("lowest", ""), REGISTRY))
        .isInstanceOf(UnknownNameException.class).hasMessageContaining("unknown strategy 'lowest'");
    assertThatThrownBy(() -> Runs.check(request("strategy-options: {beam: 2}").config(), REGISTRY))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("strategy '" + LowestConfidenceTestProvider.NAME + "' has no option 'beam'; known options: none");
    RunConfig noSignals = RunConfig.parse("strategy: " + LowestConfidenceTestProvider.NAME + "\nmodel: "
        + ItemShapeModelProvider.NAME);
    assertThatThrownBy(() -> Runs.check(noSignals, REGISTRY)).isInstanceOf(MissingSignalException.class)
        .hasMessageContaining("strategy '" + LowestConfidenceTestProvider.NAME + "' requires probabilities");
    int before = CapableTestBackendProvider.MADE.size();
    Runs.check(request("backend: " + CapableTestBackendProvider.NAME).config(), REGISTRY);
    assertThat(CapableTestBackendProvider.MADE.subList(before, CapableTestBackendProvider.MADE.size()))
        .as("the backend made for the check is closed").hasSize(1).allMatch(m -> m.closed);
  }

  /** {@code inner}, counting the strategies it creates. */
  private static StrategyProvider counting(StrategyProvider inner, AtomicInteger created) {
    return new StrategyProvider() {
      @Override
      public String name() {
        return inner.name();
      }

      @Override
      public Set<Signal> requires() {
        return inner.requires();
      }

      @Override
      public List<Parameter> parameters() {
        return inner.parameters();
      }

      @Override
      public Strategy create(Options options) {
        created.incrementAndGet();
        return inner.create(options);
      }
    };
  }
}
