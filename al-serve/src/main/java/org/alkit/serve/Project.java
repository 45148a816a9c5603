package org.alkit.serve;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.alkit.api.AlException;
import org.alkit.api.ScenarioHints;
import org.alkit.runtime.ActiveLearningLoop;
import org.alkit.runtime.Dataset;
import org.alkit.runtime.LoopParts;
import org.alkit.runtime.Registry;
import org.alkit.runtime.RoundResult;
import org.alkit.runtime.RunConfig;
import org.alkit.runtime.RunJournal;
import org.alkit.runtime.RunRequest;
import org.alkit.runtime.RunResult;
import org.alkit.runtime.Runs;

/**
 * One labeling project: the active-learning loop of {@code alkit run} ({@link Runs#assemble}, the
 * one assembly) whose oracle is people. The loop runs on a thread of its own: it draws the seed
 * batch (random under the seed, as {@code alkit run}'s first labeled items), asks the oracle for
 * its labels, and each round fits the model on every label so far and lets the strategy select the
 * next batch. The oracle records each batch as a round (its selection in the database) and waits
 * until people have labeled all of it; HTTP threads only lease items, store labels and wake it, so
 * none waits for a fit.
 *
 * <p>Durability: a label is committed before its 2xx. Each labeled round is also in the loop's
 * journal ({@link RunJournal}, under {@code --data}), so after a restart the loop replays the
 * journaled rounds without fitting, refits the round a kill interrupted, and selects what it
 * selected before (the same seeds), finding that round's selection and labels in the database. The
 * leases of a dead process are released at start.
 */
final class Project implements AutoCloseable {
  /** A round's states in the rounds table. */
  static final String LABELING = "labeling";
  static final String FITTING = "fitting";
  static final String DONE = "done";

  private final long id;
  private final ProjectSpec spec;
  private final Dataset dataset;
  private final RunConfig config;
  private final Database db;
  private final Registry registry;
  private final Path journal;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition labeled = lock.newCondition();
  private final ExecutorService loopThread;

  // guarded by lock
  private int lastRound;
  private int openRound;
  private int[] openItems = new int[0];
  private final Map<Integer, Integer> roundOfItem = new HashMap<>();
  private final Map<Integer, Lease> leases = new HashMap<>();
  private final Map<Integer, LinkedHashMap<String, Integer>> labelsOfItem = new HashMap<>();
  private boolean stopped;
  private volatile boolean finished;
  private volatile String failure;

  private record Lease(String holder, long expires) {}

  /** One label in a request: an item and a class. */
  record Entry(int item, int label) {}

