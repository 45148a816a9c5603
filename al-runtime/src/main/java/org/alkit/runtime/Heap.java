package org.alkit.runtime;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.Locale;
import org.alkit.api.InvalidInputException;
import org.apiguardian.api.API;

/**
 * Checks that an allocation fits the JVM heap before it is made, so a size too large for the
 * heap is refused in one line that names what needed the memory and how to raise the heap,
 * instead of an {@link OutOfMemoryError} half-way through the work.
 *
 * <pre>{@code
 * Heap.require("--probs (1000000, 100) <f4", 1_000_000L * 100 * Float.BYTES);
 * float[] data = new float[100_000_000];
 * }</pre>
 */
@API(status = STABLE, since = "0.1")
public final class Heap {
  /** The most elements a Java array holds on common JVMs. */
  public static final long MAX_ARRAY = Integer.MAX_VALUE - 8;

  private Heap() {}

  /**
   * Refuses {@code bytes} more than the heap can still hold (after one garbage collection).
   *
   * @param what what needs the memory, e.g. a flag and a shape
   * @throws InvalidInputException naming {@code what}, the sizes and how to raise the heap
   */
  public static void require(String what, long bytes) {
    if (bytes <= available()) {
      return;
    }
    System.gc(); // only on this rare path: garbage may still hold what a collection frees
    long available = available();
    if (bytes > available) {
      throw new InvalidInputException(what + " needs " + size(bytes) + " of memory but the JVM heap has "
          + size(available) + " free (maximum " + size(Runtime.getRuntime().maxMemory()) + "); "
          + raise(Runtime.getRuntime().maxMemory() - available + bytes));
    }
  }

  /**
   * Refuses an array of {@code elements} elements of {@code elementBytes} bytes each when Java
   * cannot index it or the heap cannot hold it.
   *
   * @throws InvalidInputException naming {@code what} and the limit it breaks
   */
  public static void requireArray(String what, long elements, int elementBytes) {
    if (elements > MAX_ARRAY) {
      throw new InvalidInputException(what + " has " + elements + " elements; expected at most "
          + MAX_ARRAY + " (the largest Java array)");
    }
    require(what, elements * elementBytes);
  }

  /** The one-line message for an {@link OutOfMemoryError} that escaped the checks. */
  public static String outOfMemory(OutOfMemoryError e) {
    long max = Runtime.getRuntime().maxMemory();
    return "out of memory (" + e.getMessage() + ") with a maximum heap of " + size(max) + "; " + raise(2 * max);
  }

  private static long available() {
    Runtime rt = Runtime.getRuntime();
    return rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
  }

  private static String raise(long heap) {
    long gib = Math.max(1, (heap + (1L << 30) - 1) >> 30);
    return "raise the heap, e.g. ALKIT_JAVA_OPTS=-Xmx" + gib + "g for the alkit command (java -Xmx" + gib
        + "g otherwise)";
  }

  private static String size(long bytes) {
    return bytes >= 1L << 30 ? String.format(Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30))
        : String.format(Locale.ROOT, "%.0f MiB", Math.ceil(bytes / (double) (1L << 20)));
  }
}
