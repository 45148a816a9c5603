package org.alkit.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.alkit.runtime.AtomicFiles;

/**
 * What a killed or stopped and then resumed {@code alkit run} must have in common with an
 * uninterrupted one: its journal's files and its output's picks and accuracies. Shared with the
 * launcher's integration tests (al-cli's test-jar).
 */
public final class JournalFiles {
  private static final ObjectMapper JSON = new ObjectMapper();

  private JournalFiles() {}

  /** The journal's files (not its lock, not the temporary file of a write cut short), by relative path. */
  public static Map<String, String> of(Path journal) throws IOException {
    Map<String, String> out = new TreeMap<>();
    if (!Files.isDirectory(journal)) {
      return out;
    }
    try (Stream<Path> all = Files.walk(journal)) {
      for (Path f : all.filter(Files::isRegularFile).toList()) {
        if (!AtomicFiles.isTemporary(f) && !f.getFileName().toString().equals("journal.lock")) {
          out.put(journal.relativize(f).toString(), Files.readString(f));
        }
      }
    } catch (NoSuchFileException | UncheckedIOException vanished) {
      return of(journal); // a temporary file was renamed while the directory was listed
    }
    return out;
  }

  /** The run's {@code --out} JSON without the selection, fit and selection-fit times, which differ between processes. */
  public static JsonNode picksAndAccuracies(Path json) throws IOException {
    JsonNode tree = JSON.readTree(json.toFile());
    for (JsonNode run : tree.get("runs")) {
      for (JsonNode round : run.get("rounds")) {
        ((ObjectNode) round).remove(List.of("select_ms", "fit_ms", "selection_fit_ms"));
      }
    }
    return tree;
  }
}
