package org.alkit.runtime;

import static org.apiguardian.api.API.Status.STABLE;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.UUID;
import org.apiguardian.api.API;

/**
 * Durable, atomic file writes: after {@link #write} returns, the file holds the new content and
 * survives a crash of the process or the machine; at no moment does it hold part of it. What a
 * journal or a checkpoint needs before it moves on.
 *
 * <p>The classic protocol (as in SQLite's and PostgreSQL's WAL handling, and Java's own
 * {@code java.util.prefs} file store): write the bytes to a temporary file in the target's
 * directory, {@link FileChannel#force force} them to the device, rename the temporary file over the
 * target with {@link StandardCopyOption#ATOMIC_MOVE} (POSIX {@code rename(2)}: readers see the old
 * file or the new one, never a mix), then force the directory, so that the rename itself is on the
 * device. Windows cannot open a directory for forcing; there NTFS's metadata journal orders the
 * rename.
 *
 * <p>A process killed mid-write leaves at most a hidden temporary file
 * ({@code .<name>.<random>.tmp}) beside the target; {@link #isTemporary} recognises one, so a
 * reader can skip or remove it.
 *
 * <pre>{@code
 * AtomicFiles.write(dir.resolve("round-0003.yml"), yaml);
 * }</pre>
 */
@API(status = STABLE, since = "0.1")
public final class AtomicFiles {
  private static final String SUFFIX = ".tmp";
  private static final boolean DIRECTORIES_CAN_BE_FORCED =
      !System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");

  private AtomicFiles() {}

  /**
   * Replaces {@code target} with {@code content}, durably and atomically; creates the parent
   * directories when missing.
   *
   * @throws UncheckedIOException naming the file when it cannot be written; the target then keeps
   *     its previous content (or stays absent)
   */
  public static void write(Path target, byte[] content) {
    Path dir = target.toAbsolutePath().getParent();
    Path tmp = null;
    try {
      Files.createDirectories(dir);
      tmp = dir.resolve("." + target.getFileName() + "." + UUID.randomUUID() + SUFFIX);
      // CREATE_NEW with the process's default permissions (Files.createTempFile's would be owner-only)
      try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        ByteBuffer buffer = ByteBuffer.wrap(content);
        while (buffer.hasRemaining()) {
          out.write(buffer);
        }
        out.force(true);
      }
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
      tmp = null;
      forceDirectory(dir);
    } catch (IOException e) {
      UncheckedIOException failure = new UncheckedIOException("cannot write " + target + ": " + e, e);
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException cleanup) {
          failure.addSuppressed(cleanup);
        }
      }
      throw failure;
    }
  }

  /** {@link #write(Path, byte[])} of {@code text} in UTF-8. */
  public static void write(Path target, String text) {
    write(target, text.getBytes(StandardCharsets.UTF_8));
  }

  /** Whether {@code file} is a temporary file that an interrupted {@link #write} left behind. */
  public static boolean isTemporary(Path file) {
    String name = file.getFileName().toString();
    return name.startsWith(".") && name.endsWith(SUFFIX);
  }

  private static void forceDirectory(Path dir) throws IOException {
    if (DIRECTORIES_CAN_BE_FORCED) {
      try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
        channel.force(true);
      }
    }
  }
}
