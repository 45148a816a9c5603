package org.alkit.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** A parameter declaration is a validated value: equal when every property is, immutable, checked when made. */
class ParameterTest {
  @Test
  void equalDeclarationsAreEqualAndDifferentOnesAreNot() {
    Parameter base = Parameter.choice("base", "margin", "measure", "margin", "entropy");
    assertThat(base).isEqualTo(new Parameter("base", Parameter.Type.CHOICE, "margin", "measure",
        List.of("margin", "entropy")));
    assertThat(base.hashCode()).isEqualTo(Parameter.choice("base", "margin", "measure", "margin", "entropy").hashCode());
    assertThat(base).isNotEqualTo(Parameter.choice("base", "margin", "measure", "entropy", "margin"))
        .isNotEqualTo(Parameter.choice("base", "margin", "other words", "margin", "entropy"))
        .isNotEqualTo(Parameter.choice("base", "entropy", "measure", "margin", "entropy"))
        .isNotEqualTo(Parameter.text("base", "margin", "measure"));
    assertThat(base).hasToString("Parameter[name=base, type=CHOICE, defaultValue=margin, description=measure,"
        + " choices=[margin, entropy]]");
  }

  @Test
  void keepsACopyOfTheChoicesAndAnEmptyDescriptionForNone() {
    List<String> choices = new ArrayList<>(List.of("a", "b"));
    Parameter p = new Parameter("pick", Parameter.Type.CHOICE, "a", null, choices);
    choices.add("c");
    assertThat(p.choices()).containsExactly("a", "b");
    assertThatThrownBy(() -> p.choices().add("d")).isInstanceOf(UnsupportedOperationException.class);
    assertThat(p.description()).isEmpty();
  }

  @Test
  void rejectsABlankNameAChoiceWithoutChoicesAndADefaultThatDoesNotParse() {
    assertThatThrownBy(() -> Parameter.integer(" ", 1, "x")).hasMessage("parameter name must not be blank");
    assertThatThrownBy(() -> Parameter.choice("pick", "a", "x"))
        .hasMessage("choice parameter 'pick' lists no choices");
    assertThatThrownBy(() -> new Parameter("beam", Parameter.Type.INTEGER, "wide", "x", List.of()))
        .isInstanceOf(InvalidInputException.class).hasMessage("option 'beam' = 'wide': expected an integer");
  }

