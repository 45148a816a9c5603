package org.alkit.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.alkit.api.BackendProvider;
import org.alkit.api.CentreTracker;
import org.alkit.api.ComputeBackend;
import org.alkit.api.Matrix;
import org.alkit.api.Neighbors;
import org.alkit.api.Options;
import org.alkit.api.Parameter;
import org.alkit.api.Similarity;
import org.alkit.api.SparseMatrix;

/**
 * A test backend that offers {@link Capability}: the {@code java} backend's primitives, plus a
 * capability reporting the threads the backend was made with. Every backend it makes is recorded,
 * so tests see which were created and whether they were closed.
 */
public final class CapableTestBackendProvider implements BackendProvider {
  static final String NAME = "test-capable";

  /** The backends made so far, in order. */
  static final List<Made> MADE = new ArrayList<>();

  /** A capability no real backend offers. */
  public interface Capability {
    /** The threads of the backend that offers it. */
    int threads();
  }

  /** The ServiceLoader constructor. */
  public CapableTestBackendProvider() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<Parameter> parameters() {
    return List.of(Parameter.integer("threads", 0, "as the java backend's"));
  }

  @Override
  public Set<Class<?>> capabilities() {
    return Set.of(Capability.class);
  }

  @Override
  public ComputeBackend create(Options options) {
    int threads = options.getInt("threads");
    BackendProvider java = Registry.load().backend("java");
    Made made = new Made(java.create(Options.resolve("backend 'java'", java.parameters(),
        Map.of("threads", Integer.toString(Math.max(threads, 1))))), threads);
    synchronized (MADE) {
      MADE.add(made);
    }
    return made;
  }

  /** A backend made by the provider. */
  static final class Made implements ComputeBackend {
    private final ComputeBackend java;
    final int threads;
    boolean closed;

    Made(ComputeBackend java, int threads) {
      this.java = java;
      this.threads = threads;
    }

    @Override
    public String name() {
      return NAME;
    }

    @Override
    public <C> Optional<C> capability(Class<C> type) {
      return type == Capability.class ? Optional.of(type.cast((Capability) () -> threads)) : Optional.empty();
    }

    @Override
    public int[] topK(double[] scores, int k) {
      return java.topK(scores, k);
    }

    @Override
    public Neighbors nearest(Matrix queries, Matrix references) {
      return java.nearest(queries, references);
    }

    @Override
    public Matrix squaredDistances(Matrix a, Matrix b) {
      return java.squaredDistances(a, b);
    }

    @Override
    public Matrix gram(Matrix a, Matrix b) {
      return java.gram(a, b);
    }

    @Override
    public Matrix similarity(Matrix a, Matrix b, Similarity similarity) {
      return java.similarity(a, b, similarity);
    }

    @Override
    public SparseMatrix knnSimilarity(Matrix a, Matrix b, Similarity similarity, int k) {
      return java.knnSimilarity(a, b, similarity, k);
    }

    @Override
    public CentreTracker centreTracker(Matrix data, int[] points, int[] centres) {
      return java.centreTracker(data, points, centres);
    }

    @Override
    public CentreTracker gradientCentreTracker(Matrix probabilities, Matrix features, int[] points) {
      return java.gradientCentreTracker(probabilities, features, points);
    }

    @Override
    public void close() {
      closed = true;
      java.close();
    }
  }
}
