package org.alkit.gpu.model;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.alkit.api.Matrix;

/**
 * A multilayer perceptron: for each hidden size u, Linear(u) → ReLU → Dropout(p), over features
 * standardised per column. With no hidden layer it is a softmax regression whose h is the scaled
 * input. An auxiliary head taps each hidden layer's ReLU output ({@code batch × u}, before its
 * dropout), or the scaled input without a hidden layer.
 */
record Mlp(String owner, int[] hidden, double dropout) implements Architecture {
  Mlp {
    hidden = hidden.clone();
  }

  @Override
  public Scaler scaler(Matrix x) {
    return Scaler.perFeature(x);
  }

  @Override
  public Shape inputShape(int columns, long n) {
    return new Shape(n, columns);
  }

  @Override
  public int embeddingSize(int columns) {
    return hidden.length == 0 ? columns : hidden[hidden.length - 1];
  }

  @Override
  public SequentialBlock features(int columns) {
    SequentialBlock block = new SequentialBlock();
    for (int units : hidden) {
      block.add(Linear.builder().setUnits(units).build())
          .add(Activation.reluBlock())
          .add(Dropout.builder().optRate((float) dropout).build());
    }
    return block;
  }

  @Override
  public List<Integer> taps(int columns) {
    return hidden.length == 0 ? List.of(-1) : IntStream.range(0, hidden.length).map(k -> 3 * k + 1).boxed().toList();
  }

  @Override
  public String toString() {
    return "hidden=" + Arrays.toString(hidden) + " dropout=" + dropout;
  }
}
