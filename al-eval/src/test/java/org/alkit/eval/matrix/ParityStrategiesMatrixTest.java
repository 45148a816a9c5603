package org.alkit.eval.matrix;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One small matrix cell of each of eer, albl and discriminative, as {@code alkit eval} runs it. */
class ParityStrategiesMatrixTest {
  @TempDir
  Path dir;

  @Test
  void eachStrategyRunsACellOfAMatrix() {
    EvalMatrix matrix = EvalMatrix.parse("""
        name: parity
        datasets: [optdigits]
        scenarios: [balanced]
        strategies:
          - {name: eer, options: {candidates: 20, evaluation: 100}}
          - {name: albl, options: {strategies: 'margin,coreset', horizon: 20}}
          - discriminative
        seeds: 1
        model-options: {iterations: 60}
        initial-labeled: 20
        budget: 10
        rounds: 2
        """, "x");
    EvalResults results = MatrixRunner.run(matrix, dir.resolve("out"), MatrixRunner.Listener.NONE);
    assertThat(results.runs()).extracting(r -> r.key().strategy()).containsExactly("eer(candidates=20,evaluation=100)",
        "albl(horizon=20,strategies=margin,coreset)", "discriminative");
    assertThat(results.runs()).allSatisfy(r -> {
      assertThat(r.rounds()).hasSize(2);
      assertThat(r.last().labeled()).isEqualTo(40);
      assertThat(r.last().accuracy()).isGreaterThan(0.5);
    });
  }
}
