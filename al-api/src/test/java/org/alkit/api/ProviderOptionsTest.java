package org.alkit.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each provider kind resolves text options against its own parameters, naming itself in messages. */
class ProviderOptionsTest {
  private static final List<Parameter> BEAM = List.of(Parameter.integer("beam", 1, "width").atLeast(1));

  @Test
  void aStrategyProviderResolvesUnderItsNameAndItsDefaultsAreTheEmptyResolution() {
    StrategyProvider p = new StrategyProvider() {
      @Override
      public String name() {
        return "beam-search";
      }

      @Override
      public Strategy create(Options options) {
        throw new UnsupportedOperationException();
      }

      @Override
      public List<Parameter> parameters() {
        return BEAM;
      }
    };
    assertThat(p.options(Map.of("beam", "4")).getInt("beam")).isEqualTo(4);
    assertThat(p.options(Map.of()).owner()).isEqualTo("strategy 'beam-search'");
    assertThat(p.defaults().asText()).isEqualTo(p.options(Map.of()).asText()).containsEntry("beam", "1");
    assertThatThrownBy(() -> p.options(Map.of("beam", "0"))).isInstanceOf(InvalidInputException.class)
        .hasMessage("strategy 'beam-search': option 'beam' = 0: expected >= 1");
  }

  @Test
  void modelAndBackendProvidersNameTheirKind() {
    ModelProvider model = new ModelProvider() {
      @Override
      public String name() {
        return "tree";
      }

      @Override
      public ModelAdapter create(Options options) {
        throw new UnsupportedOperationException();
      }

      @Override
      public List<Parameter> parameters() {
        return BEAM;
      }
    };
    BackendProvider backend = new BackendProvider() {
      @Override
      public String name() {
        return "abacus";
      }

      @Override
      public ComputeBackend create(Options options) {
        throw new UnsupportedOperationException();
      }
    };
    assertThatThrownBy(() -> model.options(Map.of("beam", "x"))).isInstanceOf(InvalidInputException.class)
        .hasMessage("model 'tree': option 'beam' = 'x': expected an integer");
    assertThatThrownBy(() -> backend.options(Map.of("threads", "2"))).isInstanceOf(InvalidInputException.class)
        .hasMessage("backend 'abacus' has no option 'threads'; known options: none");
    assertThat(backend.options(Map.of()).asText()).isEmpty();
  }
}
