package org.alkit.gpu.model;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.alkit.gpu.engine.Torch;
import org.junit.jupiter.api.Test;

/** {@link ParameterUpdate} against DJL's {@code Trainer.step()}: the same weights, bit for bit, step after step. */
class ParameterUpdateTest {
  private static final int STEPS = 5;

  @Test
  void updatesEveryParameterAsTheTrainersStepDoes() {
    List<float[]> byTrainer = Torch.seeded(3, () -> train(false));
    List<float[]> byUpdate = Torch.seeded(3, () -> train(true));
    assertThat(byUpdate).hasSize(4);
    for (int p = 0; p < byTrainer.size(); p++) {
      assertThat(byUpdate.get(p)).as("parameter %d", p).containsExactly(byTrainer.get(p));
    }
    assertThat(byUpdate.get(0)).as("the steps moved the weights").isNotEqualTo(initial());
  }

  private static float[] initial() {
    return Torch.seeded(3, () -> {
      try (Model model = model(); Trainer trainer = model.newTrainer(config(adam()))) {
        trainer.initialize(new Shape(1, 6));
        return model.getBlock().getParameters().valueAt(0).getArray().toFloatArray();
      }
    });
  }

  /** The weights after {@link #STEPS} Adam steps with weight decay on random batches. */
  private static List<float[]> train(boolean ours) {
    Optimizer adam = adam();
    try (Model model = model(); Trainer trainer = model.newTrainer(config(adam))) {
      trainer.initialize(new Shape(1, 6));
      ParameterUpdate update = new ParameterUpdate(adam, model.getBlock().getParameters().values());
      SplittableRandom random = new SplittableRandom(11);
      for (int s = 0; s < STEPS; s++) {
        try (NDManager step = trainer.getManager().newSubManager()) {
          float[] x = new float[8 * 6];
          long[] y = new long[8];
          for (int i = 0; i < x.length; i++) {
            x[i] = (float) random.nextGaussian();
          }
          for (int i = 0; i < y.length; i++) {
            y[i] = random.nextInt(3);
          }
          try (GradientCollector collector = trainer.newGradientCollector()) {
            NDList out = trainer.forward(new NDList(step.create(x, new Shape(8, 6))));
            collector.backward(trainer.getLoss().evaluate(new NDList(step.create(y)), out));
          }
          if (ours) {
            update.apply();
          } else {
            trainer.step();
          }
        }
      }
      List<float[]> weights = new ArrayList<>();
      for (Parameter p : model.getBlock().getParameters().values()) {
        NDArray array = p.getArray();
        weights.add(array.toFloatArray());
      }
      return weights;
    }
  }

  private static Model model() {
    Block block = new SequentialBlock()
        .add(Linear.builder().setUnits(5).build())
        .add(Activation::relu)
        .add(Linear.builder().setUnits(3).build());
    Model model = Model.newInstance("update", Device.cpu(), Torch.ENGINE);
    model.setBlock(block);
    return model;
  }

  private static Optimizer adam() {
    return Optimizer.adam().optWeightDecays(1e-2f).build();
  }

  private static DefaultTrainingConfig config(Optimizer adam) {
    return new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss()).optOptimizer(adam)
        .optDevices(new Device[] {Device.cpu()});
  }
}
