package org.alkit.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.alkit.api.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunConfigTest {
  @Test
  void parsesEveryKeyAndDefaultsTheRest(@TempDir Path dir) throws IOException {
    Path yaml = dir.resolve("run.yaml");
    Files.writeString(yaml, String.join("\n",
        "dataset: blobs",
        "model: committee",
        "model-options: {members: 3, l2: 0.1}",
        "strategy: margin",
        "backend-options: {threads: 2}",
        "budget: 5",
        "seed: 12345678901",
        "test-fraction: 0.5",
        "scenarios:",
        "  - {name: rare-classes, strategy: smi, strategy-options: {function: flqmi}}",
        "  - {name: plain}"));
    RunConfig c = RunConfig.load(yaml);
    assertThat(c.dataset()).isEqualTo("blobs");
    assertThat(c.model()).isEqualTo("committee");
    assertThat(c.modelOptions()).isEqualTo(Map.of("members", "3", "l2", "0.1"));
    assertThat(c.backendOptions()).isEqualTo(Map.of("threads", "2"));
    assertThat(c.budget()).isEqualTo(5);
    assertThat(c.seed()).isEqualTo(12345678901L);
    assertThat(c.testFraction()).isEqualTo(0.5);
    assertThat(c.rounds()).isEqualTo(RunConfig.defaults().rounds());
    assertThat(c.scenarios()).containsExactly(
        new ScenarioConfig("rare-classes", "smi", Map.of("function", "flqmi")),
        new ScenarioConfig("plain", "margin", Map.of()));
    assertThat(c.forScenario(c.scenarios().get(0)).strategy()).isEqualTo("smi");
    assertThat(RunConfig.parse("")).isEqualTo(RunConfig.defaults());
  }

  @Test
  void aFileWithoutAKeyIsRefusedNamingTheFile(@TempDir Path dir) throws IOException {
    for (String text : new String[] {"", "\n\n", "# a comment only\n  # and another\n"}) {
      Path yaml = dir.resolve("empty.yml");
      Files.writeString(yaml, text);
      assertThatThrownBy(() -> RunConfig.load(yaml)).as("%s", text).isInstanceOf(InvalidInputException.class)
          .hasMessageStartingWith(yaml + ": the configuration is empty (no key, at most comments); expected a mapping "
              + "of dataset, model,");
    }
  }

  @Test
  void scenariosTakeExplicitQueryAndPrivateSetsWithFilesBesideTheConfiguration(@TempDir Path dir) throws IOException {
    Path yaml = dir.resolve("sub").resolve("run.yaml");
    Files.createDirectories(yaml.getParent());
    Files.writeString(yaml, "scenarios:\n"
        + "  - {name: q, strategy: similar, query: [5, 1], private-data: seen.npy}\n"
        + "  - {name: p, strategy: similar, private: 7, query-data: /abs/q.npy}\n");
    RunConfig c = RunConfig.load(yaml);
    ScenarioConfig q = c.scenarios().get(0);
    assertThat(q.query()).containsExactly(5, 1);
    assertThat(q.privateData()).contains(yaml.getParent().resolve("seen.npy"));
    assertThat(q.hints().queryIndices()).containsExactly(5, 1);
    ScenarioConfig p = c.scenarios().get(1);
    assertThat(p.privateSet()).containsExactly(7);
    assertThat(p.hints().privateIndices()).containsExactly(7);
    assertThat(p.queryData()).contains(Path.of("/abs/q.npy"));
    assertThat(RunConfig.fromTree(c.toTree())).isEqualTo(c);
    assertThatThrownBy(() -> RunConfig.parse("scenarios: [{name: a, query: [1, x]}]"))
        .hasMessage("scenarios[0].query = [1, x]; expected a list of pool indices >= 0, e.g. [12, 40]");
    assertThatThrownBy(() -> RunConfig.parse("scenarios: [{name: a, private: [2, 2]}]"))
        .hasMessage("scenario 'a': private holds 2 twice; expected distinct pool indices >= 0");
    assertThatThrownBy(() -> RunConfig.parse("scenarios: [{name: a, private: [2], private-data: p.npy}]"))
        .hasMessageContaining("both private and private-data = p.npy; expected one");
    assertThatThrownBy(() -> RunConfig.parse("scenarios: [{name: a, query-data: [x]}]"))
        .hasMessage("scenarios[0].query-data = [x]; expected the path of a .npy file");
  }

  @Test
  void unknownKeysListTheKnownOnes() {
    assertThatThrownBy(() -> RunConfig.parse("stratgy: margin"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("unknown key 'stratgy'; known keys: dataset, model, model-options, strategy");
    assertThatThrownBy(() -> RunConfig.parse("scenarios: [{name: a, budget: 3}]"))
        .hasMessageContaining("scenarios[0] has an unknown key 'budget'; known keys: name, strategy, strategy-options");
  }

  @Test
  void badValuesNameTheirKey() {
    assertThatThrownBy(() -> RunConfig.parse("budget: 0")).hasMessage("budget = 0; expected >= 1");
    assertThatThrownBy(() -> RunConfig.parse("rounds: ten")).hasMessage("rounds = ten; expected an integer");
    assertThatThrownBy(() -> RunConfig.parse("test-fraction: 1.5"))
        .hasMessage("test-fraction = 1.5; expected 0 < test-fraction < 1");
    assertThatThrownBy(() -> RunConfig.parse("model-options: 3"))
        .hasMessageContaining("model-options = 3; expected a mapping");
    assertThatThrownBy(() -> RunConfig.parse("model: [a, b]")).hasMessageContaining("model = [a, b]; expected a name");
    assertThatThrownBy(() -> RunConfig.parse("scenarios: [{strategy: x}]"))
        .hasMessageContaining("scenarios[0] has no 'name'");
    assertThatThrownBy(() -> RunConfig.parse("- just\n- a list")).hasMessageContaining("expected a mapping");
    assertThatThrownBy(() -> RunConfig.parse("budget: [1")).hasMessageContaining("malformed YAML");
  }

  @Test
  void aMissingFileIsNamed(@TempDir Path dir) {
    assertThatThrownBy(() -> RunConfig.load(dir.resolve("none.yaml")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("none.yaml: no such file");
  }

  @Test
  void unsafeYamlTagsAreRefused() {
    assertThatThrownBy(() -> RunConfig.parse("dataset: !!java.io.File [/etc/passwd]"))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("malformed YAML");
  }

  @Test
  void scenariosCarryRareAndOodClassesAsHints() {
    RunConfig c = RunConfig.parse("scenarios:\n  - {name: rare-classes, strategy: similar, rare-classes: [7, 3]}\n"
        + "  - {name: ood, strategy: similar, ood-classes: 9}\n");
    assertThat(c.scenarios().get(0).hints().rareClasses()).containsExactlyInAnyOrder(3, 7);
    assertThat(c.scenarios().get(0).hints().scenario()).isEqualTo("rare-classes");
    assertThat(c.scenarios().get(1).hints().oodClasses()).containsExactly(9);
    assertThatThrownBy(() -> RunConfig.parse("scenarios:\n  - {name: x, rare-classes: [-1]}\n"))
        .hasMessageContaining("scenarios[0].rare-classes = [-1]").hasMessageContaining("class labels >= 0");
  }

  @Test
  void duplicateKeysAndSyntaxErrorsAreOneLineWithTheirPosition() {
    assertThatThrownBy(() -> RunConfig.parse("budget: 3\nrounds: 2\nbudget: 4\n"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("malformed YAML at line 3, column 1: found duplicate key budget; expected each key once");
    assertThatThrownBy(() -> RunConfig.parse("budget: [3\nrounds: 2\n")).hasMessageStartingWith(
        "malformed YAML at line 2").hasMessageNotContaining("\n");
    assertThatThrownBy(() -> RunConfig.parse("model-options: [1, 2]\n"))
        .hasMessage("model-options = [1, 2]; expected a mapping of option names to values");
  }

  @Test
  void aRelativeDatasetPathIsRelativeToTheConfigurationFile(@TempDir Path dir) throws IOException {
    Path sub = Files.createDirectories(dir.resolve("configs"));
    Path yaml = Files.writeString(sub.resolve("run.yml"), "dataset: data/train.csv\n");
    assertThat(RunConfig.load(yaml).dataset()).isEqualTo(sub.resolve("data/train.csv").toAbsolutePath().toString());
    Files.writeString(yaml, "dataset: optdigits\n");
    assertThat(RunConfig.load(yaml).dataset()).isEqualTo("optdigits");
    Files.writeString(yaml, "dataset: " + dir.resolve("abs.csv").toAbsolutePath() + "\n");
    assertThat(RunConfig.load(yaml).dataset()).isEqualTo(dir.resolve("abs.csv").toAbsolutePath().toString());
  }

  @Test
  void anEngineAndItsSettingsSurviveTheJournalsRoundTripAndALocalRunWritesNone() {
    RunConfig spark = RunConfig.parse("engine: spark\nspark-master: local[2]\nspark-conf: {alkit.partitions: 4}\n");
    assertThat(spark.engine()).isEqualTo("spark");
    assertThat(spark.engineSettings()).containsExactlyInAnyOrderEntriesOf(
        Map.of("master", "local[2]", "alkit.partitions", "4"));
    assertThat(RunConfig.fromTree(spark.toTree())).isEqualTo(spark);
    assertThat(RunConfig.defaults().engine()).isEqualTo("local");
    assertThat(RunConfig.defaults().toTree()).doesNotContainKeys("engine", "spark-master", "spark-conf");
    assertThat(spark.withEngine("local", Map.of())).isEqualTo(RunConfig.defaults());
    assertThatThrownBy(() -> RunConfig.parse("spark-conf: {a: b}"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("spark-master and spark-conf with engine local; expected engine: spark for them");
  }
}
