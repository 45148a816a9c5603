package org.alkit.eval.data;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.alkit.runtime.fuzz.ParserContract;
import org.alkit.runtime.fuzz.ParserFuzzTest;

/**
 * Coverage-guided fuzzing (Jazzer) of the IDX reader (Fashion-MNIST's format), plain or gzip: any
 * file gives an array or an {@link org.alkit.api.InvalidInputException} ({@link ParserContract}).
 * A gzip input is backed by what it inflates to, so that is the size its allocation is measured
 * against.
 */
class IdxFuzzTest {
  private static final Path DIR = ParserContract.scratch("idx-fuzz");

  @ParserFuzzTest
  void readsOrRejects(byte[] bytes) {
    Path file = ParserContract.file(DIR, "input-idx", bytes);
    ParserContract.readsOrRejects(Math.max(bytes.length, inflated(bytes)), () -> Idx.read(file));
  }

  /** The bytes a gzip input inflates to before its end or first error; 0 for another input. */
  private static long inflated(byte[] bytes) {
    long count = 0;
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
      byte[] buffer = new byte[1 << 16];
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        count += n;
      }
    } catch (IOException notGzipOrCut) {
      return count; // the reader stops at the same point and reports it; what came before is backed
    }
    return count;
  }
}
