package org.alkit.bayesian;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.alkit.api.InvalidInputException;
import org.alkit.api.MissingSignalException;
import org.alkit.api.Options;
import org.alkit.api.Selection;
import org.alkit.api.SelectionContext;
import org.alkit.api.Signal;
import org.alkit.testkit.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code variation-ratio} over a committee's members (Beluch et al. 2018): the golden cases of
 * {@code testdata/survey/variation_ratio_committee_*} (numpy, outside alkit), the signal the option
 * requires, and the one-member committee it refuses.
 */
class VariationRatioCommitteeTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, String> OVER_COMMITTEE = Map.of("over", "committee-probabilities");

  static List<Path> cases() throws IOException {
    Path dir = Path.of(System.getProperty("alkit.root", "..")).resolve("testdata/survey");
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().startsWith("variation_ratio_committee_")).sorted().toList();
    }
  }

  @Test
  void theCasesAreThere() throws IOException {
    assertThat(cases()).hasSize(2);
  }

  @ParameterizedTest
  @MethodSource("cases")
  void votesMatchNumpy(Path file) throws IOException {
    JsonNode c = JSON.readTree(file.toFile());
    double[][][] committee = JSON.convertValue(c.get("committee"), double[][][].class);
    SelectionContext ctx = committee(committee).budget(committee[0].length).build();
    Selection all = McPools.select(new VariationRatioProvider(), OVER_COMMITTEE, ctx);
    double[] expected = JSON.convertValue(c.get("scores"), double[].class);
    for (int r = 0; r < all.size(); r++) {
      assertThat(all.score(r)).as("%s: item %d", file.getFileName(), all.index(r)).isEqualTo(expected[all.index(r)]);
    }
    int[] selected = JSON.convertValue(c.get("selected"), int[].class);
    assertThat(McPools.select(new VariationRatioProvider(), OVER_COMMITTEE,
        ctx.toBuilder().budget(c.get("budget").asInt()).build()).indices())
        .as("%s: selection", file.getFileName()).containsExactly(selected);
  }

  @Test
  void aCommitteeGivesTheScoresOfTheSamePassesAsMonteCarloSamples() {
    double[][][] passes = McPools.random(6, 50, 4, 3);
    SelectionContext ctx = committee(passes).stack(Signal.MC_PROBABILITIES, McPools.stack(passes)).budget(50).build();
    assertThat(McPools.select(new VariationRatioProvider(), OVER_COMMITTEE, ctx).scores())
        .containsExactly(McPools.select(new VariationRatioProvider(), Map.of(), ctx).scores());
  }

  @Test
  void theOptionDecidesTheRequiredSignal() {
    VariationRatioProvider p = new VariationRatioProvider();
    assertThat(p.requires(p.defaults())).containsExactly(Signal.MC_PROBABILITIES);
    assertThat(p.requires(Options.resolve("variation-ratio", p.parameters(), OVER_COMMITTEE)))
        .containsExactly(Signal.COMMITTEE_PROBABILITIES);
    SelectionContext onlyMc = McPools.context(McPools.random(3, 10, 4, 1), 2).build();
    assertThatThrownBy(() -> McPools.select(p, OVER_COMMITTEE, onlyMc))
        .isInstanceOf(MissingSignalException.class).hasMessageContaining("committee-probabilities");
  }

  @Test
  void aCommitteeOfOneMemberIsRefused() {
    SelectionContext ctx = committee(McPools.random(1, 10, 4, 1)).budget(2).build();
    assertThatThrownBy(() -> McPools.select(new VariationRatioProvider(), OVER_COMMITTEE, ctx))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("strategy 'variation-ratio': committee-probabilities holds 1 member; expected a committee of"
            + " at least 2 (one member always agrees with itself)");
  }

  private static SelectionContext.Builder committee(double[][][] members) {
    SelectionContext.Builder b = SelectionContext.builder(members[0].length)
        .stack(Signal.COMMITTEE_PROBABILITIES, McPools.stack(members));
    Fixtures.javaBackend().ifPresent(b::backend);
    return b;
  }
}
