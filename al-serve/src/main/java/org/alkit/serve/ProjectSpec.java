package org.alkit.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.alkit.eval.data.Datasets;

/**
 * What {@code POST /api/projects} asks for, checked field by field: a name, the pool (a built-in
 * data set's name, or {@code {"npy": FILE}}, {@code {"csv": FILE}}, {@code {"images": DIR}} under
 * {@code --data}), the model, the strategy, the batch each round hands out, the seed, how many new
 * labels start the next round ({@code roundEvery}: the batch, as a round of the loop ends when its
 * batch is labeled), the lease and optional class names.
 */
record ProjectSpec(String name, String poolKind, String poolValue, String model, String strategy, int batch,
    long seed, int roundEvery, int leaseSeconds, Optional<List<String>> classes) {
  /** The names a project may have: they appear in URLs. */
  static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");

  /** The built-in data sets a pool may name. */
  static final List<String> BUILT_IN = List.of(Datasets.OPTDIGITS, Datasets.FASHION_MNIST);

  /** The kinds of pool file under {@code --data}. */
  static final List<String> FILE_KINDS = List.of("npy", "csv", "images");

  private static final Set<String> KEYS = Set.of("name", "pool", "model", "strategy", "batch", "seed", "roundEvery",
      "leaseSeconds", "classes");

  /**
   * Reads and checks a creation request.
   *
   * @throws ApiException 400 naming the first bad field
   */
  static ProjectSpec parse(JsonNode json) {
    if (!(json instanceof ObjectNode object)) {
      throw ApiException.badRequest("body: " + Json.kind(json) + "; expected a JSON object {\"name\": …, \"pool\": …}");
    }
    for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!KEYS.contains(key)) {
        throw ApiException.badRequest("field '" + key + "': unknown; expected one of " + new java.util.TreeSet<>(KEYS));
      }
    }
    String name = Json.text(object, "name", null);
    if (!NAME.matcher(name).matches()) {
      throw ApiException.badRequest("name = '" + name + "'; expected 1-64 letters, digits, '-' or '_'");
    }
    JsonNode pool = object.get("pool");
    String kind;
    String value;
    if (pool == null) {
      throw ApiException.badRequest("pool: missing; expected one of " + BUILT_IN + " or {\"npy\": \"FILE.npy\"}");
    } else if (pool.isTextual()) {
      kind = "dataset";
      value = pool.asText();
      if (!BUILT_IN.contains(value)) {
        throw ApiException.badRequest("pool = '" + value + "'; expected one of " + BUILT_IN
            + ", or {\"npy\" | \"csv\" | \"images\": PATH under --data}");
      }
    } else if (pool.isObject() && pool.size() == 1 && FILE_KINDS.contains(pool.fieldNames().next())
        && pool.elements().next().isTextual()) {
      kind = pool.fieldNames().next();
      value = pool.elements().next().asText();
      Path relative = Path.of(value).normalize();
      if (value.isBlank() || relative.isAbsolute() || relative.startsWith("..")) {
        throw ApiException.badRequest("pool." + kind + " = '" + value + "'; expected a path inside --data");
      }
    } else {
      throw ApiException.badRequest("pool = " + pool + "; expected one of " + BUILT_IN
          + ", or {\"npy\" | \"csv\" | \"images\": PATH under --data}");
    }
    int batch = Json.integer(object, "batch", 20, 1, 10_000);
    int roundEvery = Json.integer(object, "roundEvery", batch, 1, 10_000);
    if (roundEvery != batch) {
      throw ApiException.badRequest("roundEvery = " + roundEvery + "; expected the batch (" + batch
          + "): the next round starts once a round's batch is labeled");
    }
    Optional<List<String>> classes = Optional.empty();
    JsonNode names = object.get("classes");
    if (names != null) {
      if (!names.isArray() || names.size() < 2) {
        throw ApiException.badRequest("classes = " + names + "; expected a list of at least two class names");
      }
      List<String> list = new ArrayList<>();
      for (JsonNode n : names) {
        if (!n.isTextual() || n.asText().isBlank()) {
          throw ApiException.badRequest("classes holds " + n + "; expected non-empty strings");
        }
        list.add(n.asText());
      }
      classes = Optional.of(List.copyOf(list));
    }
    if (kind.equals("npy") && classes.isEmpty()) {
      throw ApiException.badRequest("classes: missing; expected the class names of the npy pool, e.g. [\"cat\", \"dog\"]");
    }
    return new ProjectSpec(name, kind, value, Json.text(object, "model", "logistic"),
        Json.text(object, "strategy", "margin"), batch, Json.whole(object, "seed", 1), roundEvery,
        Json.integer(object, "leaseSeconds", 300, 1, 86_400), classes);
  }

  /** This request as JSON, as the projects table keeps it. */
  ObjectNode toJson() {
    ObjectNode json = Json.MAPPER.createObjectNode();
    json.put("name", name);
    if (poolKind.equals("dataset")) {
      json.put("pool", poolValue);
    } else {
      json.putObject("pool").put(poolKind, poolValue);
    }
    json.put("model", model);
    json.put("strategy", strategy);
    json.put("batch", batch);
    json.put("seed", seed);
    json.put("roundEvery", roundEvery);
    json.put("leaseSeconds", leaseSeconds);
    classes.ifPresent(c -> c.forEach(json.putArray("classes")::add));
    return json;
  }
}
