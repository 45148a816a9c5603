package org.alkit.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.alkit.api.AlException;
import org.alkit.api.Matrix;
import org.alkit.eval.data.Datasets;
import org.alkit.runtime.Dataset;
import org.alkit.runtime.Npy;
import org.alkit.runtime.Registry;
import org.alkit.runtime.RunConfig;
import org.alkit.runtime.SelectionEngine;
import org.alkit.runtime.Runs;

/**
 * The service's projects: created by an admin, kept in the projects table (the creation request,
 * the pool's source and the SHA-256 of its features, checked again at every start), and each run
 * by its {@link Project}.
 */
public final class Projects implements AutoCloseable {
  /** The share of a labeled data set held out to measure each round's accuracy, as {@code alkit run}'s default. */
  static final double TEST_FRACTION = 0.25;

  private final Database db;
  private final Registry registry;
  private final Path data;
  private final Map<String, Project> byName = new ConcurrentHashMap<>();

  Projects(Database db, Registry registry, Path data) {
    this.db = db;
    this.registry = registry;
    this.data = data;
  }

  /**
   * Starts every project of the database (at the service's start), each where it was.
   *
   * @throws AlException naming a project whose pool changed since it was created
   */
  void resumeAll() {
    record Row(long id, String spec, String sha, long created) {}
    List<Row> rows = db.inTransaction(c -> {
      List<Row> out = new ArrayList<>();
      try (PreparedStatement s = c.prepareStatement("SELECT id, spec, pool_sha256, created FROM projects ORDER BY id");
          ResultSet r = s.executeQuery()) {
        while (r.next()) {
          out.add(new Row(r.getLong(1), r.getString(2), r.getString(3), r.getLong(4)));
        }
      }
      return out;
    });
    for (Row row : rows) {
      ProjectSpec spec = ProjectSpec.parse(Json.parse(row.spec()));
      Dataset dataset = load(spec);
      String sha = sha256(dataset.pool());
      if (!sha.equals(row.sha())) {
        throw new AlException("project '" + spec.name() + "': its pool " + spec.poolValue() + " has SHA-256 " + sha
            + ", not the " + row.sha() + " it had when the project was created; expected the same pool");
      }
      open(row.id(), spec, dataset, row.created());
    }
  }

