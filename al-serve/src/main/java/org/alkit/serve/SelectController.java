package org.alkit.serve;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.alkit.api.AlException;
import org.alkit.api.ComputeBackend;
import org.alkit.api.Parameter;
import org.alkit.api.Selection;
import org.alkit.runtime.Registry;
import org.alkit.runtime.SelectionRequest;

/**
 * ALaaS style: {@code POST /api/select} runs one selection from signals the caller computed, as
 * {@code alkit select} does, in this warm JVM, with no model on the server. The body is JSON: the
 * flags of {@code alkit select} without their dashes ({@code strategy}, {@code budget}, {@code seed},
 * {@code round}, {@code set}: {@code {"key": "value"}}, {@code pool-size}, {@code scenario},
 * {@code rare-classes}, {@code ood-classes}) and each {@code .npy} input ({@code probs},
 * {@code embeddings}, {@code features}, {@code mc-probs}, {@code committee-probs}, {@code prev-probs},
 * {@code prediction-history}, {@code labeled}, {@code labels}, {@code query}, {@code private}) as the
 * base64 of the file's bytes. The answer is the JSON {@code alkit select} prints.
 */
@Controller("/api")
final class SelectController {
  /** The .npy inputs, by their key (the flag of alkit select without its dashes). */
  static final List<String> FILES = List.of("probs", "embeddings", "features", "mc-probs", "committee-probs",
      "prev-probs", "prediction-history", "labeled", "labels", "query", "private");

  private static final Set<String> SCALARS = Set.of("strategy", "budget", "seed", "round", "set", "pool-size",
      "scenario", "rare-classes", "ood-classes");

  private final TokenAuthenticator tokens;
  private final Registry registry;

  @Inject
  SelectController(TokenAuthenticator tokens, Registry registry) {
    this.tokens = tokens;
    this.registry = registry;
  }

  @Post(uri = "/select", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
  HttpResponse<String> select(HttpRequest<?> request, @Nullable @Body String body) throws IOException {
    tokens.require(request.getHeaders().get(HttpHeaders.AUTHORIZATION));
    if (request.getContentType().isEmpty()
        || !request.getContentType().get().getName().equals(MediaType.APPLICATION_JSON)) {
      throw new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Content-Type: " + request.getContentType()
          .map(Object::toString).orElse("missing") + "; expected application/json");
    }
    JsonNode json = Json.parse(body);
    if (!json.isObject()) {
      throw ApiException.badRequest("body: " + Json.kind(json)
          + "; expected {\"strategy\": …, \"budget\": …, \"probs\": BASE64, …}");
    }
    for (var it = json.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!SCALARS.contains(key) && !FILES.contains(key)) {
        throw ApiException.badRequest("field '" + key + "': unknown; expected one of " + new java.util.TreeSet<>(
            Stream.concat(SCALARS.stream(), FILES.stream()).toList()));
      }
    }
    Path folder = Files.createTempDirectory("alkit-select-");
    try {
      Map<String, Path> files = new LinkedHashMap<>();
      for (String key : FILES) {
        JsonNode value = json.get(key);
        if (value != null) {
          if (!value.isTextual()) {
            throw ApiException.badRequest(key + ": " + Json.kind(value) + "; expected the base64 of a .npy file");
          }
          byte[] bytes;
          try {
            bytes = Base64.getDecoder().decode(value.asText());
          } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(key + ": not base64 (" + e.getMessage() + "); expected the base64 of a .npy file");
          }
          files.put(key, Files.write(folder.resolve(key + ".npy"), bytes));
        }
      }
      Map<String, String> options = new LinkedHashMap<>();
      JsonNode set = json.get("set");
      if (set != null) {
        if (!set.isObject()) {
          throw ApiException.badRequest("set = " + set + "; expected {\"option\": \"value\", …}");
        }
        set.fields().forEachRemaining(e -> options.put(e.getKey(), e.getValue().asText()));
      }
      SelectionRequest.Builder builder = SelectionRequest.builder(Json.text(json, "strategy", null), options,
          Json.integer(json, "budget", 0, 1, Integer.MAX_VALUE))
          .round(Json.integer(json, "round", 1, 1, Integer.MAX_VALUE))
          .seed(Json.whole(json, "seed", 0))
          .poolSize(json.has("pool-size") ? Json.integer(json, "pool-size", 0, 1, Integer.MAX_VALUE) : null)
          .labeled(files.get("labeled")).labels(files.get("labels")).query(files.get("query"))
          .privateSet(files.get("private"))
          .hints(Json.text(json, "scenario", "none"), classes(json, "rare-classes"), classes(json, "ood-classes"));
      SelectionRequest.SIGNAL_FLAGS.forEach((signal, flag) -> {
        Path file = files.get(flag.substring(2));
        if (file != null) {
          builder.signal(signal, file);
        }
      });
      SelectionRequest.Selected selected;
      List<Parameter> declared;
      try {
        SelectionRequest selection = builder.build(registry);
        declared = selection.provider().parameters();
        var provider = registry.backend("java");
        try (ComputeBackend backend = provider.create(provider.options(Map.of()))) {
          selected = selection.select(backend, registry::backends, notice -> {});
        }
      } catch (AlException e) {
        throw ApiException.badRequest(e.getMessage().strip().replaceAll("\\s*\\R\\s*", "; ")
            .replace(folder + java.io.File.separator, ""));
      }
      Selection s = selected.selection();
      Map<String, Object> params = new LinkedHashMap<>();
      s.parameters().forEach((name, text) -> params.put(name, declared.stream().filter(p -> p.name().equals(name))
          .findFirst().map(p -> p.parse(text)).orElse(text)));
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("strategy", s.strategy());
      out.put("params", params);
      out.put("selected", s.indices());
      out.put("scores", s.scores());
      out.put("timing", Map.of("select_ms", Math.round(selected.nanos() / 1e3) / 1e3));
      return ApiController.json(HttpStatus.OK, out);
    } finally {
      try (Stream<Path> all = Files.walk(folder)) {
        all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (UncheckedIOException e) {
        // a temporary file left behind is harmless; the answer stands
      }
    }
  }

  private static List<Integer> classes(JsonNode json, String key) {
    List<Integer> out = new ArrayList<>();
    JsonNode list = json.get(key);
    if (list == null) {
      return out;
    }
    if (!list.isArray()) {
      throw ApiException.badRequest(key + " = " + list + "; expected a list of class labels");
    }
    for (JsonNode c : list) {
      if (!c.isInt()) {
        throw ApiException.badRequest(key + " holds " + c + "; expected class labels (integers)");
      }
      out.add(c.asInt());
    }
    return out;
  }
}
