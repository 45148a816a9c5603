package org.alkit.runtime.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.alkit.api.InvalidInputException;

/**
 * What every parser of a user's file promises, checked on each input of a fuzz test: it returns a
 * value or throws an {@link InvalidInputException} whose message is one non-blank line of
 * reasonable length — no other exception, no error — and it allocates in proportion to the input,
 * not to a size its header claims ({@value #BYTES_PER_INPUT_BYTE} bytes per input byte plus
 * {@value #FIXED_BYTES}, measured with the JVM's per-thread allocation counter).
 *
 * <p>Hangs are caught by {@link ParserFuzzTest}'s {@code @Timeout}, which Jazzer also applies to
 * each input while fuzzing.
 */
public final class ParserContract {
  /** Bytes a parser may allocate per byte of input: a value of one byte may become a double, copied twice. */
  public static final long BYTES_PER_INPUT_BYTE = 64;
  /** Bytes a parser may allocate on top: buffers, exceptions, class initialisation on a first call. */
  public static final long FIXED_BYTES = 64L << 20;
  /** The longest error message that is still one clear line. */
  public static final int MAX_MESSAGE = 1_000;

  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  private ParserContract() {}

  /**
   * Runs {@code parse} on an input of {@code inputBytes} bytes and checks the contract.
   *
   * @throws AssertionError naming the broken promise, with the parser's exception as cause
   */
  public static void readsOrRejects(long inputBytes, Runnable parse) {
    long thread = Thread.currentThread().getId();
    long before = THREADS.getThreadAllocatedBytes(thread);
    try {
      parse.run();
    } catch (InvalidInputException e) {
      String message = e.getMessage();
      if (message == null || message.isBlank() || message.contains("\n") || message.length() > MAX_MESSAGE) {
        throw new AssertionError("unclear message for bad input (expected one line of at most " + MAX_MESSAGE
            + " characters): " + message, e);
      }
    }
    long allocated = THREADS.getThreadAllocatedBytes(thread) - before;
    long allowed = BYTES_PER_INPUT_BYTE * inputBytes + FIXED_BYTES;
    if (allocated > allowed) {
      throw new AssertionError("parsing " + inputBytes + " bytes allocated " + allocated + " bytes; expected at most "
          + allowed + " (a size field the input does not back up?)");
    }
  }

  /**
   * Writes {@code bytes} to the file {@code name} of {@code dir} and checks the contract for each
   * parser reading that file.
   */
  @SafeVarargs
  public static void readsOrRejects(Path dir, String name, byte[] bytes, Consumer<Path>... parsers) {
    Path input = file(dir, name, bytes);
    for (Consumer<Path> parser : parsers) {
      readsOrRejects(bytes.length, () -> parser.accept(input));
    }
  }

  /** {@code bytes} in the file {@code name} of {@code dir}, replacing it. */
  public static Path file(Path dir, String name, byte[] bytes) {
    try {
      Path file = Files.write(dir.resolve(name), bytes);
      file.toFile().deleteOnExit();
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A fresh temporary directory for a fuzz test's files, removed when the JVM exits. */
  public static Path scratch(String prefix) {
    try {
      Path dir = Files.createTempDirectory(prefix);
      dir.toFile().deleteOnExit();
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
