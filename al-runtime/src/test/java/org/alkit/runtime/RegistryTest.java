package org.alkit.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.alkit.api.AlException;
import org.alkit.api.BackendProvider;
import org.alkit.api.ComputeBackend;
import org.alkit.api.InvalidInputException;
import org.alkit.api.MissingSignalException;
import org.alkit.api.ModelProvider;
import org.alkit.api.Options;
import org.alkit.api.PluginConflictException;
import org.alkit.api.Signal;
import org.alkit.api.Strategy;
import org.alkit.api.StrategyProvider;
import org.alkit.api.UnknownNameException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistryTest {
  @TempDir Path dir;

  private URLClassLoader loaderListing(String... providers) throws IOException {
    Path services = Files.createDirectories(dir.resolve("META-INF/services"));
    Files.write(services.resolve(StrategyProvider.class.getName()), List.of(providers));
    return new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader());
  }

  @Test
  void findsTheRuntimesProvidersAndTheTestStrategySortedByName() {
    Registry registry = Registry.load();
    assertThat(registry.models()).extracting(ModelProvider::name).containsExactly("committee", "logistic", "svm",
        ItemShapeModelProvider.NAME, SlowModelProvider.NAME);
    assertThat(registry.backends()).extracting(BackendProvider::name).contains("java");
    assertThat(registry.strategy(LowestConfidenceTestProvider.NAME))
        .isInstanceOf(LowestConfidenceTestProvider.class);
  }

  @Test
  void unknownNamesListTheKnownOnes() {
    assertThatThrownBy(() -> Registry.load().model("forest"))
        .isInstanceOf(UnknownNameException.class)
        .hasMessage("unknown model 'forest'; known: committee, logistic, svm, test-item-shape, test-slow");
    assertThatThrownBy(() -> Registry.load().strategy("nope"))
        .hasMessageContaining("unknown strategy 'nope'; known: ").hasMessageContaining(LowestConfidenceTestProvider.NAME);
  }

  @Test
  void createsAStrategyAModelAndABackendFromANameAndOptions() {
    Registry registry = Registry.load();
    try (ComputeBackend backend = registry.createBackend("java", Map.of("threads", "2"))) {
      assertThat(backend.threads()).isEqualTo(2);
    }
    assertThat(registry.createModel("committee", Map.of("members", "3")).offers()).contains(Signal.COMMITTEE_PROBABILITIES);
    Strategy strategy = registry.createStrategy(LowestConfidenceTestProvider.NAME, Map.of());
    assertThat(strategy).isNotNull();
    assertThatThrownBy(() -> registry.createBackend("jav", Map.of()))
        .isInstanceOf(UnknownNameException.class).hasMessageContaining("unknown backend 'jav'; known: ")
        .hasMessageContaining("java");
    assertThatThrownBy(() -> registry.createModel("forest", Map.of()))
        .isInstanceOf(UnknownNameException.class)
        .hasMessage("unknown model 'forest'; known: committee, logistic, svm, test-item-shape, test-slow");
    assertThatThrownBy(() -> registry.createModel("logistic", Map.of("l2", "-1")))
        .isInstanceOf(InvalidInputException.class).hasMessage("model 'logistic': option 'l2' = -1.0: expected >= 0");
    assertThatThrownBy(() -> registry.createBackend("java", Map.of("treads", "2")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("backend 'java' has no option 'treads'; known options: threads, block, simd");
    assertThatThrownBy(() -> registry.createStrategy(LowestConfidenceTestProvider.NAME, Map.of("beam", "2")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("strategy '" + LowestConfidenceTestProvider.NAME + "' has no option 'beam'; known options: none");
  }

  @Test
  void duplicateNamesNameBothClassesAndTheirLocations() throws IOException {
    try (URLClassLoader loader = loaderListing(DuplicateProviders.First.class.getName(),
        DuplicateProviders.Second.class.getName())) {
      String location = DuplicateProviders.class.getProtectionDomain().getCodeSource().getLocation().toString();
      assertThatThrownBy(() -> Registry.load(loader))
          .isInstanceOf(PluginConflictException.class)
          .hasMessageContaining("two strategy providers are named 'dup'")
          .hasMessageContaining(DuplicateProviders.First.class.getName() + " from " + location)
          .hasMessageContaining(DuplicateProviders.Second.class.getName() + " from " + location);
    }
  }

  @Test
  void aBrokenProviderIsReportedByName() throws IOException {
    try (URLClassLoader loader = loaderListing("org.example.Missing")) {
      assertThatThrownBy(() -> Registry.load(loader))
          .isInstanceOf(AlException.class)
          .hasMessageContaining("StrategyProvider")
          .hasMessageContaining("org.example.Missing");
    }
  }

  private static StrategyProvider needing(Signal... signals) {
    return new StrategyProvider() {
      @Override
      public String name() {
        return "needy";
      }

      @Override
      public Set<Signal> requires() {
        return Set.of(signals);
      }

      @Override
      public Strategy create(Options options) {
        throw new UnsupportedOperationException("never created");
      }
    };
  }

  @Test
  void capabilityCheckListsEveryMissingSignalInOneMessage() {
    StrategyProvider needy = needing(Signal.PROBABILITIES, Signal.MC_PROBABILITIES, Signal.GRADIENT_EMBEDDINGS);
    assertThatThrownBy(() -> CapabilityCheck.check(needy, "committee", Set.of(Signal.PROBABILITIES)))
        .isInstanceOf(MissingSignalException.class)
        .hasMessage("strategy 'needy' requires gradient-embeddings, mc-probabilities, which model 'committee' "
            + "does not provide")
        .satisfies(e -> assertThat(((MissingSignalException) e).missing())
            .containsExactlyInAnyOrder(Signal.MC_PROBABILITIES, Signal.GRADIENT_EMBEDDINGS));
  }

  @Test
  void previousProbabilitiesAreOfferedWhenProbabilitiesAre() {
    StrategyProvider needy = needing(Signal.PREVIOUS_PROBABILITIES);
    CapabilityCheck.check(needy, "logistic", Set.of(Signal.PROBABILITIES));
    assertThatThrownBy(() -> CapabilityCheck.check(needy, "embedder", Set.of(Signal.EMBEDDINGS)))
        .hasMessageContaining("requires previous-probabilities");
  }
}
