package org.alkit.runtime;

import java.util.List;
import java.util.Set;
import org.alkit.api.FittedModel;
import org.alkit.api.Matrix;
import org.alkit.api.ModelAdapter;
import org.alkit.api.ModelProvider;
import org.alkit.api.Options;
import org.alkit.api.Parameter;
import org.alkit.api.Signal;

/** A test model that declares {@code item-shape} and reports the value it was created with. */
public final class ItemShapeModelProvider implements ModelProvider {
  static final String NAME = "test-item-shape";

  /** The ServiceLoader constructor. */
  public ItemShapeModelProvider() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<Parameter> parameters() {
    return List.of(Parameter.text(AlkitModule.ITEM_SHAPE, "", "CxHxW"));
  }

  @Override
  public ModelAdapter create(Options options) {
    String shape = options.getString(AlkitModule.ITEM_SHAPE);
    return new ModelAdapter() {
      @Override
      public Set<Signal> offers() {
        return Set.of();
      }

      @Override
      public FittedModel fit(Matrix features, int[] labeled, int[] labels, int numClasses, long seed) {
        throw new UnsupportedOperationException("not trained in tests");
      }

      @Override
      public String toString() {
        return shape;
      }
    };
  }
}
