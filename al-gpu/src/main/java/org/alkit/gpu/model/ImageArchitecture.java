package org.alkit.gpu.model;

import ai.djl.ndarray.types.Shape;
import org.alkit.api.Matrix;

/** An {@link Architecture} over images: rows are reshaped to C × H × W and scaled per channel. */
interface ImageArchitecture extends Architecture {
  /**
   * The item shape of rows of {@code columns} values, checked against the layers.
   *
   * @throws org.alkit.api.InvalidInputException naming the option when it does not fit
   */
  ItemShape shape(int columns);

  @Override
  default Scaler scaler(Matrix x) {
    return Scaler.perChannel(x, shape(x.cols()));
  }

  @Override
  default Shape inputShape(int columns, long n) {
    ItemShape s = shape(columns);
    return new Shape(n, s.channels(), s.height(), s.width());
  }
}
