package org.alkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The survey's strategies and models through {@code alkit eval} on optdigits (small networks, one
 * seed, two rounds): label dispersion and EGL on an mlp, variation ratio and BALD on deep
 * ensembles of each kind, BALD on Bayes by backprop, Suggestive Annotation on a bootstrap
 * ensemble, and margin selected by a logistic proxy for an mlp; the journal records each run's
 * models, metrics.csv the selection fit times.
 */
class SurveyEvalTest {
  @TempDir
  Path dir;

  @Test
  void everySurveyCellRunsAndTheJournalRecordsItsModels() throws IOException {
    String small = "hidden: \"16\", epochs: 4";
    Path matrix = Files.writeString(dir.resolve("survey.yml"), String.join("\n",
        "name: survey-smoke",
        "datasets: [optdigits]",
        "scenarios: [balanced]",
        "strategies:",
        "  - label-dispersion",
        "  - egl",
        "  - {name: variation-ratio, label: ensemble-vr, options: {over: committee-probabilities}, model: ensemble,",
        "     model-options: {members: 2, " + small + "}}",
        "  - {name: bald, label: snapshot-bald, model: ensemble, model-options: {members: 2, kind: snapshot, "
            + small + "}}",
        "  - {name: bald, label: stochastic-bald, model: ensemble,",
        "     model-options: {members: 2, kind: stochastic, mc-samples: 2, " + small + "}}",
        "  - {name: bald, label: bbb-bald, model: bbb, model-options: {" + small + ", mc-samples: 3}}",
        "  - {name: suggestive-annotation, label: sa, model: ensemble, model-options: {members: 2, bootstrap: true, "
            + small + "}}",
        "  - {name: margin, label: margin-proxy, selection-model: logistic, selection-model-options: {iterations: 50}}",
        "seeds: 1",
        "model: mlp",
        "model-options: {" + small + "}",
        "initial-labeled: 20",
        "budget: 10",
        "rounds: 2",
        "pool-size: 300",
        "test-size: 200",
        "parallel: 1",
        ""));
    Path out = dir.resolve("out");
    CliHarness.Result r = CliHarness.run("eval", matrix.toString(), "--out", out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    ObjectMapper json = new ObjectMapper();
    Map<String, JsonNode> runs = new HashMap<>();
    for (String line : Files.readAllLines(out.resolve("journal.jsonl"))) {
      JsonNode node = json.readTree(line);
      if (node.has("key")) {
        runs.put(node.get("key").get("strategy").asText(), node);
      }
    }
    assertThat(runs).containsOnlyKeys("label-dispersion", "egl", "ensemble-vr", "snapshot-bald", "stochastic-bald",
        "bbb-bald", "sa", "margin-proxy");
    assertThat(runs.values()).allSatisfy(run -> assertThat(run.get("rounds")).hasSize(2));
    assertThat(runs.get("ensemble-vr").get("model").asText()).startsWith("ensemble {").contains("members=2");
    assertThat(runs.get("ensemble-vr").get("selectionModel").asText()).isEmpty();
    assertThat(runs.get("margin-proxy").get("model").asText()).startsWith("mlp {");
    assertThat(runs.get("margin-proxy").get("selectionModel").asText()).isEqualTo("logistic {iterations=50}");
    List<String> csv = Files.readAllLines(out.resolve("metrics.csv"));
    assertThat(csv.get(0)).endsWith("selection_fit_ms,model,selection_model");
    assertThat(csv).anySatisfy(line -> assertThat(line).startsWith("optdigits,balanced,margin-proxy,1,1,")
        .endsWith(",logistic {iterations=50}"));
  }
}
