package org.alkit.uncertainty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.alkit.api.AlException;
import org.alkit.api.InvalidInputException;
import org.alkit.api.SelectionContext;
import org.alkit.api.Signal;
import org.alkit.api.StatefulStrategy;
import org.alkit.api.Strategy;
import org.alkit.api.UnknownNameException;
import org.alkit.testkit.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * albl's EXP4.P on the golden cases of {@code testdata/parity} (numpy, outside alkit:
 * {@code generate.py}), and albl's and eer's bad inputs.
 */
class ParityGoldenTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  static List<Path> exp4pCases() throws IOException {
    Path dir = Path.of(System.getProperty("alkit.root", "..")).resolve("testdata/parity");
    try (Stream<Path> files = Files.list(dir)) {
      List<Path> found = files.filter(f -> f.getFileName().toString().startsWith("exp4p_")).sorted().toList();
      assertThat(found).as("exp4p_* cases in %s", dir).isNotEmpty();
      return found;
    }
  }

  @ParameterizedTest
  @MethodSource("exp4pCases")
  void exp4pDrawsAndWeightsMatchNumpy(Path file) throws IOException {
    JsonNode c = JSON.readTree(file.toFile());
    Exp4P bandit = new Exp4P(c.get("experts").asInt(), c.get("delta").asDouble(), c.get("horizon").asInt(), 0);
    for (JsonNode round : c.get("rounds")) {
      if (!round.get("reward").isNull()) {
        bandit.update(round.get("reward").asDouble());
      }
      for (JsonNode pick : round.get("picks")) {
        Exp4P.Pick got = bandit.pick(JSON.convertValue(pick.get("arms"), int[].class),
            JSON.convertValue(pick.get("proposals"), int[].class), pick.get("u").asDouble());
        assertThat(got.arm()).as("%s arm", file.getFileName()).isEqualTo(pick.get("arm").asInt());
        assertThat(got.probability()).isCloseTo(pick.get("probability").asDouble(), within(1e-12));
      }
      // the state round-trips exactly at every round
      Exp4P copy = new Exp4P(c.get("experts").asInt(), c.get("delta").asDouble(), c.get("horizon").asInt(), 0);
      copy.restore(bandit.state());
      assertThat(copy.state()).isEqualTo(bandit.state());
    }
    double[] expected = JSON.convertValue(c.get("log-weights"), double[].class);
    double[] got = bandit.logWeights();
    for (int i = 0; i < expected.length; i++) {
      assertThat(got[i]).as("log-weight %d", i).isCloseTo(expected[i], within(1e-12));
    }
    assertThat(got[0]).as("the weights moved").isNotEqualTo(0.0);
  }

  @Test
  void alblRejectsUnknownSelfAndRepeatedExperts() {
    AlblProvider p = new AlblProvider();
    assertThatThrownBy(() -> p.create(p.options(Map.of("strategies", "margin,nope"))))
        .isInstanceOf(UnknownNameException.class).hasMessageContaining("option strategies").hasMessageContaining("nope").hasMessageContaining("entropy");
    assertThatThrownBy(() -> p.create(p.options(Map.of("strategies", "margin,albl"))))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("strategy 'albl': strategies = 'margin,albl'; expected other strategies than albl itself");
    assertThatThrownBy(() -> p.create(p.options(Map.of("strategies", "margin,,entropy"))))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("expected strategy names separated by commas");
    assertThatThrownBy(() -> p.create(p.options(Map.of("strategies", "margin,margin"))))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("names margin twice");
    assertThatThrownBy(() -> p.options(Map.of("pmin", "1"))).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("pmin");
    assertThatThrownBy(() -> p.options(Map.of("delta", "0"))).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("delta");
  }

  @Test
  void alblDeclaresItsExpertsSignalsAndRejectsAForeignState() {
    AlblProvider p = new AlblProvider();
    assertThat(p.requires(p.defaults())).containsExactlyInAnyOrder(Signal.PROBABILITIES, Signal.EMBEDDINGS);
    StatefulStrategy s = (StatefulStrategy) p.create(p.defaults());
    assertThatThrownBy(() -> s.restore("w=0x0.0p0;q=;u=")).isInstanceOf(InvalidInputException.class)
        .hasMessage("strategy-state = 'w=0x0.0p0;q=;u='; 1 weights for 4 experts");
    assertThatThrownBy(() -> s.restore("w=a,b,c,d;q=;u=")).isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("strategy-state = 'w=a,b,c,d;q=;u='");
  }

  @Test
  void alblLearnsFromTheNextRoundsLabelsAndRefusesAPickThatIsNotLabeled() {
    AlblProvider p = new AlblProvider();
    Strategy s = p.create(p.options(Map.of("strategies", "margin,entropy")));
    SelectionContext first = Fixtures.context(60, 10, 5, 3).build();
    int[] picked = s.select(first).indices();
    String before = ((StatefulStrategy) s).state();
    // the next round's context: the same labeled items, the picks not labeled
    assertThatThrownBy(() -> s.select(first)).isInstanceOf(AlException.class)
        .hasMessageContaining("picked item " + picked[0] + " in an earlier round, and it is not labeled now");
    assertThat(before).contains("q=" + picked[0] + ":");
  }

  @Test
  void eerWithoutARefittingModelSaysToRunItInALoop() {
    ExpectedErrorReductionProvider p = new ExpectedErrorReductionProvider();
    SelectionContext ctx = Fixtures.context(20, 4, 2, 1).build();
    assertThatThrownBy(() -> p.create(p.defaults()).select(ctx)).isInstanceOf(AlException.class)
        .hasMessage("strategy 'eer' refits the model and none is bound (Refitting); run it in a loop (alkit run) with"
            + " a model that refits (logistic)");
    assertThatThrownBy(() -> p.options(Map.of("loss", "hinge"))).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("hinge");
    assertThatThrownBy(() -> p.options(Map.of("candidates", "0"))).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("candidates");
  }
}
