package org.alkit.runtime;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.alkit.api.InvalidInputException;
import org.junit.jupiter.api.Test;

class HeapTest {
  @Test
  void moreThanTheHeapHoldsIsRefusedWithTheWayToRaiseIt() {
    long tooMuch = Runtime.getRuntime().maxMemory() + (1L << 30);
    assertThatThrownBy(() -> Heap.require("--probs (1000000000, 100)", tooMuch))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("--probs (1000000000, 100) needs")
        .hasMessageContaining("GiB free").hasMessageContaining("ALKIT_JAVA_OPTS=-Xmx");
    assertThatCode(() -> Heap.require("a little", 1024)).doesNotThrowAnyException();
  }

  @Test
  void arraysBeyondJavasLimitAreRefusedByTheirLength() {
    assertThatThrownBy(() -> Heap.requireArray("--embeddings", 3_000_000_000L, 4))
        .hasMessageContaining("3000000000 elements").hasMessageContaining("largest Java array");
  }
}