  @Test
  void boundsRefuseValuesOutsideTheRangeInOneLineNamingKeyValueAndRange() {
    Parameter beam = Parameter.integer("beam", 1, "beam width").atLeast(1).atMost(256);
    assertThat(beam.parse("256")).isEqualTo(256);
    assertThatThrownBy(() -> beam.parse("0")).isInstanceOf(InvalidInputException.class)
        .hasMessage("option 'beam' = 0: expected 1 <= beam <= 256");
    assertThatThrownBy(() -> Options.resolve("strategy 'coreset'", List.of(beam), Map.of("beam", "257")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("strategy 'coreset': option 'beam' = 257: expected 1 <= beam <= 256");
    Parameter dropout = Parameter.real("dropout", 0.25, "rate").atLeast(0).below(1);
    assertThat(dropout.parse("0")).isEqualTo(0.0);
    assertThatThrownBy(() -> dropout.parse("1")).hasMessage("option 'dropout' = 1.0: expected 0 <= dropout < 1");
    assertThatThrownBy(() -> Parameter.real("learning-rate", 1e-3, "step").above(0).parse("0"))
        .hasMessage("option 'learning-rate' = 0.0: expected > 0");
    assertThatThrownBy(() -> Parameter.real("p", 0.5, "x").atMost(0.75).parse("0.8"))
        .hasMessage("option 'p' = 0.8: expected <= 0.75");
    assertThatThrownBy(() -> Parameter.real("smoothing", 1, "a").above(0).atMost(1e6).parse("2e6"))
        .hasMessage("option 'smoothing' = 2000000.0: expected 0 < smoothing <= 1000000");
  }

  @Test
  void showsItsRangeAndTakesItIntoEqualityAndText() {
    Parameter beam = Parameter.integer("beam", 1, "beam width");
    assertThat(beam.range()).isEmpty();
    assertThat(beam.lower()).isEmpty();
    assertThat(beam.upper()).isEmpty();
    assertThat(beam.atLeast(1).atMost(256).lower()).contains(new Parameter.Bound(1, true));
    assertThat(beam.atLeast(1).below(256).upper()).contains(new Parameter.Bound(256, false));
    assertThat(beam.atLeast(1).range()).isEqualTo(">= 1");
    assertThat(beam.atLeast(1).atMost(256).range()).isEqualTo("1 <= beam <= 256");
    assertThat(beam.atLeast(0).atLeast(1)).isEqualTo(beam.atLeast(1)).hasSameHashCodeAs(beam.atLeast(1));
    assertThat(beam.atLeast(1)).isNotEqualTo(beam).isNotEqualTo(beam.above(0)).isNotEqualTo(beam.atLeast(1).atMost(9));
    assertThat(beam.atLeast(1)).hasToString("Parameter[name=beam, type=INTEGER, defaultValue=1, description=beam width,"
        + " choices=[], range=>= 1]");
    assertThat(beam).hasToString("Parameter[name=beam, type=INTEGER, defaultValue=1, description=beam width,"
        + " choices=[]]");
  }

  @Test
  void rejectsBoundsOnOtherTypesBoundsThatAreNotNumbersAndADefaultOutsideItsRange() {
    assertThatThrownBy(() -> Parameter.text("device", "cpu", "x").atLeast(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("parameter 'device' is TEXT; only INTEGER and REAL parameters take bounds");
    assertThatThrownBy(() -> Parameter.integer("beam", 1, "x").atLeast(0.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("parameter 'beam': bound 0.5; expected a finite whole number");
    assertThatThrownBy(() -> Parameter.real("rate", 1, "x").below(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("parameter 'rate': bound NaN; expected a finite number");
    assertThatThrownBy(() -> Parameter.integer("beam", 0, "x").atLeast(1))
        .isInstanceOf(InvalidInputException.class).hasMessage("option 'beam' = 0: expected >= 1");
    assertThatThrownBy(() -> Parameter.real("p", 0.5, "x").atLeast(0).below(0.5))
        .isInstanceOf(InvalidInputException.class).hasMessage("option 'p' = 0.5: expected 0 <= p < 0.5");
  }

  /** A value parses exactly when it lies within the declared bounds, and the refusal names value and range. */
  @Property(tries = 300)
  void acceptsExactlyTheValuesWithinItsBounds(@ForAll @IntRange(min = -50, max = 50) int min,
      @ForAll @IntRange(min = 0, max = 50) int width, @ForAll boolean minInclusive, @ForAll boolean maxInclusive,
      @ForAll @DoubleRange(min = -100, max = 100) double value) {
    double max = min + width + 1;
    double middle = (min + max) / 2;
    Parameter lower = Parameter.real("x", middle, "x");
    Parameter p = (minInclusive ? lower.atLeast(min) : lower.above(min));
    Parameter bounded = maxInclusive ? p.atMost(max) : p.below(max);
    boolean inside = (minInclusive ? value >= min : value > min) && (maxInclusive ? value <= max : value < max);
    if (inside) {
      assertThat(bounded.parse(Double.toString(value))).isEqualTo(value);
    } else {
      assertThatThrownBy(() -> bounded.parse(Double.toString(value))).isInstanceOf(InvalidInputException.class)
          .hasMessage("option 'x' = " + value + ": expected " + bounded.range());
    }
    assertThatThrownBy(() -> bounded.parse(Double.toString(minInclusive ? Math.nextDown((double) min) : min)))
        .isInstanceOf(InvalidInputException.class);
    assertThat(bounded.parse(Double.toString(maxInclusive ? max : Math.nextDown(max)))).isNotNull();
  }
}
