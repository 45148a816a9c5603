package org.alkit.backend.java;

import java.util.List;
import org.alkit.api.BackendProvider;
import org.alkit.api.ComputeBackend;
import org.alkit.api.InvalidInputException;
import org.alkit.api.Options;
import org.alkit.api.Parameter;

/**
 * Publishes the pure-Java {@link ComputeBackend} under the name {@value #NAME}: blocked, packed
 * float kernels on a fork-join pool, deterministic for any thread count.
 *
 * <p>Options: {@code threads} (workers, 0 = one per available core, 1 = no pool: every primitive
 * and every {@code parallelFor} runs on the calling thread), {@code block} (query rows
 * per parallel task) and {@code simd}: {@code vector} runs the register-blocked Vector API kernels,
 * which need the JVM option {@code --add-modules jdk.incubator.vector} (the {@code alkit} launcher
 * passes it); {@code scalar} runs plain loops that C2 vectorises, about 2–3× slower warm; {@code auto}
 * (the default) decides per primitive from what the CPU offers (the Vector API's preferred vector
 * size, which the JVM derives from the instruction set and {@code -XX:UseAVX}): the pair kernels
 * take {@code vector} when the module is there, the vectors have at least 256 bits (AVX2 or
 * AVX-512, {@link VectorPairKernel#paysOverScalar}; the micro-tile is sized to the registers)
 * and the call has at least {@value JavaBackend#AUTO_VECTOR_MIN_WORK} pairs × columns, whose speed pays for the
 * Vector API's start-up in a one-shot process, or an earlier call in the process ran them (the
 * start-up is then paid), and {@code scalar} otherwise; the k-center
 * tracker's int8 inner products take {@code vector} whenever the module is there (the scalar loop
 * is not vectorised and would be slower than no codes). All give the same bits.
 */
public final class JavaBackendProvider implements BackendProvider {
  /** The name configuration selects this backend by. */
  public static final String NAME = "java";

  /** The ServiceLoader constructor. */
  public JavaBackendProvider() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<Parameter> parameters() {
    return List.of(
        Parameter.integer("threads", 0,
            "worker threads; 0 = one per available core, 1 = the calling thread only").atLeast(0),
        Parameter.integer("block", 512, "query rows per parallel task").atLeast(1),
        Parameter.choice("simd", "auto", "inner kernels: vector (Vector API, needs --add-modules "
            + JavaBackend.VECTOR_MODULE + "), scalar, or auto (per primitive: pair kernels vector when"
            + " available on 256-bit vectors or wider, for calls of at least " + JavaBackend.AUTO_VECTOR_MIN_WORK
            + " pairs x columns or once a call has run them; k-center int8 codes vector when available)",
            "auto", "vector", "scalar"));
  }

  @Override
  public ComputeBackend create(Options options) {
    int threads = options.getInt("threads");
    int block = options.getInt("block");
    String simd = options.getString("simd");
    boolean available = JavaBackend.vectorApiAvailable();
    if (simd.equals("vector") && !available) {
      throw new InvalidInputException(options.owner() + ": option 'simd' = vector: module "
          + JavaBackend.VECTOR_MODULE + " is not resolved; expected the JVM option --add-modules "
          + JavaBackend.VECTOR_MODULE + ", or simd = auto or scalar");
    }
    boolean auto = simd.equals("auto") && available;
    long vectorMinWork = simd.equals("vector") ? 0
        : auto && VectorPairKernel.paysOverScalar() ? JavaBackend.AUTO_VECTOR_MIN_WORK : Long.MAX_VALUE;
    return new JavaBackend(threads == 0 ? Runtime.getRuntime().availableProcessors() : threads, block,
        vectorMinWork, simd.equals("vector") || auto);
  }
}