  /**
   * Creates a project from an admin's request and starts its first round.
   *
   * @throws ApiException 400 naming a bad field, 409 for a name in use
   */
  Project create(JsonNode request) {
    ProjectSpec spec = ProjectSpec.parse(request);
    if (byName.containsKey(spec.name())) {
      throw ApiException.conflict("name = '" + spec.name() + "': a project of that name exists; expected a new name");
    }
    Dataset dataset = load(spec);
    RunConfig config = config(spec, dataset);
    try {
      Runs.check(config, registry);
    } catch (AlException e) {
      throw ApiException.badRequest(e.getMessage().lines().findFirst().orElse(""));
    }
    String sha = sha256(dataset.pool());
    long created = System.currentTimeMillis();
    long id;
    synchronized (this) {
      if (byName.containsKey(spec.name())) {
        throw ApiException.conflict("name = '" + spec.name() + "': a project of that name exists; expected a new name");
      }
      id = db.inTransaction(c -> {
        long key;
        try (PreparedStatement s = c.prepareStatement("INSERT INTO projects (name, spec, pool_source, pool_sha256,"
            + " pool_size, created) VALUES (?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
          s.setString(1, spec.name());
          s.setString(2, Json.write(spec.toJson()));
          s.setString(3, spec.poolKind() + ":" + spec.poolValue());
          s.setString(4, sha);
          s.setInt(5, dataset.pool().rows());
          s.setLong(6, created);
          s.executeUpdate();
          try (ResultSet keys = s.getGeneratedKeys()) {
            keys.next();
            key = keys.getLong(1);
          }
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO items (project_id, item) VALUES (?, ?)")) {
          for (int i = 0; i < dataset.pool().rows(); i++) {
            s.setLong(1, key);
            s.setInt(2, i);
            s.addBatch();
          }
          s.executeBatch();
        }
        return key;
      });
      return open(id, spec, dataset, created);
    }
  }

  /**
   * Starts a project; its loop's journal is {@code --data/journals/NAME-CREATED}, named by its
   * creation time, so that a journal never meets the project of another database of that name.
   */
  private Project open(long id, ProjectSpec spec, Dataset dataset, long created) {
    Project project = new Project(id, spec, dataset, config(spec, dataset), db, registry,
        data.resolve("journals").resolve(spec.name() + "-" + created));
    byName.put(spec.name(), project);
    project.start();
    return project;
  }

  /**
   * The project {@code name}, if {@code who} may see it.
   *
   * @throws ApiException 404 for an unknown project, 403 for one the token may not see
   */
  Project get(Principal who, String name) {
    Project project = byName.get(name);
    if (project == null) {
      throw ApiException.notFound("project = '" + name + "': unknown; expected one of " + visible(who).stream()
          .map(p -> p.spec().name()).toList());
    }
    if (!who.sees(name)) {
      throw new ApiException(io.micronaut.http.HttpStatus.FORBIDDEN, "project = '" + name + "': token '" + who.name()
          + "' may not see it; expected one of " + who.projects().stream().sorted().toList());
    }
    return project;
  }

  /** The projects {@code who} may see, by name. */
  List<Project> visible(Principal who) {
    return byName.values().stream().filter(p -> who.sees(p.spec().name()))
        .sorted(java.util.Comparator.comparing(p -> p.spec().name())).toList();
  }

  /** A project as the API shows it: its request, the pool's size, hash and classes. */
  static ObjectNode describe(Project project) {
    ObjectNode json = project.spec().toJson();
    json.put("poolSize", project.dataset().pool().rows());
    project.dataset().classNames().forEach(json.putArray("classes")::add);
    return json;
  }

  /** The loop's configuration: the seed batch and each round's batch are {@code batch}; rounds until the pool ends. */
  private static RunConfig config(ProjectSpec spec, Dataset dataset) {
    int pool = dataset.pool().rows();
    if (pool < spec.batch()) {
      throw ApiException.badRequest("batch = " + spec.batch() + "; expected at most the pool's " + pool + " items");
    }
    int rounds = (pool - spec.batch()) / spec.batch();
    return new RunConfig(spec.poolKind() + ":" + spec.poolValue(), spec.model(), Map.of(), spec.strategy(),
        Map.of(), "java", Map.of(), "simulated", spec.batch(), spec.batch(), rounds, spec.seed(), TEST_FRACTION,
        List.of(), Optional.empty(), Map.of(), Optional.empty(), SelectionEngine.LOCAL, Map.of());
  }

  /** The pool of {@code spec}: a built-in data set, or a file under {@code --data}. */
  private Dataset load(ProjectSpec spec) {
    Dataset dataset;
    try {
      dataset = switch (spec.poolKind()) {
        case "dataset" -> Datasets.load(spec.poolValue(), TEST_FRACTION, spec.seed());
        case "csv" -> Datasets.load(file(spec).toString(), TEST_FRACTION, spec.seed());
        case "images" -> Datasets.load(Datasets.IMAGES + ":" + file(spec), TEST_FRACTION, spec.seed());
        default -> unlabeled(spec);
      };
    } catch (AlException e) {
      throw ApiException.badRequest("pool: " + e.getMessage().lines().findFirst().orElse(""));
    }
    if (spec.classes().isPresent()) {
      List<String> names = spec.classes().get();
      if (names.size() != dataset.numClasses()) {
        throw ApiException.badRequest("classes: " + names.size() + " names; expected " + dataset.numClasses()
            + ", one per class of the pool");
      }
      dataset = dataset.withItems(dataset.itemShape(), names);
    }
    return dataset;
  }

  private Path file(ProjectSpec spec) {
    return data.resolve(spec.poolValue()).normalize();
  }

  /** An {@code .npy} pool of features alone: no ground truth, so no test split and no accuracy. */
  private Dataset unlabeled(ProjectSpec spec) {
    Matrix pool = Npy.readMatrix(file(spec));
    List<String> classes = spec.classes().orElseThrow();
    return new Dataset(spec.poolValue(), pool, new int[pool.rows()], Matrix.wrap(0, pool.cols(), new float[0]),
        new int[0], classes.size(), new int[] {pool.cols()}, classes);
  }

  /** The SHA-256 of a pool's features (rows × cols, then each float, little-endian). */
  static String sha256(Matrix pool) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      ByteBuffer row = ByteBuffer.allocate(Math.max(8, pool.cols() * Float.BYTES)).order(ByteOrder.LITTLE_ENDIAN);
      row.putInt(pool.rows()).putInt(pool.cols()).flip();
      digest.update(row);
      float[] values = new float[pool.cols()];
      for (int i = 0; i < pool.rows(); i++) {
        pool.copyRow(i, values);
        row.clear();
        row.asFloatBuffer().put(values);
        row.limit(values.length * Float.BYTES);
        digest.update(row);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }

  @Override
  public void close() {
    byName.values().forEach(Project::close);
  }
}
