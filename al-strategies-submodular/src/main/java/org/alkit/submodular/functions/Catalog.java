package org.alkit.submodular.functions;

import static org.alkit.submodular.Kernels.Block.DATA;
import static org.alkit.submodular.Kernels.Block.PRIVATE;
import static org.alkit.submodular.Kernels.Block.PRIVATE_PRIVATE;
import static org.alkit.submodular.Kernels.Block.QUERY;
import static org.alkit.submodular.Kernels.Block.QUERY_PRIVATE;
import static org.alkit.submodular.Kernels.Block.QUERY_QUERY;

import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.alkit.api.Matrix;
import org.alkit.api.Options;
import org.alkit.api.Parameter;
import org.alkit.api.UnknownNameException;
import org.alkit.submodular.Kernels;
import org.alkit.submodular.Kernels.Block;
import org.alkit.submodular.SetFunction;

/**
 * The named set functions behind {@link org.alkit.submodular.SetFunctions}: for each, the kernel
 * blocks it reads, its options with submodlib's defaults, and how it is built.
 */
public final class Catalog {
  private static final Parameter LAMBDA_CUT = Parameter.real("lambda", 1.0,
      "λ ≥ 0, weight of the pairwise redundancy term (monotone for λ ≤ 0.5)").atLeast(0);
  private static final Parameter LAMBDA_DET = Parameter.real("lambda", 1.0,
      "λ ≥ 0, added to every diagonal entry of the kernel").atLeast(0);
  private static final Parameter ETA_SCALE = Parameter.real("eta", 1.0,
      "η ≥ 0, magnification: multiplies the query kernel").atLeast(0);
  private static final Parameter ETA_WEIGHT = Parameter.real("eta", 1.0,
      "η ≥ 0, weight of the per-item query-relevance term").atLeast(0);
  private static final Parameter NU = Parameter.real("nu", 1.0,
      "ν ≥ 0, privacy hardness: multiplies the private kernel").atLeast(0);
  private static final Parameter MODE = Parameter.choice("mode", "log",
      "concave ψ: log(1+x), sqrt(x) or 1−1/(1+x)", ConcaveOverModular.Concave.keys());

  private static final Map<String, Spec> SPECS = new LinkedHashMap<>();

  static {
    define("facility-location", EnumSet.of(DATA), true, List.of(),
        in -> new FacilityLocationFamily(in.kernelColumns(), null, null, null));
    define("graph-cut", EnumSet.of(DATA), false, List.of(LAMBDA_CUT),
        in -> new GraphCutFamily(GraphCutFamily.columnSums(in.denseKernel()), in.denseKernel(),
            in.scale("lambda")));
    define("log-det", EnumSet.of(DATA), false, true, List.of(LAMBDA_DET), in -> {
      SuperKernel s = new SuperKernel(in.kernelRows(), null, null, null, null, null, 1f, 1f,
          in.real("lambda"));
      return new LogDeterminantFamily(s, in.groundSize(), new int[0], null);
    });
    define("disparity-sum", EnumSet.of(DATA), false, List.of(),
        in -> new DisparitySum(in.denseKernel()));
    define("disparity-min", EnumSet.of(DATA), false, List.of(),
        in -> new DisparityMin(in.denseKernel()));
    define("flmi", EnumSet.of(DATA, QUERY), false, List.of(ETA_SCALE), in -> {
      float[] cap = FacilityLocationFamily.scaledRowMax(in.kernels().queryKernel(), in.scale("eta"),
          Float.MIN_NORMAL);
      return new FacilityLocationFamily(in.denseKernelColumns(), null, cap, null);
    });
    define("flvmi", EnumSet.of(QUERY), false, List.of(ETA_WEIGHT), in -> {
      float eta = in.scale("eta");
      float[] relevance = FacilityLocationFamily.scaledRowMax(in.kernels().queryKernel(), 1f,
          Float.MIN_NORMAL);
      double[] modular = new double[relevance.length];
      for (int j = 0; j < modular.length; j++) {
        modular[j] = (double) eta * relevance[j];
      }
      return new FacilityLocationFamily(Columns.ofRows(in.kernels().queryKernel()), null, null,
          modular);
    });
    define("gcmi", EnumSet.of(QUERY), false, List.of(),
        in -> new GraphCutFamily(GraphCutFamily.rowSums(in.kernels().queryKernel()), null, 0f));
    define("logdet-mi", EnumSet.of(DATA, QUERY, QUERY_QUERY), false, List.of(LAMBDA_DET, ETA_SCALE),
        in -> logDet(in, true, false));
    define("com", EnumSet.of(QUERY), false, List.of(ETA_WEIGHT, MODE),
        in -> new ConcaveOverModular(in.kernels().queryKernel(), in.scale("eta"),
            ConcaveOverModular.Concave.of(in.choice("mode"))));
    define("flcg", EnumSet.of(DATA, PRIVATE), false, List.of(NU), in -> {
      float[] floor = FacilityLocationFamily.scaledRowMax(in.kernels().privateKernel(),
          in.scale("nu"), 0f);
      return new FacilityLocationFamily(in.denseKernelColumns(), floor, null, null);
    });
    define("gccg", EnumSet.of(DATA, PRIVATE), false, List.of(LAMBDA_CUT, NU), in -> {
      float lambda = in.scale("lambda");
      double[] unary = GraphCutFamily.columnSums(in.denseKernel());
      double[] privacy = GraphCutFamily.rowSums(
          Inputs.scaled(in.kernels().privateKernel(), in.scale("nu")));
      for (int j = 0; j < unary.length; j++) {
        unary[j] -= 2 * lambda * privacy[j];
      }
      return new GraphCutFamily(unary, in.denseKernel(), lambda);
    });
    define("logdet-cg", EnumSet.of(DATA, PRIVATE, PRIVATE_PRIVATE), false, List.of(LAMBDA_DET, NU),
        in -> logDet(in, false, true));
    define("flcmi", EnumSet.of(DATA, QUERY, PRIVATE), false, List.of(ETA_SCALE, NU), in -> {
      float[] floor = FacilityLocationFamily.scaledRowMax(in.kernels().privateKernel(),
          in.scale("nu"), 0f);
      float[] cap = FacilityLocationFamily.scaledRowMax(in.kernels().queryKernel(), in.scale("eta"),
          0f);
      for (int i = 0; i < cap.length; i++) {
        cap[i] = Math.max(cap[i], floor[i]);
      }
      return new FacilityLocationFamily(in.denseKernelColumns(), floor, cap, null);
    });
    define("logdet-cmi", EnumSet.allOf(Block.class), false, List.of(LAMBDA_DET, ETA_SCALE, NU),
        in -> logDet(in, true, true));
  }

