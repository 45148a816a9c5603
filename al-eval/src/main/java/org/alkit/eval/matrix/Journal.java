package org.alkit.eval.matrix;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.alkit.api.InvalidInputException;

/**
 * The durable record of a matrix's finished runs: JSON lines, a header naming the matrix's
 * {@linkplain EvalMatrix#fingerprint() fingerprint}, then one {@link RunRecord} a line. Each
 * append is written whole and forced to disk before the run counts as done, so a matrix killed at
 * any moment resumes from its last finished run; a last line cut short by the kill is dropped.
 */
final class Journal implements AutoCloseable {
  static final String FORMAT = "alkit-eval-journal";
  static final int VERSION = 1;

  static final ObjectMapper JSON = new ObjectMapper();

  private final Path file;
  private final FileChannel channel;
  private final Map<RunKey, RunRecord> records;

  private Journal(Path file, FileChannel channel, Map<RunKey, RunRecord> records) {
    this.file = file;
    this.channel = channel;
    this.records = records;
  }

  /**
   * Opens the journal in {@code folder}, creating it for {@code fingerprint} or reading the runs
   * it holds.
   *
   * @throws InvalidInputException if it belongs to another matrix or a line in it is corrupt
   */
  static Journal open(Path folder, String fingerprint) {
    Path file = folder.resolve(MatrixRunner.JOURNAL);
    try {
      Files.createDirectories(folder);
      Map<RunKey, RunRecord> records = new LinkedHashMap<>();
      if (Files.exists(file)) {
        read(file, fingerprint, records);
      }
      FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
          StandardOpenOption.APPEND);
      Journal journal = new Journal(file, channel, records);
      if (channel.size() == 0) {
        journal.write(JSON.writeValueAsString(Map.of("format", FORMAT, "version", VERSION,
            "matrix", fingerprint)));
      }
      return journal;
    } catch (IOException e) {
      throw new UncheckedIOException("journal " + file + ": " + e.getMessage(), e);
    }
  }

  /** The runs finished so far, in the order they finished. */
  synchronized Map<RunKey, RunRecord> records() {
    return Map.copyOf(records);
  }

  /** Appends {@code record} and forces it to disk. */
  synchronized void append(RunRecord record) {
    try {
      write(JSON.writeValueAsString(record));
      records.put(record.key(), record);
    } catch (IOException e) {
      throw new UncheckedIOException("journal " + file + ": appending run " + record.key() + " failed: "
          + e.getMessage(), e);
    }
  }

  private void write(String line) throws IOException {
    ByteBuffer bytes = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8));
    while (bytes.hasRemaining()) {
      channel.write(bytes);
    }
    channel.force(false);
  }

  @Override
  public synchronized void close() {
    try {
      channel.close();
    } catch (IOException e) {
      throw new UncheckedIOException("journal " + file + ": " + e.getMessage(), e);
    }
  }

  private static void read(Path file, String fingerprint, Map<RunKey, RunRecord> out) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    String text = new String(bytes, StandardCharsets.UTF_8);
    List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
    // the text after the last newline is a line the kill cut short (or nothing)
    String torn = lines.remove(lines.size() - 1);
    if (!torn.isEmpty()) {
      truncate(file, bytes.length - torn.getBytes(StandardCharsets.UTF_8).length);
    }
    if (lines.isEmpty()) {
      return;
    }
    JsonNode header = parse(file, 1, lines.get(0));
    if (!FORMAT.equals(header.path("format").asText()) || header.path("version").asInt() != VERSION) {
      throw new InvalidInputException("journal " + file + " line 1 = " + lines.get(0) + "; expected a header "
          + "{\"format\": \"" + FORMAT + "\", \"version\": " + VERSION + ", ...}");
    }
    String written = header.path("matrix").asText();
    if (!written.equals(fingerprint)) {
      throw new InvalidInputException("journal " + file + " was written by another matrix (fingerprint "
          + written + ", this matrix " + fingerprint + "); expected the same matrix to resume, or another --out "
          + "folder for a new one");
    }
    for (int k = 1; k < lines.size(); k++) {
      RunRecord record;
      try {
        record = JSON.treeToValue(parse(file, k + 1, lines.get(k)), RunRecord.class);
      } catch (JsonProcessingException | IllegalArgumentException e) {
        throw new InvalidInputException("journal " + file + " line " + (k + 1) + " is not a run record: "
            + e.getMessage() + "; expected the journal as alkit eval wrote it", e);
      }
      out.put(record.key(), record);
    }
  }

  private static JsonNode parse(Path file, int lineNo, String line) {
    try {
      return JSON.readTree(line);
    } catch (JsonProcessingException e) {
      throw new InvalidInputException("journal " + file + " line " + lineNo + " is corrupt: "
          + e.getOriginalMessage() + "; expected one JSON object a line as alkit eval wrote it", e);
    }
  }

  private static void truncate(Path file, long size) throws IOException {
    try (FileChannel c = FileChannel.open(file, StandardOpenOption.WRITE)) {
      c.truncate(size);
      c.force(false);
    }
  }
}
