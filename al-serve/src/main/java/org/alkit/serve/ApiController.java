package org.alkit.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The JSON API under {@code /api} (docs/serve.md): tokens and projects (admin), and per project
 * {@code next}, {@code labels} (post, undo, export), {@code status} and item content. Every call
 * needs {@code Authorization: Bearer TOKEN}; every refusal is a 4xx with {@code {"error": "…"}}.
 */
@Controller("/api")
final class ApiController {
  /** The largest JSON body the API reads; larger ones get 413. */
  static final int MAX_JSON_BYTES = 1 << 20;

  private final TokenAuthenticator tokens;
  private final Projects projects;
  private final ItemContent content;

  @Inject
  ApiController(TokenAuthenticator tokens, Projects projects, ItemContent content) {
    this.tokens = tokens;
    this.projects = projects;
    this.content = content;
  }

  @Post(uri = "/tokens", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
  HttpResponse<String> createToken(HttpRequest<?> request, @Nullable @Body String body) {
    Principal who = admin(request);
    JsonNode json = json(request, body);
    if (!json.isObject()) {
      throw ApiException.badRequest("body: " + Json.kind(json) + "; expected {\"name\", \"role\", \"projects\"}");
    }
    String name = Json.text(json, "name", null);
    if (!ProjectSpec.NAME.matcher(name).matches()) {
      throw ApiException.badRequest("name = '" + name + "'; expected 1-64 letters, digits, '-' or '_'");
    }
    String role = Json.text(json, "role", TokenAuthenticator.ANNOTATOR);
    if (!role.equals(TokenAuthenticator.ANNOTATOR) && !role.equals(TokenAuthenticator.ADMIN)) {
      throw ApiException.badRequest("role = '" + role + "'; expected 'annotator' or 'admin'");
    }
    List<String> names = new ArrayList<>();
    JsonNode list = json.get("projects");
    if (list != null) {
      if (!list.isArray()) {
        throw ApiException.badRequest("projects = " + list + "; expected a list of project names");
      }
      for (JsonNode p : list) {
        if (!p.isTextual()) {
          throw ApiException.badRequest("projects holds " + p + "; expected project names");
        }
        projects.get(who, p.asText());
        names.add(p.asText());
      }
    }
    String token = tokens.create(name, role, names);
    ObjectNode out = Json.MAPPER.createObjectNode().put("name", name).put("token", token);
    return json(HttpStatus.CREATED, out);
  }

  @Post(uri = "/projects", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
  HttpResponse<String> createProject(HttpRequest<?> request, @Nullable @Body String body) {
    admin(request);
    return json(HttpStatus.CREATED, Projects.describe(projects.create(json(request, body))));
  }

  @Get(uri = "/projects", produces = MediaType.APPLICATION_JSON)
  HttpResponse<String> listProjects(HttpRequest<?> request) {
    Principal who = caller(request);
    ArrayNode out = Json.MAPPER.createArrayNode();
    projects.visible(who).forEach(p -> out.add(Projects.describe(p)));
    return json(HttpStatus.OK, out);
  }

  @Get(uri = "/projects/{project}/next", produces = MediaType.APPLICATION_JSON)
  HttpResponse<String> next(HttpRequest<?> request, @PathVariable String project, @Nullable @QueryValue String n) {
    Principal who = caller(request);
    Project p = projects.get(who, project);
    int count = 1;
    if (n != null) {
      try {
        count = Integer.parseInt(n);
      } catch (NumberFormatException e) {
        count = -1;
      }
      if (count < 1 || count > 1000) {
        throw ApiException.badRequest("n = '" + n + "'; expected an integer in [1, 1000]");
      }
    }
    return json(HttpStatus.OK, p.next(who, count));
  }

  @Post(uri = "/projects/{project}/labels", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
  HttpResponse<String> label(HttpRequest<?> request, @PathVariable String project, @Nullable @Body String body) {
    Principal who = caller(request);
    Project p = projects.get(who, project);
    JsonNode json = json(request, body);
    List<Project.Entry> entries = new ArrayList<>();
    if (json.isArray()) {
      if (json.isEmpty()) {
        throw ApiException.badRequest("body: an empty list; expected {\"item\": ID, \"label\": L} or a list of those");
      }
      for (int k = 0; k < json.size(); k++) {
        entries.add(entry(json.get(k), "[" + k + "]."));
      }
    } else {
      entries.add(entry(json, ""));
    }
    int accepted = p.label(who, entries);
    return json(HttpStatus.OK, Json.MAPPER.createObjectNode().put("accepted", accepted));
  }

  private static Project.Entry entry(JsonNode json, String where) {
    if (!json.isObject()) {
      throw ApiException.badRequest("body" + (where.isEmpty() ? "" : where.substring(0, where.length() - 1)) + ": "
          + Json.kind(json) + "; expected {\"item\": ID, \"label\": L}");
    }
    for (var it = json.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!key.equals("item") && !key.equals("label")) {
        throw ApiException.badRequest(where + key + ": unknown field; expected only item and label");
      }
    }
    return new Project.Entry(Json.integer(required(json, where + "item", "item"), "item", 0, Integer.MIN_VALUE,
        Integer.MAX_VALUE), Json.integer(required(json, where + "label", "label"), "label", 0, Integer.MIN_VALUE,
        Integer.MAX_VALUE));
  }

  private static JsonNode required(JsonNode json, String name, String field) {
    JsonNode value = json.get(field);
    if (value == null) {
      throw ApiException.badRequest(name + ": missing; expected an integer");
    }
    if (!value.isIntegralNumber() || !value.canConvertToInt()) {
      throw ApiException.badRequest(name + " = " + value + "; expected an integer");
    }
    return json;
  }

  @Delete(uri = "/projects/{project}/labels/{item}")
  HttpResponse<String> undo(HttpRequest<?> request, @PathVariable String project, @PathVariable String item) {
    Principal who = caller(request);
    Project p = projects.get(who, project);
    p.undo(who, itemId(item));
    return HttpResponse.noContent();
  }

  @Get(uri = "/projects/{project}/labels", produces = {MediaType.APPLICATION_JSON, "text/csv"})
  HttpResponse<String> export(HttpRequest<?> request, @PathVariable String project,
      @Nullable @QueryValue String format) {
    Principal who = caller(request);
    Project p = projects.get(who, project);
    List<Map<String, Object>> rows = p.export();
    if (format == null || format.equals("json")) {
      return json(HttpStatus.OK, rows);
    }
    if (!format.equals("csv")) {
      throw ApiException.badRequest("format = '" + format + "'; expected json or csv");
    }
    StringBuilder csv = new StringBuilder("item,label,annotator,round,time\n");
    for (Map<String, Object> row : rows) {
      csv.append(row.values().stream().map(String::valueOf).collect(Collectors.joining(","))).append('\n');
    }
    return HttpResponse.ok(csv.toString()).contentType("text/csv");
  }

  @Get(uri = "/projects/{project}/status", produces = MediaType.APPLICATION_JSON)
  HttpResponse<String> status(HttpRequest<?> request, @PathVariable String project) {
    Principal who = caller(request);
    return json(HttpStatus.OK, projects.get(who, project).status());
  }

  @Get(uri = "/projects/{project}/items/{item}/content", produces = {"image/png", MediaType.APPLICATION_JSON})
  HttpResponse<?> content(HttpRequest<?> request, @PathVariable String project, @PathVariable String item) {
    Principal who = caller(request);
    Project p = projects.get(who, project);
    int id = itemId(item);
    if (id >= p.dataset().pool().rows()) {
      throw ApiException.notFound("item = " + id + "; expected an item of the pool, in [0, "
          + p.dataset().pool().rows() + ")");
    }
    Optional<byte[]> png = content.png(p.dataset(), id);
    if (png.isPresent()) {
      return HttpResponse.ok(png.get()).contentType("image/png");
    }
    return json(HttpStatus.OK, content.features(p.dataset(), id));
  }

  private static int itemId(String item) {
    try {
      int id = Integer.parseInt(item);
      if (id >= 0) {
        return id;
      }
    } catch (NumberFormatException e) {
      // refused below
    }
    throw ApiException.badRequest("item = '" + item + "'; expected an item id, an integer >= 0");
  }

  private Principal caller(HttpRequest<?> request) {
    return tokens.require(request.getHeaders().get(HttpHeaders.AUTHORIZATION));
  }

  private Principal admin(HttpRequest<?> request) {
    Principal who = caller(request);
    if (!who.admin()) {
      throw new ApiException(HttpStatus.FORBIDDEN, "Authorization: token '" + who.name()
          + "' is an annotator's; expected an admin token");
    }
    return who;
  }

  /**
   * The JSON body of a request.
   *
   * @throws ApiException 415 for another content type, 413 for a body over {@link #MAX_JSON_BYTES},
   *     400 for malformed JSON
   */
  static JsonNode json(HttpRequest<?> request, String body) {
    Optional<MediaType> type = request.getContentType();
    if (type.isEmpty() || !type.get().getName().equals(MediaType.APPLICATION_JSON)) {
      throw new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Content-Type: "
          + type.map(MediaType::toString).orElse("missing") + "; expected application/json");
    }
    if (body != null && body.length() > MAX_JSON_BYTES) {
      throw new ApiException(HttpStatus.REQUEST_ENTITY_TOO_LARGE, "body: " + body.length() + " characters; expected"
          + " at most " + MAX_JSON_BYTES);
    }
    return Json.parse(body);
  }

  static HttpResponse<String> json(HttpStatus status, Object value) {
    return HttpResponse.<String>status(status).body(Json.write(value)).contentType(MediaType.APPLICATION_JSON_TYPE);
  }
}
