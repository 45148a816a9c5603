package com.example.outlier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.alkit.api.InvalidInputException;
import org.alkit.api.Matrix;
import org.alkit.api.SelectionContext;
import org.alkit.api.Signal;
import org.alkit.api.StrategyProvider;
import org.alkit.testkit.Fixtures;
import org.alkit.testkit.StrategyContractTest;
import org.junit.jupiter.api.Test;

class OutlierContractTest extends StrategyContractTest {
  @Override
  protected StrategyProvider provider() {
    return new OutlierProvider();
  }

  @Test
  void picksTheItemFarthestFromTheMean() {
    Matrix h = Matrix.of(new float[][] {{0, 0}, {1, 0}, {0, 1}, {9, 9}, {1, 1}});
    SelectionContext ctx = SelectionContext.builder(5).budget(2).signal(Signal.EMBEDDINGS, h)
        .backend(Fixtures.javaBackend().orElseThrow()).build();
    OutlierProvider p = new OutlierProvider();
    assertThat(p.create(p.defaults()).select(ctx).indices()).containsExactly(3, 0);
  }

  @Test
  void rejectsPowerBelowOne() {
    OutlierProvider p = new OutlierProvider();
    assertThatThrownBy(() -> p.create(p.options(Map.of("power", "0.5"))))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("power").hasMessageContaining("0.5");
  }
}
