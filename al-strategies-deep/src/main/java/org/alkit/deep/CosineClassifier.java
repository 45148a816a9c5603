package org.alkit.deep;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * The classifier of minimax entropy (Saito, Kim, Sclaroff, Darrell and Saenko, "Semi-supervised
 * Domain Adaptation via Minimax Entropy", ICCV 2019), on which MAL builds: one prototype w_c per
 * class and the cosine of the feature to each, sharpened by a temperature T,
 *
 * <pre>  ℓ_c = (f / ‖f‖) · (w_c / ‖w_c‖) / T</pre>
 *
 * (norms with ε = 10⁻¹² under the root). Its entropy over unlabeled items is what the
 * prototypes maximise and the encoder minimises.
 */
final class CosineClassifier extends AbstractBlock {
  private static final float EPSILON = 1e-12f;

  private final int classes;
  private final float temperature;
  private final Parameter prototypes;

  CosineClassifier(int classes, double temperature) {
    this.classes = classes;
    this.temperature = (float) temperature;
    this.prototypes = addParameter(Parameter.builder().setName("prototypes").setType(Parameter.Type.WEIGHT).build());
  }

  @Override
  protected void prepare(Shape[] inputShapes) {
    prototypes.setShape(new Shape(classes, inputShapes[0].get(1)));
  }

  @Override
  protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
      PairList<String, Object> params) {
    NDArray f = inputs.singletonOrThrow();
    NDManager manager = f.getManager();
    NDArray epsilon = manager.create(EPSILON);
    NDArray w = store.getValue(prototypes, f.getDevice(), training);
    NDArray fn = f.div(f.square().sum(new int[] {1}, true).add(epsilon).sqrt());
    NDArray wn = w.div(w.square().sum(new int[] {1}, true).add(epsilon).sqrt());
    return new NDList(fn.matMul(wn.transpose()).div(manager.create(temperature)));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {new Shape(inputShapes[0].get(0), classes)};
  }
}