  Project(long id, ProjectSpec spec, Dataset dataset, RunConfig config, Database db, Registry registry, Path journal) {
    this.id = id;
    this.spec = spec;
    this.dataset = dataset;
    this.config = config;
    this.db = db;
    this.registry = registry;
    this.journal = journal;
    this.loopThread = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "alkit-serve-" + spec.name());
      t.setDaemon(true);
      return t;
    });
  }

  ProjectSpec spec() {
    return spec;
  }

  Dataset dataset() {
    return dataset;
  }

  /** Reads the project's rounds, selections and labels, releases its leases, and starts the loop. */
  void start() {
    db.inTransaction(c -> {
      try (PreparedStatement s = c.prepareStatement("DELETE FROM leases WHERE project_id = ?")) {
        s.setLong(1, id);
        s.executeUpdate();
      }
      try (PreparedStatement s = c.prepareStatement("SELECT MAX(round) FROM rounds WHERE project_id = ?")) {
        s.setLong(1, id);
        try (ResultSet r = s.executeQuery()) {
          r.next();
          lastRound = r.getInt(1);
        }
      }
      try (PreparedStatement s = c.prepareStatement("SELECT item, round FROM selections WHERE project_id = ?")) {
        s.setLong(1, id);
        try (ResultSet r = s.executeQuery()) {
          while (r.next()) {
            roundOfItem.put(r.getInt(1), r.getInt(2));
          }
        }
      }
      try (PreparedStatement s = c.prepareStatement(
          "SELECT item, annotator, label FROM labels WHERE project_id = ? ORDER BY id")) {
        s.setLong(1, id);
        try (ResultSet r = s.executeQuery()) {
          while (r.next()) {
            labelsOfItem.computeIfAbsent(r.getInt(1), k -> new LinkedHashMap<>()).put(r.getString(2), r.getInt(3));
          }
        }
      }
      return null;
    });
    loopThread.submit(this::runLoop);
  }

  private void runLoop() {
    RunRequest request = new RunRequest(config, dataset, ScenarioHints.none());
    try (RunJournal rounds = Files.exists(journal.resolve("journal.yml")) ? RunJournal.resume(journal, config, dataset)
        : RunJournal.create(journal, config, dataset);
        ActiveLearningLoop loop = Runs.assemble(request, registry, parts -> new LoopParts(parts.model(),
            parts.strategy(), parts.backend(), this::label, parts.selectionModel()))) {
      RunResult result = loop.run(request.hints(), this::fitted, rounds, 0);
      lock.lock();
      try {
        int last = lastRound;
        db.inTransaction(c -> {
          metric(c, last, "accuracy", result.finalAccuracy());
          state(c, last, DONE);
          return null;
        });
      } finally {
        lock.unlock();
      }
      finished = true;
    } catch (CancellationException stopping) {
      // the service stops: the round in progress is in the database and the journal
    } catch (RuntimeException | Error e) {
      failure = Optional.ofNullable(e.getMessage()).orElse(e.toString()).lines().findFirst().orElse("");
    }
  }

  /** The loop's listener: the accuracy of round k's fit, on the labels of rounds 1..k. */
  private void fitted(RoundResult round) {
    if (!Double.isNaN(round.accuracy())) {
      db.inTransaction(c -> {
        metric(c, round.round(), "accuracy", round.accuracy());
        return null;
      });
    }
  }

  /**
   * The oracle: records {@code picks} as a round (or finds the round a run before a restart
   * recorded), hands it out, and returns once every pick is labeled (each item's first label).
   */
  private int[] label(int[] picks) {
    lock.lock();
    try {
      Integer known = roundOfItem.get(picks[0]);
      int round;
      if (known != null) {
        round = known;
        int[] recorded = db.inTransaction(c -> selection(c, known));
        if (!Arrays.equals(recorded, picks)) {
          throw new AlException("project '" + spec.name() + "': round " + round + " picks "
              + Arrays.toString(picks) + " after a restart, not the recorded " + Arrays.toString(recorded)
              + " (the strategy is not deterministic, or the pool changed)");
        }
        db.inTransaction(c -> state(c, known, LABELING));
      } else {
        round = lastRound + 1;
        int previous = lastRound;
        db.inTransaction(c -> {
          if (previous > 0) {
            state(c, previous, DONE);
          }
          try (PreparedStatement s = c.prepareStatement(
              "INSERT INTO rounds (project_id, round, state, opened) VALUES (?, ?, ?, ?)")) {
            s.setLong(1, id);
            s.setInt(2, round);
            s.setString(3, LABELING);
            s.setLong(4, System.currentTimeMillis());
            s.executeUpdate();
          }
          try (PreparedStatement s = c.prepareStatement(
              "INSERT INTO selections (project_id, round, position, item) VALUES (?, ?, ?, ?)")) {
            for (int k = 0; k < picks.length; k++) {
              s.setLong(1, id);
              s.setInt(2, round);
              s.setInt(3, k);
              s.setInt(4, picks[k]);
              s.addBatch();
            }
            s.executeBatch();
          }
          return null;
        });
        lastRound = round;
        for (int item : picks) {
          roundOfItem.put(item, round);
        }
      }
      openRound = round;
      openItems = picks.clone();
      while (!stopped && labeledCount(openItems) < openItems.length) {
        labeled.await(1, TimeUnit.SECONDS);
      }
      if (stopped) {
        throw new CancellationException("stopping");
      }
      db.inTransaction(c -> {
        state(c, round, FITTING);
        try (PreparedStatement s = c.prepareStatement("DELETE FROM leases WHERE project_id = ?")) {
          s.setLong(1, id);
          s.executeUpdate();
        }
        return null;
      });
      leases.clear();
      openRound = 0;
      int[] out = new int[picks.length];
      for (int k = 0; k < picks.length; k++) {
        out[k] = labelsOfItem.get(picks[k]).values().iterator().next();
      }
      return out;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CancellationException("interrupted");
    } finally {
      lock.unlock();
    }
  }

  private int labeledCount(int[] items) {
    int n = 0;
    for (int item : items) {
      n += labelsOfItem.containsKey(item) ? 1 : 0;
    }
    return n;
  }

  private int[] selection(Connection c, int round) throws SQLException {
    List<Integer> items = new ArrayList<>();
    try (PreparedStatement s = c.prepareStatement(
        "SELECT item FROM selections WHERE project_id = ? AND round = ? ORDER BY position")) {
      s.setLong(1, id);
      s.setInt(2, round);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          items.add(r.getInt(1));
        }
      }
    }
    return items.stream().mapToInt(Integer::intValue).toArray();
  }

  private Void state(Connection c, int round, String state) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(
        "UPDATE rounds SET state = ?, closed = ? WHERE project_id = ? AND round = ?")) {
      s.setString(1, state);
      if (state.equals(LABELING)) {
        s.setNull(2, java.sql.Types.BIGINT);
      } else {
        s.setLong(2, System.currentTimeMillis());
      }
      s.setLong(3, id);
      s.setInt(4, round);
      s.executeUpdate();
    }
    return null;
  }

  private void metric(Connection c, int round, String name, double value) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(
        "DELETE FROM metrics WHERE project_id = ? AND round = ? AND name = ?")) {
      s.setLong(1, id);
      s.setInt(2, round);
      s.setString(3, name);
      s.executeUpdate();
    }
    try (PreparedStatement s = c.prepareStatement(
        "INSERT INTO metrics (project_id, round, name, val) VALUES (?, ?, ?, ?)")) {
      s.setLong(1, id);
      s.setInt(2, round);
      s.setString(3, name);
      s.setDouble(4, value);
      s.executeUpdate();
    }
  }

  /**
   * Leases up to {@code n} items of the open round to {@code who}: those it holds already (their
   * lease renewed), then unlabeled ones nobody holds, in pick order. None while a round fits.
   */
  ObjectNode next(Principal who, int n) {
    long now = System.currentTimeMillis();
    long expires = now + spec.leaseSeconds() * 1000L;
    List<Integer> expired = new ArrayList<>();
    List<Integer> mine = new ArrayList<>();
    int round;
    lock.lock();
    try {
      round = lastRound;
      for (Map.Entry<Integer, Lease> e : leases.entrySet()) {
        if (e.getValue().expires() <= now) {
          expired.add(e.getKey());
        }
      }
      if (openRound > 0) {
        for (int item : openItems) {
          if (mine.size() == n) {
            break;
          }
          Lease lease = leases.get(item);
          boolean free = lease == null || lease.expires() <= now;
          if (!labelsOfItem.containsKey(item) && (free || lease.holder().equals(who.name()))) {
            mine.add(item);
          }
        }
      }
      expired.forEach(leases::remove);
      mine.forEach(item -> leases.put(item, new Lease(who.name(), expires)));
    } finally {
      lock.unlock();
    }
    // the lease is taken in memory, under the lock, so no item goes to two people; the table
    // records it (outside the lock, so that commits of several callers overlap)
    if (!expired.isEmpty() || !mine.isEmpty()) {
      db.inTransaction(c -> {
        release(c, concat(expired, mine));
        lease(c, mine, who.name(), expires);
        return null;
      });
    }
    ObjectNode out = Json.MAPPER.createObjectNode();
    out.put("round", round);
    ArrayNode items = out.putArray("items");
    for (int item : mine) {
      items.addObject().put("item", item).put("leaseExpires", Instant.ofEpochMilli(expires).toString());
    }
    return out;
  }

  /** Writes the lease rows of {@code items}, held by {@code holder} until {@code expires} (epoch ms). */
  private void lease(Connection c, List<Integer> items, String holder, long expires) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(
        "INSERT INTO leases (project_id, item, holder, expires) VALUES (?, ?, ?, ?)")) {
      for (int item : items) {
        s.setLong(1, id);
        s.setInt(2, item);
        s.setString(3, holder);
        s.setLong(4, expires);
        s.addBatch();
      }
      s.executeBatch();
    }
  }

  /** Deletes the lease rows of {@code items}. */
  private void release(Connection c, List<Integer> items) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("DELETE FROM leases WHERE project_id = ? AND item = ?")) {
      for (int item : items) {
        s.setLong(1, id);
        s.setInt(2, item);
        s.addBatch();
      }
      s.executeBatch();
    }
  }

  private static List<Integer> concat(List<Integer> a, List<Integer> b) {
    List<Integer> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  /**
   * Stores {@code who}'s labels, all or none, committed before this returns: each item must be
   * leased to {@code who} in the open round, or labeled by {@code who} already (the same label is
   * then a no-op, another one replaces it while the round is open).
   *
   * @throws ApiException 400 for an item or label out of range, 409 for an item not leased to the caller
   */
  int label(Principal who, List<Entry> entries) {
    int classes = dataset.numClasses();
    for (Entry e : entries) {
      if (e.item() < 0 || e.item() >= dataset.pool().rows()) {
        throw ApiException.badRequest("item = " + e.item() + "; expected an item of the pool, in [0, "
            + dataset.pool().rows() + ")");
      }
      if (e.label() < 0 || e.label() >= classes) {
        throw ApiException.badRequest("label = " + e.label() + " (item " + e.item() + "); expected a class in [0, "
            + classes + ")");
      }
    }
    List<Entry> changes = new ArrayList<>();
    List<Boolean> updates = new ArrayList<>();
    int round;
    lock.lock();
    try {
      round = openRound;
      for (Entry e : entries) {
        Integer mineAlready = Optional.ofNullable(labelsOfItem.get(e.item())).map(m -> m.get(who.name())).orElse(null);
        Lease lease = leases.get(e.item());
        boolean open = openRound > 0 && Integer.valueOf(openRound).equals(roundOfItem.get(e.item()));
        if (mineAlready != null && mineAlready == e.label()) {
          continue;
        }
        if (mineAlready != null && !open) {
          throw ApiException.conflict("item = " + e.item() + ": its round " + roundOfItem.get(e.item())
              + " is closed and labeled " + mineAlready + " by " + who.name() + "; expected the same label or an item"
              + " of the open round");
        }
        if (mineAlready == null && !(open && lease != null && lease.holder().equals(who.name()))) {
          throw ApiException.conflict("item = " + e.item() + ": not leased to " + who.name()
              + "; expected an item GET /api/projects/" + spec.name() + "/next leased to you");
        }
        changes.add(e);
        updates.add(mineAlready != null);
      }
    } finally {
      lock.unlock();
    }
    if (changes.isEmpty()) {
      return entries.size();
    }
    // committed before the 2xx, outside the lock so that several callers' commits overlap; the
    // items stay leased to the caller meanwhile, so nobody else can label them
    long now = System.currentTimeMillis();
    db.inTransaction(c -> {
      for (int k = 0; k < changes.size(); k++) {
        Entry e = changes.get(k);
        boolean update = updates.get(k);
        try (PreparedStatement s = c.prepareStatement(update
            ? "UPDATE labels SET label = ?, created = ? WHERE project_id = ? AND item = ? AND annotator = ?"
            : "INSERT INTO labels (label, created, project_id, item, annotator, round) VALUES (?, ?, ?, ?, ?, ?)")) {
          s.setInt(1, e.label());
          s.setLong(2, now);
          s.setLong(3, id);
          s.setInt(4, e.item());
          s.setString(5, who.name());
          if (!update) {
            s.setInt(6, round);
          }
          s.executeUpdate();
        }
      }
      release(c, changes.stream().map(Entry::item).toList());
      return null;
    });
    lock.lock();
    try {
      for (Entry e : changes) {
        labelsOfItem.computeIfAbsent(e.item(), k -> new LinkedHashMap<>()).put(who.name(), e.label());
        leases.remove(e.item());
      }
      labeled.signalAll();
    } finally {
      lock.unlock();
    }
    return entries.size();
  }

  /**
   * Deletes {@code who}'s label of {@code item} while its round is open, and leases the item to
   * {@code who} again, so the one who took the label back can relabel it (the web page's undo).
   *
   * @throws ApiException 404 when there is none, 409 when its round is closed
   */
  void undo(Principal who, int item) {
    lock.lock();
    try {
      Map<String, Integer> labels = labelsOfItem.get(item);
      if (labels == null || !labels.containsKey(who.name())) {
        throw ApiException.notFound("item = " + item + ": no label of " + who.name() + "; expected an item you labeled");
      }
      if (openRound == 0 || !Integer.valueOf(openRound).equals(roundOfItem.get(item))) {
        throw ApiException.conflict("item = " + item + ": its round " + roundOfItem.get(item)
            + " is closed; expected an item of the open round");
      }
      long expires = System.currentTimeMillis() + spec.leaseSeconds() * 1000L;
      db.inTransaction(c -> {
        try (PreparedStatement s = c.prepareStatement(
            "DELETE FROM labels WHERE project_id = ? AND item = ? AND annotator = ?")) {
          s.setLong(1, id);
          s.setInt(2, item);
          s.setString(3, who.name());
          s.executeUpdate();
        }
        lease(c, List.of(item), who.name(), expires);
        return null;
      });
      leases.put(item, new Lease(who.name(), expires));
      labels.remove(who.name());
      if (labels.isEmpty()) {
        labelsOfItem.remove(item);
      }
    } finally {
      lock.unlock();
    }
  }

  /** Every label, oldest first: item, label, annotator, round and time. */
  List<Map<String, Object>> export() {
    return db.inTransaction(c -> {
      List<Map<String, Object>> out = new ArrayList<>();
      try (PreparedStatement s = c.prepareStatement("SELECT item, label, annotator, round, created FROM labels"
          + " WHERE project_id = ? ORDER BY id")) {
        s.setLong(1, id);
        try (ResultSet r = s.executeQuery()) {
          while (r.next()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("item", r.getInt(1));
            row.put("label", r.getInt(2));
            row.put("annotator", r.getString(3));
            row.put("round", r.getInt(4));
            row.put("time", Instant.ofEpochMilli(r.getLong(5)).toString());
            out.add(row);
          }
        }
      }
      return out;
    });
  }

  /** The project's progress: rounds, labels, whether a round fits, each round's accuracy. */
  ObjectNode status() {
    Map<Integer, Double> accuracy = db.inTransaction(c -> {
      Map<Integer, Double> out = new HashMap<>();
      try (PreparedStatement s = c.prepareStatement(
          "SELECT round, val FROM metrics WHERE project_id = ? AND name = 'accuracy'")) {
        s.setLong(1, id);
        try (ResultSet r = s.executeQuery()) {
          while (r.next()) {
            out.put(r.getInt(1), r.getDouble(2));
          }
        }
      }
      return out;
    });
    lock.lock();
    try {
      ObjectNode out = Json.MAPPER.createObjectNode();
      out.put("round", lastRound);
      out.put("fitting", openRound == 0 && !finished && failure == null);
      out.put("labels", labelsOfItem.size());
      out.put("batch", spec.batch());
      int[] perRound = new int[lastRound + 1];
      for (Integer item : labelsOfItem.keySet()) {
        Integer round = roundOfItem.get(item);
        if (round != null) {
          perRound[round]++;
        }
      }
      out.put("labelsThisRound", lastRound == 0 ? 0 : perRound[lastRound]);
      dataset.classNames().forEach(out.putArray("classes")::add);
      ArrayNode rounds = out.putArray("rounds");
      for (int r = 1; r <= lastRound; r++) {
        ObjectNode round = rounds.addObject().put("round", r).put("labels", perRound[r]);
        Double a = accuracy.get(r);
        if (a == null) {
          round.putNull("accuracy");
        } else {
          round.put("accuracy", a);
        }
      }
      out.put("finished", finished);
      if (failure != null) {
        out.put("error", failure);
      }
      return out;
    } finally {
      lock.unlock();
    }
  }

  /** Stops the loop; the round in progress stays in the database and the journal. */
  @Override
  public void close() {
    lock.lock();
    try {
      stopped = true;
      labeled.signalAll();
    } finally {
      lock.unlock();
    }
    loopThread.shutdownNow();
    try {
      loopThread.awaitTermination(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
