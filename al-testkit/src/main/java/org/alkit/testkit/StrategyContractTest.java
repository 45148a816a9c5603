package org.alkit.testkit;

import static org.apiguardian.api.API.Status.STABLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.alkit.api.ComputeBackend;
import org.alkit.api.InvalidInputException;
import org.alkit.api.MissingSignalException;
import org.alkit.api.Selection;
import org.alkit.api.SelectionContext;
import org.alkit.api.Signal;
import org.alkit.api.Strategy;
import org.alkit.api.StrategyProvider;
import org.apiguardian.api.API;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The contract every {@link StrategyProvider} proves. Extend it in your plugin's tests and return
 * your provider:
 *
 * <pre>{@code
 * class MyStrategyContractTest extends StrategyContractTest {
 *   protected StrategyProvider provider() { return new MyProvider(); }
 * }
 * }</pre>
 *
 * It checks: the selection has {@code min(budget, unlabeled)} items; no labeled, duplicate or
 * out-of-range index; the same seed gives the same selection; the same selection, scores
 * included, on a {@code java} compute backend of 1, 2 and 4 threads, on a pool large enough to
 * cross every parallel threshold ({@link #largePoolSize()}); no thread, executor or parallel
 * stream of its own in the provider's package ({@link NoOwnThreads}); a missing required signal
 * raises {@link MissingSignalException} naming it; the name is unique among the providers on the
 * class path and non-blank; default options create a strategy and unknown options are rejected.
 *
 * <p>A strategy that declares capabilities ({@link StrategyProvider#capabilities()}, e.g.
 * {@link org.alkit.api.NetworkTraining}) gets them in every context from an installed backend that
 * offers them ({@link Fixtures#capability}); put that backend's module (for NetworkTraining, al-gpu)
 * on the test class path.
 *
 * <p>Override {@link #context} when the strategy needs hints (a query set) or other shapes, and
 * {@link #largePoolSize()} when a selection on the default large pool is too slow for a unit test.
 */
@API(status = STABLE, since = "0.1")
public abstract class StrategyContractTest {
  /** Items in the fixture pool. */
  protected static final int POOL = 48;
  /** Labeled items in the fixture pool. */
  protected static final int LABELED = 8;

  /** Budget of the thread-count check. */
  private static final int LARGE_BUDGET = 40;

  /** The provider under test. */
  protected abstract StrategyProvider provider();

  /**
   * The pool size of the thread-count check: {@value #LARGE_POOL} by default, which crosses every
   * parallel threshold of alkit's strategies and of the {@code java} backend (query blocks of 512
   * rows and reference tiles of 528; row-scoring chunks of 4 096 rows from 65 536 cells, i.e.
   * 16 384 rows of 4 classes; gain batches from 256 items; centre-tracker updates from 2 048
   * members; gradient-tracker chunks of 1 024 items). A strategy that is quadratic in the pool may
   * return less, as long as it still crosses its own thresholds.
   */
  protected int largePoolSize() {
    return LARGE_POOL;
  }

  /** The default of {@link #largePoolSize()}. */
  protected static final int LARGE_POOL = 20_000;

  /**
   * The context the contract selects in. The default has every signal, the first {@code labeled}
   * items labeled, and each capability the provider declares ({@link StrategyProvider#capabilities()})
   * that an installed backend offers ({@link Fixtures#capability}).
   */
  protected SelectionContext.Builder context(int poolSize, int labeled, int budget, long seed) {
    SelectionContext.Builder b = Fixtures.context(poolSize, labeled, budget, seed);
    for (Class<?> type : provider().capabilities()) {
      bind(b, type);
    }
    return b;
  }

  private static <C> void bind(SelectionContext.Builder b, Class<C> type) {
    Fixtures.capability(type).ifPresent(c -> b.capability(type, c));
  }

  private Selection select(SelectionContext ctx) {
    StrategyProvider p = provider();
    Strategy s = p.create(p.defaults());
    return s.select(ctx);
  }

  @ParameterizedTest(name = "budget {0}")
  @ValueSource(ints = {1, 7, POOL - LABELED, POOL})
  void returnsMinOfBudgetAndUnlabeledCount(int budget) {
    SelectionContext ctx = context(POOL, LABELED, budget, 11).build();
    Selection sel = select(ctx);
    assertThat(sel.size()).as("selection size for budget %d", budget)
        .isEqualTo(Math.min(budget, POOL - LABELED));
  }

  @Test
  void picksOnlyUnlabeledDistinctInRangeIndices() {
    SelectionContext ctx = context(POOL, LABELED, 20, 5).build();
    Selection sel = select(ctx);
    Set<Integer> unlabeled = new HashSet<>();
    for (int i : ctx.unlabeled()) {
      unlabeled.add(i);
    }
    Set<Integer> seen = new HashSet<>();
    for (int i : sel.indices()) {
      assertThat(i).as("picked index").isBetween(0, POOL - 1);
      assertThat(unlabeled).as("picked index %d must be unlabeled", i).contains(i);
      assertThat(seen.add(i)).as("index %d picked twice", i).isTrue();
    }
    for (double score : sel.scores()) {
      assertThat(score).as("score").isNotNaN();
    }
  }

  @Test
  void sameSeedGivesSameSelection() {
    Selection a = select(context(POOL, LABELED, 12, 99).build());
    Selection b = select(context(POOL, LABELED, 12, 99).build());
    assertThat(b.indices()).isEqualTo(a.indices());
    assertThat(b.scores()).isEqualTo(a.scores());
  }

  @Test
  void selectionDoesNotDependOnTheThreadCount() {
    int pool = largePoolSize();
    Selection first = null;
    for (int threads : new int[] {1, 2, 4}) {
      Optional<ComputeBackend> backend = Fixtures.javaBackend(threads);
      assumeTrue(backend.isPresent(), "the java compute backend (al-backend-java) is not on the class path");
      try (ComputeBackend b = backend.get()) {
        Selection sel = select(context(pool, LABELED, LARGE_BUDGET, 17).backend(b).build());
        assertThat(sel.size()).isEqualTo(Math.min(LARGE_BUDGET, pool - LABELED));
        if (first == null) {
          first = sel;
        } else {
          assertThat(sel.indices()).as("picks on %d threads vs 1", threads).isEqualTo(first.indices());
          assertThat(sel.scores()).as("scores on %d threads vs 1", threads).isEqualTo(first.scores());
        }
      }
    }
  }

  @Test
  void startsNoThreadsOfItsOwn() {
    NoOwnThreads.check(provider().getClass().getPackageName());
  }

  @Test
  void reportsItsNameAndOptions() {
    Selection sel = select(context(POOL, LABELED, 3, 1).build());
    assertThat(sel.strategy()).isEqualTo(provider().name());
    assertThat(sel.parameters().keySet())
        .containsExactlyElementsOf(provider().defaults().asText().keySet());
  }

  @Test
  void missingRequiredSignalIsNamed() {
    Set<Signal> required = provider().requires(provider().defaults());
    assumeFalse(required.isEmpty(), "the strategy requires no signal");
    for (Signal signal : required) {
      SelectionContext ctx = context(POOL, LABELED, 5, 3).without(signal).build();
      assertThatThrownBy(() -> select(ctx))
          .as("selecting without %s", signal)
          .isInstanceOf(MissingSignalException.class)
          .hasMessageContaining(signal.key());
    }
  }

  @Test
  void nameIsNonBlankLowerCaseAndUnique() {
    String name = provider().name();
    assertThat(name).isNotBlank().matches("[a-z0-9][a-z0-9-]*");
    long sameName = StreamSupport.stream(ServiceLoader.load(StrategyProvider.class).spliterator(), false)
        .filter(p -> p.name().equals(name))
        .count();
    assertThat(sameName).as("providers named '%s' on the class path", name).isLessThanOrEqualTo(1);
    assertThat(provider().family()).isNotBlank();
  }

  @Test
  void defaultOptionsCreateAStrategyAndUnknownOptionsAreRejected() {
    StrategyProvider p = provider();
    assertThat(p.create(p.defaults())).isNotNull();
    assertThatThrownBy(() -> p.options(Map.of("no-such-option", "1")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("no-such-option");
  }
}
