package org.alkit.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
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
}
