package org.alkit.testkit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Set;
import java.util.Timer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.ThreadFactory;
import org.apiguardian.api.API;

/**
 * The architecture rule of every strategy (ours and plugins'): the compute backend owns every
 * thread ({@link org.alkit.api.ComputeBackend#parallelFor}), so strategy code never starts or
 * touches a thread, never creates or uses an executor or fork-join pool (the common pool
 * included), never runs a parallel stream or a parallel array operation and never busy-waits.
 * Checked with ArchUnit on the compiled classes of a package.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class NoOwnThreads {
  private NoOwnThreads() {}

  /** Methods that run work on the common pool or spin. */
  private static final Set<String> PARALLEL_METHODS = Set.of("parallel", "parallelStream",
      "parallelSort", "parallelSetAll", "parallelPrefix", "onSpinWait");

  /** The rule: no thread, executor, pool, timer, async future, parallel stream or spin-wait. */
  public static final ArchRule RULE = noClasses()
      .should().dependOnClassesThat().areAssignableTo(Thread.class)
      .orShould().dependOnClassesThat().areAssignableTo(ThreadFactory.class)
      .orShould().dependOnClassesThat().areAssignableTo(Executor.class)
      .orShould().dependOnClassesThat().belongToAnyOf(Executors.class, ForkJoinPool.class,
          CompletableFuture.class, Timer.class)
      .orShould().dependOnClassesThat().areAssignableTo(ForkJoinTask.class)
      .orShould().accessTargetWhere(new DescribedPredicate<JavaAccess<?>>(
          "a parallel stream, a parallel array operation or a spin-wait") {
        @Override
        public boolean test(JavaAccess<?> access) {
          return PARALLEL_METHODS.contains(access.getTarget().getName())
              && access.getTargetOwner().getPackageName().startsWith("java.");
        }
      })
      .because("the compute backend owns every thread: use ComputeBackend.parallelFor and its"
          + " primitives (threads = 1 must mean one thread, and the backend's pool is shut down"
          + " by whoever made it)");

  private static final ConcurrentHashMap<String, JavaClasses> IMPORTED = new ConcurrentHashMap<>();

  /**
   * Checks {@link #RULE} on the main (non-test) classes of {@code packageName} and its
   * subpackages, imported once per package.
   *
   * @throws AssertionError listing every violation
   */
  public static void check(String packageName) {
    RULE.check(IMPORTED.computeIfAbsent(packageName, p -> new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages(p)));
  }
}
