package org.alkit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.alkit.api.InvalidInputException;
import org.alkit.api.Options;
import org.alkit.api.Parameter;
import org.alkit.runtime.Registry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every installed plugin's declared ranges, the way users meet them: each default lies within its
 * own range, a value just outside either end is refused when options are resolved, in one line
 * naming owner, key, value and range, and {@code alkit strategies} shows the range.
 */
class ParameterBoundsTest {
  /** An installed provider's parameter: who declares it (as messages name it) and the declaration. */
  record Declared(String owner, Parameter parameter) {
    @Override
    public String toString() {
      return owner + " " + parameter.name();
    }
  }

  static Stream<Declared> bounded() {
    Registry registry = Registry.load();
    List<Declared> out = new ArrayList<>();
    registry.strategies().forEach(p -> p.parameters().forEach(o -> out.add(new Declared("strategy '" + p.name() + "'", o))));
    registry.models().forEach(p -> p.parameters().forEach(o -> out.add(new Declared("model '" + p.name() + "'", o))));
    registry.backends().forEach(p -> p.parameters().forEach(o -> out.add(new Declared("backend '" + p.name() + "'", o))));
    return out.stream().filter(d -> d.parameter().lower().isPresent() || d.parameter().upper().isPresent());
  }

  @Test
  void theBuiltInPluginsDeclareTheirRanges() {
    assertThat(bounded().map(Declared::toString)).contains("strategy 'coreset-doubt' beam", "strategy 'batch-bald' samples",
        "strategy 'vabal' smoothing", "model 'mlp' dropout", "model 'logistic' l2", "model 'committee' members",
        "backend 'java' threads", "backend 'djl' block");
    assertThat(bounded()).hasSizeGreaterThan(25);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("bounded")
  void theDefaultLiesInTheRangeAndValuesBeyondEitherEndAreRefused(Declared d) {
    Parameter p = d.parameter();
    assertThat(Options.defaults(d.owner(), List.of(p)).asText()).containsKey(p.name());
    p.lower().ifPresent(b -> assertEnd(d, b, -1));
    p.upper().ifPresent(b -> assertEnd(d, b, +1));
  }

  /** The value one step past end {@code b} (direction {@code -1} below, {@code +1} above) is refused; {@code b} itself is taken when included. */
  private static void assertEnd(Declared d, Parameter.Bound b, int direction) {
    Parameter p = d.parameter();
    boolean integer = p.type() == Parameter.Type.INTEGER;
    double past = !b.inclusive() ? b.value() : integer ? b.value() + direction
        : direction < 0 ? Math.nextDown(b.value()) : Math.nextUp(b.value());
    String shown = integer ? Long.toString((long) past) : Double.toString(past);
    assertThatThrownBy(() -> Options.resolve(d.owner(), List.of(p), Map.of(p.name(), shown)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(d.owner() + ": option '" + p.name() + "' = " + shown + ": expected " + p.range());
    if (b.inclusive()) {
      String end = integer ? Long.toString((long) b.value()) : Double.toString(b.value());
      assertThat(Options.resolve(d.owner(), List.of(p), Map.of(p.name(), end)).asText()).containsEntry(p.name(), end);
    }
  }

  @Test
  void strategiesShowsEachRange() {
    CliHarness.Result r = CliHarness.run("strategies");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("--set beam=1  (integer, 1 <= beam <= 256) ")
        .contains("--set beta=1.0  (real, >= 0) ")
        .contains("--set base=margin  (choice: least-confidence|margin|ratio|entropy|random) ");
  }
}
