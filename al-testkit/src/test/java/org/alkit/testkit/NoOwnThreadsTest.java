package org.alkit.testkit;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The rule catches each way strategy code could run work on threads of its own. */
class NoOwnThreadsTest {
  static final class StartsAThread {
    void run() {
      new Thread(() -> {}).start();
    }
  }

  static final class UsesAnExecutor {
    void run() {
      Executors.newFixedThreadPool(2).shutdown();
    }
  }

  static final class UsesTheCommonPool {
    void run() {
      ForkJoinPool.commonPool().submit(() -> {});
    }
  }

  static final class UsesAParallelStream {
    int run(int[] values) {
      return IntStream.of(values).parallel().sum();
    }
  }

  static final class UsesParallelStreamOfACollection {
    long run(List<Integer> values) {
      return values.parallelStream().count();
    }
  }

  static final class SortsInParallel {
    void run(int[] values) {
      Arrays.parallelSort(values);
    }
  }

  static final class SpinWaits {
    void run() {
      Thread.onSpinWait();
    }
  }

  static final class Sequential {
    int run(int[] values) {
      return IntStream.of(values).sum();
    }
  }

  @ParameterizedTest
  @ValueSource(classes = {StartsAThread.class, UsesAnExecutor.class, UsesTheCommonPool.class,
      UsesAParallelStream.class, UsesParallelStreamOfACollection.class, SortsInParallel.class,
      SpinWaits.class})
  void flagsThreadsPoolsParallelStreamsAndSpinning(Class<?> offender) {
    assertThatThrownBy(() -> NoOwnThreads.RULE.check(new ClassFileImporter().importClasses(offender)))
        .isInstanceOf(AssertionError.class).hasMessageContaining(offender.getSimpleName())
        .hasMessageContaining("the compute backend owns every thread");
  }

  @ParameterizedTest
  @ValueSource(classes = {Sequential.class, Fixtures.class})
  void letsSequentialCodePass(Class<?> clean) {
    assertThatCode(() -> NoOwnThreads.RULE.check(new ClassFileImporter().importClasses(clean)))
        .doesNotThrowAnyException();
  }
}
