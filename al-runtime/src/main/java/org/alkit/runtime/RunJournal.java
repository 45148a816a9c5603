package org.alkit.runtime;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;
import org.alkit.api.InvalidInputException;
import org.alkit.api.Matrix;
import org.apiguardian.api.API;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The journal of an active-learning run: every finished round on disk before the next one starts,
 * so a run killed at any moment continues where it stopped ({@code alkit run --resume DIR}) and
 * ends with exactly the selections and accuracies of a run that was never interrupted.
 *
 * <p>A journal is a directory:
 *
 * <pre>
 * journal.yml                  alkit's version, the run configuration, a SHA-256 of the data set
 * rounds/round-0000.yml        the initial random draw and its labels   (scenario-K/ for scenario K)
 * rounds/round-0001.yml        round 1: labeled count before it, its fit and selection seeds,
 * ...                          the test accuracy, the picks in order and their labels
 * rounds/final.yml             the accuracy of the model fitted after the last round
 * </pre>
 *
 * Each file is written once, with {@link AtomicFiles#write} (temporary file, fsync, atomic rename,
 * fsync of the directory), and ends with the SHA-256 of its other lines. Nothing is rewritten or
 * removed: a resumed run only adds the files of the rounds still missing. The files hold no clock
 * time, so the journal of a killed and resumed run is byte for byte that of an uninterrupted one.
 *
 * <p>{@link #resume} refuses, with one line, a journal written by another alkit version, for
 * another configuration or other data, and a damaged one (a file whose checksum or content does
 * not hold, a missing round, picks that break the strategy contract). A lock file keeps two
 * processes from writing one journal; the operating system drops it when a process dies.
 *
 * <pre>{@code
 * try (RunJournal journal = RunJournal.create(dir, config, dataset)) {
 *   loop.run(hints, listener, journal, 0);
 * }
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class RunJournal implements AutoCloseable {
  static final String HEADER = "journal.yml";
  static final String LOCK = "journal.lock";
  static final String FINAL = "final.yml";
  private static final int FORMAT = 1;
  private static final String CHECKSUM_KEY = "sha256: ";

  private final Path dir;
  private final RunConfig config;
  private final FileChannel lockChannel;
  private final FileLock lock;

  private RunJournal(Path dir, RunConfig config, FileChannel lockChannel, FileLock lock) {
    this.dir = dir;
    this.config = config;
    this.lockChannel = lockChannel;
    this.lock = lock;
  }

  /**
   * Starts a journal for a new run in {@code dir}, which must be absent or empty (but for what a
   * run killed before its first write leaves: the lock file and a temporary file, both removed).
   *
   * @throws InvalidInputException when {@code dir} already holds files (a journal is never overwritten)
   * @throws UncheckedIOException naming the file when the journal cannot be written
   */
  public static RunJournal create(Path dir, RunConfig config, Dataset dataset) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the journal directory " + dir + ": " + e, e);
    }
    RunJournal journal = locked(dir, config);
    try (Stream<Path> list = Files.list(dir)) {
      List<Path> files = list.filter(f -> !f.getFileName().toString().equals(LOCK)).toList();
      if (!files.stream().allMatch(AtomicFiles::isTemporary)) {
        journal.close();
        throw new InvalidInputException("--journal " + dir + " is not empty; expected a new directory ("
            + (Files.exists(dir.resolve(HEADER)) ? "it holds a journal: continue it with --resume " + dir
                : "a journal never overwrites files") + ")");
      }
      for (Path f : files) {
        Files.delete(f);
      }
    } catch (IOException e) {
      journal.close();
      throw new UncheckedIOException("cannot list the journal directory " + dir + ": " + e, e);
    }
    Map<String, Object> header = new LinkedHashMap<>();
    header.put("alkit-journal", FORMAT);
    header.put("alkit-version", alkitVersion());
    header.put("dataset-sha256", digest(dataset));
    header.put("configuration", config.toTree());
    AtomicFiles.write(dir.resolve(HEADER), sealed(block(header)));
    return journal;
  }

  /**
   * The configuration a journal was written for, so {@code --resume DIR} needs no {@code --config}.
   *
   * @throws InvalidInputException when {@code dir} holds no journal or a damaged one
   */
  public static RunConfig configuration(Path dir) {
    return RunConfig.fromTree(header(dir).get("configuration"));
  }

  /**
   * Opens the journal in {@code dir} to continue its run.
   *
   * @throws InvalidInputException in one line when {@code dir} holds no journal, a damaged one, or
   *     one written by another alkit version, for another configuration or for other data
   */
  public static RunJournal resume(Path dir, RunConfig config, Dataset dataset) {
    Map<String, Object> header = header(dir);
    String version = Shown.of(header.get("alkit-version"));
    if (!version.equals(alkitVersion())) {
      throw new InvalidInputException("--resume " + dir + " was written by alkit " + version + "; this is alkit "
          + alkitVersion() + ", whose selections may differ: resume it with that version");
    }
    RunConfig written = RunConfig.fromTree(header.get("configuration"));
    if (!written.equals(config)) {
      throw new InvalidInputException("--resume " + dir + " was written for another configuration ("
          + firstDifference(written.toTree(), config.toTree()) + "); resume it with the configuration that wrote it");
    }
    if (!digest(dataset).equals(header.get("dataset-sha256"))) {
      throw new InvalidInputException("--resume " + dir + " was written for other data: dataset '" + config.dataset()
          + "' no longer has the SHA-256 in " + HEADER + "; resume it with the data that wrote it");
    }
    return locked(dir, config);
  }

  /** The journal's directory. */
  public Path directory() {
    return dir;
  }

  /** Releases the lock; the files stay. */
  @Override
  public void close() {
    try {
      lock.release();
      lockChannel.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot release the lock of journal " + dir + ": " + e, e);
    }
  }

  /**
   * The rounds of scenario {@code scenario} (0 for a run without scenarios), with the files already
   * written; temporary files of an interrupted write are removed.
   *
   * @throws InvalidInputException when a file is damaged or a round is missing before a later one
   */
  Track track(int scenario) {
    Path trackDir = dir.resolve(config.scenarios().isEmpty() ? "rounds" : "scenario-" + (scenario + 1));
    List<JournalRound> rounds = new ArrayList<>();
    try {
      Files.createDirectories(trackDir);
      List<Path> files;
      try (Stream<Path> list = Files.list(trackDir)) {
        files = list.sorted().toList();
      }
      for (Path f : files) {
        if (AtomicFiles.isTemporary(f)) {
          Files.delete(f);
        }
      }
      for (Path f = trackDir.resolve(roundFile(0)); Files.exists(f); f = trackDir.resolve(roundFile(rounds.size()))) {
        rounds.add(JournalRound.of(rounds.size(), read(f), problem -> damaged(trackDir.resolve(roundFile(rounds.size())),
            problem)));
      }
      for (Path f : files) {
        if (f.getFileName().toString().startsWith("round-") && roundNumber(f) >= rounds.size()) {
          throw damaged(f, "it follows a missing " + roundFile(rounds.size()));
        }
      }
      Path end = trackDir.resolve(FINAL);
      Map<String, Object> last = Files.exists(end) ? read(end) : null;
      return new Track(trackDir, rounds, last);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read journal " + trackDir + ": " + e, e);
    }
  }

  /** The rounds of one scenario: those recorded, and the writer of the rest. */
  final class Track {
    private final Path trackDir;
    private final List<JournalRound> recorded;
    private final Map<String, Object> recordedFinal;

    private Track(Path trackDir, List<JournalRound> recorded, Map<String, Object> recordedFinal) {
      this.trackDir = trackDir;
      this.recorded = recorded;
      this.recordedFinal = recordedFinal;
    }

    /** The recorded round {@code round} (0 = the initial draw), if written. */
    Optional<JournalRound> recorded(int round) {
      return round < recorded.size() ? Optional.of(recorded.get(round)) : Optional.empty();
    }

    /** Writes {@code round}'s record, durably, as the next file. */
    void append(JournalRound round) {
      if (round.round() != recorded.size()) {
        throw new IllegalStateException("round " + round.round() + " appended after " + recorded.size() + " recorded");
      }
      AtomicFiles.write(trackDir.resolve(roundFile(round.round())), sealed(flow(round.fields())));
      recorded.add(round);
    }

    /**
     * The recorded accuracy of the last fit, if written.
     *
     * @throws InvalidInputException when it was written for another labeled count, or is damaged
     */
    Optional<Double> recordedFinalAccuracy(int labeledCount) {
      if (recordedFinal == null) {
        return Optional.empty();
      }
      if (!Integer.valueOf(labeledCount).equals(recordedFinal.get("labeled"))) {
        throw damaged(-1, "labeled = " + Shown.of(recordedFinal.get("labeled")) + "; the rounds add up to " + labeledCount);
      }
      if (!(recordedFinal.get("accuracy") instanceof Double accuracy)) {
        throw damaged(-1, "accuracy = " + Shown.of(recordedFinal.get("accuracy")) + "; expected a number");
      }
      return Optional.of(accuracy);
    }

    /**
     * Writes the accuracy of the last fit, durably, with the pseudo-labels it trained on and how
     * many were wrong when the run has them ({@code pseudoLabels} ≥ 0).
     */
    void appendFinal(int labeledCount, double accuracy, int pseudoLabels, int pseudoWrong) {
      Map<String, Object> fields = new LinkedHashMap<>();
      fields.put("labeled", labeledCount);
      fields.put("accuracy", accuracy);
      if (pseudoLabels >= 0) {
        fields.put("pseudo-labels", pseudoLabels);
        fields.put("pseudo-labels-wrong", pseudoWrong);
      }
      AtomicFiles.write(trackDir.resolve(FINAL), sealed(flow(fields)));
    }

    /** The error for recorded round {@code round} (-1: the final accuracy) whose content does not hold. */
    InvalidInputException damaged(int round, String problem) {
      return RunJournal.damaged(trackDir.resolve(round < 0 ? FINAL : roundFile(round)), problem);
    }
  }

  private static RunJournal locked(Path dir, RunConfig config) {
    try {
      FileChannel channel = FileChannel.open(dir.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException heldInThisJvm) {
        lock = null;
      }
      if (lock == null) {
        channel.close();
        throw new InvalidInputException("journal " + dir + " is in use by another alkit run; wait for it to end");
      }
      return new RunJournal(dir, config, channel, lock);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot lock journal " + dir + ": " + e, e);
    }
  }

  private static Map<String, Object> header(Path dir) {
    Path file = dir.resolve(HEADER);
    if (!Files.isDirectory(dir) || !Files.exists(file)) {
      throw new InvalidInputException("--resume " + dir + " holds no alkit journal (no " + HEADER
          + "); expected the directory of an earlier --journal");
    }
    Map<String, Object> header = read(file);
    if (!Integer.valueOf(FORMAT).equals(header.get("alkit-journal"))) {
      throw damaged(file, "alkit-journal = " + Shown.of(header.get("alkit-journal")) + "; expected " + FORMAT);
    }
    try {
      RunConfig.fromTree(header.get("configuration"));
    } catch (InvalidInputException e) {
      throw damaged(file, "configuration: " + e.getMessage());
    }
    return header;
  }

  /** The key-value mapping of a journal file, after checking its checksum. */
  static Map<String, Object> read(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw damaged(file, "missing");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read journal file " + file + ": " + e, e);
    }
    int at = text.lastIndexOf(CHECKSUM_KEY);
    if (at < 0 || (at > 0 && text.charAt(at - 1) != '\n') || !text.endsWith("\n")) {
      throw damaged(file, "no checksum line");
    }
    String body = text.substring(0, at);
    String sum = text.substring(at + CHECKSUM_KEY.length(), text.length() - 1);
    if (!sum.equals(sha256(body.getBytes(StandardCharsets.UTF_8)))) {
      throw damaged(file, "checksum mismatch");
    }
    Object root;
    try {
      root = YamlTree.parse(body);
    } catch (InvalidInputException e) {
      throw damaged(file, e.getMessage());
    }
    if (!(root instanceof Map<?, ?> map)) {
      throw damaged(file, "not a mapping");
    }
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : map.entrySet()) {
      if (!(e.getKey() instanceof String key)) {
        throw damaged(file, "key " + Shown.of(e.getKey()) + "; expected a name");
      }
      out.put(key, e.getValue());
    }
    return out;
  }

  static InvalidInputException damaged(Path file, String problem) {
    return new InvalidInputException("journal file " + file + " is damaged (" + problem
        + "); the journal cannot be resumed");
  }

  /** {@code body} with its checksum line appended. */
  static String sealed(String body) {
    return body + CHECKSUM_KEY + sha256(body.getBytes(StandardCharsets.UTF_8)) + "\n";
  }

  /** One line per key, lists in flow style: a round's record. */
  private static String flow(Map<String, Object> fields) {
    DumperOptions options = new DumperOptions();
    options.setDefaultFlowStyle(DumperOptions.FlowStyle.FLOW);
    options.setWidth(Integer.MAX_VALUE);
    StringBuilder out = new StringBuilder();
    Yaml yaml = new Yaml(options);
    fields.forEach((k, v) -> out.append(k).append(": ").append(yaml.dump(v)));
    return out.toString();
  }

  /** Block style: the header, with the configuration readable. */
  private static String block(Map<String, Object> fields) {
    DumperOptions options = new DumperOptions();
    options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    return new Yaml(options).dump(fields);
  }

  static String roundFile(int round) {
    return String.format("round-%04d.yml", round);
  }

  private static int roundNumber(Path file) {
    String name = file.getFileName().toString();
    try {
      return Integer.parseInt(name.substring("round-".length(), name.length() - ".yml".length()));
    } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
      throw damaged(file, "not a round file name");
    }
  }

  private static String firstDifference(Map<String, Object> written, Map<String, Object> given) {
    for (Map.Entry<String, Object> e : written.entrySet()) {
      Object now = given.get(e.getKey());
      if (!String.valueOf(e.getValue()).equals(String.valueOf(now))) {
        return e.getKey() + " = " + Shown.of(e.getValue()) + " there, " + Shown.of(now) + " here";
      }
    }
    return "the same keys, other values";
  }

  /** SHA-256 of the data set's features, labels and class count, in a fixed byte order. */
  static String digest(Dataset dataset) {
    MessageDigest sha = sha256();
    for (Matrix m : List.of(dataset.pool(), dataset.test())) {
      ByteBuffer row = ByteBuffer.allocate(Float.BYTES * Math.max(1, m.cols())).order(ByteOrder.LITTLE_ENDIAN);
      sha.update(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putInt(m.rows()).putInt(m.cols()).array());
      float[] values = new float[m.cols()];
      for (int i = 0; i < m.rows(); i++) {
        m.copyRow(i, values);
        row.clear();
        for (float v : values) {
          row.putFloat(v);
        }
        sha.update(row.array(), 0, row.position());
      }
    }
    for (int[] labels : List.of(dataset.poolLabels(), dataset.testLabels(), new int[] {dataset.numClasses()})) {
      ByteBuffer b = ByteBuffer.allocate(Integer.BYTES * (labels.length + 1)).order(ByteOrder.LITTLE_ENDIAN);
      b.putInt(labels.length);
      for (int l : labels) {
        b.putInt(l);
      }
      sha.update(b.array());
    }
    return HexFormat.of().formatHex(sha.digest());
  }

  private static String sha256(byte[] bytes) {
    return HexFormat.of().formatHex(sha256().digest(bytes));
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  /** alkit's version, from the build ({@code version.properties}, filtered by Maven). */
  static String alkitVersion() {
    try (InputStream in = RunJournal.class.getResourceAsStream("version.properties")) {
      if (in == null) {
        throw new IllegalStateException("org/alkit/runtime/version.properties is missing from the runtime's jar");
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read alkit's version: " + e, e);
    }
  }
}
