package org.alkit.submodular;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.alkit.api.InvalidInputException;
import org.alkit.api.Parameter;
import org.alkit.api.UnknownNameException;
import org.alkit.submodular.functions.Catalog;
import org.apiguardian.api.API;

/**
 * Builds the set functions of submodlib (Iyer et al., <i>submodlib: a submodular optimization
 * library</i>, 2022) and the submodular information measures of PRISM / SIMILAR (Kothawade et
 * al., 2021–2022) by name, with submodlib's exact semantics: float32 kernels, float32 memos for the
 * facility-location family, memos clamped at 0, η/ν scaling of the query/private cross blocks.
 *
 * <table>
 * <caption>Functions, the kernels they read and their options</caption>
 * <tr><th>name</th><th>f(A)</th><th>kernels</th><th>options</th></tr>
 * <tr><td>facility-location</td><td>Σ_i max(0, max_{j∈A} K_ij)</td><td>K (dense or sparse)</td><td></td></tr>
 * <tr><td>graph-cut</td><td>Σ_{j∈A} Σ_i K_ij − λ Σ_{i,j∈A} K_ij</td><td>K</td><td>lambda</td></tr>
 * <tr><td>log-det</td><td>log det(K_A + λI)</td><td>K</td><td>lambda</td></tr>
 * <tr><td>disparity-sum</td><td>Σ_{i&lt;j∈A} (1 − K_ij)</td><td>K</td><td></td></tr>
 * <tr><td>disparity-min</td><td>min(1, min_{i≠j∈A} (1 − K_ij)), 0 for |A| ≤ 1</td><td>K</td><td></td></tr>
 * <tr><td>flmi</td><td>Σ_i min(m_i(A), max(FLT_MIN, η max_q KQ_iq))</td><td>K, KQ</td><td>eta</td></tr>
 * <tr><td>flvmi</td><td>Σ_q max(0, max_{j∈A} KQ_jq) + η Σ_{j∈A} max_q KQ_jq</td><td>KQ</td><td>eta</td></tr>
 * <tr><td>gcmi</td><td>Σ_{j∈A} Σ_q KQ_jq</td><td>KQ</td><td></td></tr>
 * <tr><td>logdet-mi</td><td>f(A) + f(Q) − f(A ∪ Q), f = log det on [[K, ηKQ], [·, KQQ]] + λI</td><td>K, KQ, KQQ</td><td>lambda, eta</td></tr>
 * <tr><td>com</td><td>η Σ_{j∈A} ψ(Σ_q KQ_jq) + Σ_q ψ(Σ_{j∈A} KQ_jq)</td><td>KQ</td><td>eta, mode</td></tr>
 * <tr><td>flcg</td><td>Σ_i max(0, m_i(A) − max(0, ν max_p KP_ip))</td><td>K, KP</td><td>nu</td></tr>
 * <tr><td>gccg</td><td>graph-cut(A) − 2λν Σ_{j∈A} Σ_p KP_jp</td><td>K, KP</td><td>lambda, nu</td></tr>
 * <tr><td>logdet-cg</td><td>f(A ∪ P) − f(P), f = log det on [[K, νKP], [·, KPP]] + λI</td><td>K, KP, KPP</td><td>lambda, nu</td></tr>
 * <tr><td>flcmi</td><td>Σ_i max(0, min(m_i(A), q_i) − p_i)</td><td>K, KQ, KP</td><td>eta, nu</td></tr>
 * <tr><td>logdet-cmi</td><td>g(A) + g(Q) − g(A ∪ Q), g(X) = f(X ∪ P) − f(P)</td><td>all six</td><td>lambda, eta, nu</td></tr>
 * </table>
 *
 * <p>Here m_i(A) = max(0, max_{j∈A} K_ij); q_i = max(0, η max_q KQ_iq); p_i = max(0, ν max_p KP_ip).
 * {@code flmi} is the saturating form (submodlib's FacilityLocationMutualInformation, DISTIL's
 * fl1mi); {@code flvmi} is the query-sum form that PRISM calls FLQMI (DISTIL's fl2mi).
 *
 * <p>The log-det measures need their super-kernel positive definite, which holds for PSD kernels
 * with λ &gt; 0 and η, ν ≤ 1; larger η or ν may make it indefinite, and then, as in submodlib,
 * gains are NaN. {@link SetFunction#isSubmodular()} is false for disparity-sum, disparity-min
 * and the log-det MI/CMI measures (mutual information of log-det need not be submodular in A).
 * Graph cut is monotone for λ ≤ ½ on kernels in [0, 1]; log-det and logdet-cg gain log of a Schur
 * complement, which is negative once that complement drops below 1.
 */
@API(status = STABLE, since = "0.1")
public final class SetFunctions {
  private SetFunctions() {}

  /**
   * Builds the named function over the given kernels.
   *
   * @param name one of {@link #names()}
   * @param options the function's options as text (see {@link #parameters}); absent ones take
   *     their defaults
   * @throws UnknownNameException for an unknown name
   * @throws InvalidInputException for a missing kernel, a kernel of the wrong shape, an unknown
   *     option or a bad option value; the message names the function, the kernel or option, the
   *     value and what was expected
   */
  public static SetFunction create(String name, Map<String, String> options, Kernels kernels) {
    return Catalog.get(name).create(options, kernels, false);
  }

  /** The function names, in the order of the table above. */
  public static List<String> names() {
    return Catalog.names();
  }

  /**
   * The kernel blocks the named function reads. A facade builds only these; for
   * {@code facility-location} the DATA block may be a sparse k-NN kernel ({@link #acceptsSparseKernel}).
   *
   * @throws UnknownNameException for an unknown name
   */
  public static Set<Kernels.Block> requiredKernels(String name) {
    return Catalog.get(name).kernels();
  }

  /** Whether the named function can read the DATA block as a sparse k-NN kernel. */
  public static boolean acceptsSparseKernel(String name) {
    return Catalog.get(name).acceptsSparse();
  }

  /** The options the named function takes, with their defaults. */
  public static List<Parameter> parameters(String name) {
    return Catalog.get(name).parameters();
  }
}
