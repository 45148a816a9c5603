package org.alkit.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.alkit.api.InvalidInputException;
import org.junit.jupiter.api.Test;

/** The one YAML reader: safe types, each key once, known keys, typed values named by their key path. */
class YamlTreeTest {
  private static final List<String> KNOWN = List.of("name", "budget", "seed", "rate", "options", "items", "inner");

  private static YamlTree tree(String text) {
    return YamlTree.read(text, "the file", KNOWN).orElseThrow();
  }

  @Test
  void readsTypedValuesAndTheirDefaults() {
    YamlTree t = tree("name: x\nbudget: 3\nseed: 12345678901\nrate: 0.5\noptions: {a: 1, b: two}\nitems: 7\n");
    assertThat(t.text("name", "d")).isEqualTo("x");
    assertThat(t.integer("budget", 0)).isEqualTo(3);
    assertThat(t.whole("seed", 0)).isEqualTo(12_345_678_901L);
    assertThat(t.real("rate", 0)).isEqualTo(0.5);
    assertThat(t.options("options")).containsExactly(Map.entry("a", "1"), Map.entry("b", "two"));
    assertThat(t.list("items")).isEqualTo(List.of(7));
    assertThat(t.keys()).containsExactly("name", "budget", "seed", "rate", "options", "items");
    YamlTree empty = tree("inner: ~");
    assertThat(empty.text("name", "d")).isEqualTo("d");
    assertThat(empty.integer("budget", 9)).isEqualTo(9);
    assertThat(empty.real("rate", 0.25)).isEqualTo(0.25);
    assertThat(empty.options("options")).isEmpty();
    assertThat(empty.list("items")).isEmpty();
    assertThat(YamlTree.read("", "the file", KNOWN)).isEmpty();
    assertThat(t.only(List.of("rate", "seed", "other")).keys()).containsExactly("seed", "rate");
  }

  @Test
  void namesTheKeyPathTheBadValueAndWhatWasExpected() {
    assertThatThrownBy(() -> tree("budget: ten").integer("budget", 0)).isInstanceOf(InvalidInputException.class)
        .hasMessage("budget = ten; expected an integer");
    assertThatThrownBy(() -> tree("budget: 3000000000").integer("budget", 0))
        .hasMessage("budget = 3000000000; expected a 32-bit integer");
    assertThatThrownBy(() -> tree("budget: ~").integer("budget", 0)).hasMessage("budget = ~; expected an integer");
    assertThatThrownBy(() -> tree("rate: fast").real("rate", 0)).hasMessage("rate = fast; expected a number");
    assertThatThrownBy(() -> tree("name: [a, b]").text("name", "")).hasMessage("name = [a, b]; expected a name");
    assertThatThrownBy(() -> tree("options: [1, 2]").options("options"))
        .hasMessage("options = [1, 2]; expected a mapping of option names to values");
    YamlTree inner = YamlTree.of(tree("inner: {options: {a: [1]}}").get("inner"), "inner", "inner.", KNOWN);
    assertThatThrownBy(() -> inner.options("options")).hasMessage("inner.options.a = [1]; expected a single value");
    assertThat(inner.path("budget")).isEqualTo("inner.budget");
  }

  @Test
  void refusesUnknownKeysDuplicateKeysUnsafeTypesAndMalformedTextInOneLine() {
    assertThatThrownBy(() -> tree("nmae: x")).isInstanceOf(InvalidInputException.class)
        .hasMessage("the file has an unknown key 'nmae'; known keys: name, budget, seed, rate, options, items, inner");
    assertThatThrownBy(() -> tree("- a\n- b")).hasMessage("the file = [a, b]; expected a mapping of name, budget, seed, "
        + "rate, options, items, inner");
    assertThatThrownBy(() -> tree("budget: 3\nname: x\nbudget: 4\n"))
        .hasMessage("malformed YAML at line 3, column 1: found duplicate key budget; expected each key once");
    assertThatThrownBy(() -> tree("name: !!java.io.File [/etc/passwd]")).hasMessageStartingWith("malformed YAML");
    assertThatThrownBy(() -> tree("budget: [3\nname: 2\n")).hasMessageStartingWith("malformed YAML at line 2")
        .hasMessageNotContaining("\n");
  }
}