  private Catalog() {}

  /**
   * Facility location of candidates over a represented set R, the form of Suggestive Annotation
   * (Yang et al. 2017): f(A) = Σ_{r∈R} max(0, max_{j∈A} S_rj), with {@code similarities} S the
   * R × candidates matrix (row r: every candidate's similarity to represented item r; the
   * orientation in which a backend computes it on all its workers), stored by candidate once. As
   * every facility location here, the memo starts at 0, so similarities below 0 count as 0.
   */
  public static SetFunction facilityLocationOver(Matrix similarities) {
    return new FacilityLocationFamily(Columns.ofColumns(similarities), null, null, null);
  }

  /**
   * A log-det measure: B₁ = P when {@code conditional}, and B₂ = B₁ ∪ Q when {@code mutual}.
   */
  private static SetFunction logDet(Inputs in, boolean mutual, boolean conditional) {
    Kernels k = in.kernels();
    SuperKernel s = new SuperKernel(KernelRows.dense(in.denseKernel()),
        mutual ? k.queryKernel() : null, mutual ? k.queryQueryKernel() : null,
        conditional ? k.privateKernel() : null, conditional ? k.privatePrivateKernel() : null,
        mutual && conditional ? k.queryPrivateKernel() : null,
        mutual ? in.scale("eta") : 1f, conditional ? in.scale("nu") : 1f, in.real("lambda"));
    int[] base = LogDeterminantFamily.items(s, false, conditional);
    int[] second = mutual ? LogDeterminantFamily.items(s, true, conditional) : null;
    return new LogDeterminantFamily(s, in.groundSize(), base, second);
  }

  private static void define(String name, Set<Block> kernels, boolean acceptsSparse,
      List<Parameter> parameters, Function<Inputs, SetFunction> build) {
    define(name, kernels, acceptsSparse, false, parameters, build);
  }

  private static void define(String name, Set<Block> kernels, boolean acceptsSparse,
      boolean readsRows, List<Parameter> parameters, Function<Inputs, SetFunction> build) {
    SPECS.put(name, new Spec(name, Collections.unmodifiableSet(kernels), acceptsSparse, readsRows,
        parameters, build));
  }

  /** The spec of the named function. */
  public static Spec get(String name) {
    Spec spec = SPECS.get(name);
    if (spec == null) {
      throw new UnknownNameException("function", name, names());
    }
    return spec;
  }

  /** All names, in definition order. */
  public static List<String> names() {
    return List.copyOf(SPECS.keySet());
  }

  /**
   * One named function.
   *
   * @param name the name {@code alkit maximize --function} takes
   * @param kernels the kernel blocks it reads
   * @param acceptsSparse whether DATA may be a sparse k-NN kernel
   * @param readsRows whether DATA may be given as {@link KernelRows} instead (only DATA is read)
   * @param parameters its options
   * @param build builds it from checked inputs
   */
  public record Spec(String name, Set<Block> kernels, boolean acceptsSparse, boolean readsRows,
      List<Parameter> parameters, Function<Inputs, SetFunction> build) {

    /**
     * Resolves the options, checks the kernels and builds the function.
     *
     * @param symmetricKernel whether the dense data kernel K is known to be exactly symmetric,
     *     K[i][j] = K[j][i] bit for bit, as {@link org.alkit.submodular.kernels.KernelBuilder}
     *     builds it from features; the facility-location family then reads its rows as its
     *     columns instead of a transposed copy. A given kernel may be asymmetric: {@code false}.
     */
    public SetFunction create(Map<String, String> options, Kernels given, boolean symmetricKernel) {
      return build.apply(new Inputs(name, resolve(options), given, null, symmetricKernel, kernels));
    }

    /**
     * Resolves the options and builds the function over the data kernel K given as rows.
     *
     * @throws IllegalStateException when the function does not {@link #readsRows}
     */
    public SetFunction create(Map<String, String> options, KernelRows rows) {
      if (!readsRows) {
        throw new IllegalStateException("function '" + name + "' does not read kernel rows");
      }
      return build.apply(new Inputs(name, resolve(options), Kernels.none(), rows, false, kernels));
    }

    private Options resolve(Map<String, String> options) {
      return Options.resolve("function '" + name + "'", parameters, options);
    }
  }
}
