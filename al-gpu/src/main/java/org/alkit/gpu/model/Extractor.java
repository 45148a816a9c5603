package org.alkit.gpu.model;

import ai.djl.Device;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.alkit.api.Matrix;
import org.alkit.gpu.engine.Torch;

/**
 * A fixed feature extractor: the feature block of an {@link Architecture} with weights drawn once
 * from libtorch's generator under {@code seed} and never trained. Its scaling is fitted on the
 * first matrix it sees (the pool). Features are computed once per matrix and cached while the
 * matrix is reachable (compared by identity: the active-learning loop passes the same pool and
 * test matrices every round).
 */
final class Extractor {
  private final Architecture architecture;
  private final Device device;
  private final long seed;
  private final List<Cached> cache = new ArrayList<>();
  private int columns = -1;
  private Scaler scaler;
  private Weights weights;

  private record Cached(WeakReference<Matrix> input, Matrix features) {}

  Extractor(Architecture architecture, Device device, long seed) {
    this.architecture = architecture;
    this.device = device;
    this.seed = seed;
  }

  /** The features of every row of {@code x}. */
  synchronized Matrix apply(Matrix x) {
    for (Iterator<Cached> it = cache.iterator(); it.hasNext(); ) {
      Cached c = it.next();
      Matrix input = c.input().get();
      if (input == null) {
        it.remove();
      } else if (input == x) {
        return c.features();
      }
    }
    if (x.cols() != columns) {
      prepare(x);
    }
    Matrix features = extract(x);
    cache.add(new Cached(new WeakReference<>(x), features));
    return features;
  }

  private void prepare(Matrix x) {
    cache.clear();
    columns = x.cols();
    scaler = architecture.scaler(x);
    weights = Torch.seeded(seed, () -> {
      try (NDManager manager = Torch.engine().newBaseManager(device)) {
        Block block = architecture.features(columns);
        block.initialize(manager, DataType.FLOAT32, architecture.inputShape(columns, 1));
        return Weights.of(block);
      }
    });
  }

  private Matrix extract(Matrix x) {
    int d = architecture.embeddingSize(columns);
    float[] out = new float[Math.multiplyExact(x.rows(), d)];
    try (NDManager manager = Torch.engine().newBaseManager(device)) {
      Block block = architecture.features(columns);
      weights.loadInto(block, manager);
      ParameterStore store = new ParameterStore(manager, false);
      Forward.batches(x, architecture, scaler, manager, (input, from, to) -> System.arraycopy(
          block.forward(store, new NDList(input), false).singletonOrThrow().toFloatArray(), 0, out, from * d,
          (to - from) * d));
    }
    return Matrix.wrap(x.rows(), d, out);
  }

  @Override
  public String toString() {
    return architecture + " seed=" + seed;
  }
}
