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
import org.alkit.api.InvalidInputException;
import org.alkit.api.Matrix;
import org.alkit.api.SelectionContext;
import org.alkit.api.Signal;
import org.alkit.testkit.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code information-density} on the golden cases of {@code testdata/parity/information_density_*},
 * computed with numpy outside alkit ({@code testdata/parity/generate_geometric.py}): every score within 10⁻¹² (relative),
 * a zero embedding and one pointing away from the pool included, and the ordered selection equal;
 * and its bad options.
 */
class InformationDensityTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  static List<Path> cases() throws IOException {
    Path dir = Path.of(System.getProperty("alkit.root", "..")).resolve("testdata/parity");
    try (Stream<Path> files = Files.list(dir)) {
      List<Path> found = files.filter(f -> f.getFileName().toString().startsWith("information_density_")).sorted().toList();
      assertThat(found).as("information_density_* cases in %s", dir).isNotEmpty();
      return found;
    }
  }

  @ParameterizedTest
  @MethodSource("cases")
  void matchesNumpy(Path file) throws IOException {
    JsonNode c = JSON.readTree(file.toFile());
    Matrix p = Matrix.of(JSON.convertValue(c.get("probabilities"), double[][].class));
    Matrix e = Matrix.of(JSON.convertValue(c.get("embeddings"), double[][].class));
    SelectionContext ctx = SelectionContext.builder(p.rows())
        .labeled(JSON.convertValue(c.get("labeled"), int[].class), null).budget(c.get("budget").asInt())
        .signal(Signal.PROBABILITIES, p).signal(Signal.EMBEDDINGS, e)
        .backend(Fixtures.javaBackend().orElseThrow()).build();
    InformationDensityProvider provider = new InformationDensityProvider();
    Map<String, String> options = Map.of("base", c.get("base").asText(), "beta", c.get("beta").asText());
    assertThat(Strategies.select(provider, options, ctx).indices()).as("%s: selection", file.getFileName())
        .containsExactly(JSON.convertValue(c.get("selected"), int[].class));
    double[] expected = JSON.convertValue(c.get("scores"), double[].class);
    var all = Strategies.select(provider, options, ctx.toBuilder().budget(p.rows()).build());
    for (int r = 0; r < all.size(); r++) {
      int i = all.index(r);
      assertThat(all.score(r)).as("%s: score of item %d", file.getFileName(), i)
          .isCloseTo(expected[i], within(1e-12 * Math.max(1, Math.abs(expected[i]))));
    }
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource(delimiter = '|', value = {
      "beta | -1      | 0 <= beta <= 100",
      "beta | 101     | 0 <= beta <= 100",
      "base | bald    | entropy"})
  void badOptionsAreNamed(String key, String value, String expected) {
    InformationDensityProvider p = new InformationDensityProvider();
    assertThatThrownBy(() -> p.create(p.options(Map.of(key, value))))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(key).hasMessageContaining(value).hasMessageContaining(expected);
  }

  @Test
  void betaZeroIsThePlainUncertainty() {
    SelectionContext ctx = Fixtures.context(60, 10, 60, 4).build();
    double[] density = Strategies.scores(new InformationDensityProvider(), ctx);
    var plain = Strategies.select(new InformationDensityProvider(), Map.of("beta", "0"), ctx.toBuilder().budget(60).build());
    double[] entropy = Strategies.scores(new EntropyProvider(), ctx);
    for (int r = 0; r < plain.size(); r++) {
      assertThat(plain.score(r)).isEqualTo(entropy[plain.index(r)]);
    }
    assertThat(density).as("beta 1 weighs by density").isNotEqualTo(entropy);
  }
}
