package org.alkit.commons;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class BoundedHeapTest {
  @Property
  void keepsTheBestWhateverTheOfferOrder(@ForAll @Size(max = 50) List<@IntRange(max = 4) Integer> keys,
      @ForAll @IntRange(max = 50) int capacity, @ForAll long seed) {
    List<Integer> order = new ArrayList<>(IntStream.range(0, keys.size()).boxed().toList());
    Collections.shuffle(order, new java.util.Random(seed));
    BoundedHeap heap = new BoundedHeap(capacity);
    for (int id : order) {
      heap.offer(keys.get(id), id);
    }
    int[] expected = IntStream.range(0, keys.size()).boxed()
        .sorted(Comparator.comparingInt((Integer i) -> -keys.get(i)).thenComparingInt(i -> i))
        .limit(capacity).mapToInt(Integer::intValue).toArray();
    assertThat(heap.size()).isEqualTo(expected.length);
    int[] ids = new int[expected.length];
    double[] got = new double[expected.length];
    assertThat(heap.drainBestFirst(ids, got)).isEqualTo(expected.length);
    assertThat(ids).containsExactly(expected);
    for (int r = 0; r < ids.length; r++) {
      assertThat(got[r]).isEqualTo((double) keys.get(ids[r]));
    }
    assertThat(heap.size()).isZero();
  }
}
