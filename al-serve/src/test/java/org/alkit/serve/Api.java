package org.alkit.serve;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A client of the service's API for tests: one token, JSON in and out. */
final class Api {
  private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  final URI base;
  final String token;

  Api(URI base, String token) {
    this.base = base;
    this.token = token;
  }

  /** The same server with another token. */
  Api as(String other) {
    return new Api(base, other);
  }

  /** A response: its status, content type and body. */
  record Reply(int status, String type, String body) {
    JsonNode json() {
      return Json.parse(body);
    }

    /** The error message of a 4xx. */
    String error() {
      return json().get("error").asText();
    }
  }

  Reply get(String path) {
    return send(request(path).GET());
  }

  Reply post(String path, String json) {
    return post(path, "application/json", json);
  }

  Reply post(String path, String contentType, String body) {
    return send(request(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  Reply delete(String path) {
    return send(request(path).DELETE());
  }

  /** The body of a 2xx GET as JSON; fails the test on another status. */
  JsonNode ok(String path) {
    Reply r = get(path);
    if (r.status() / 100 != 2) {
      throw new AssertionError("GET " + path + ": " + r.status() + " " + r.body());
    }
    return r.json();
  }

  /** The body of a 2xx POST as JSON; fails the test on another status. */
  JsonNode ok(String path, String json) {
    Reply r = post(path, json);
    if (r.status() / 100 != 2) {
      throw new AssertionError("POST " + path + " " + json + ": " + r.status() + " " + r.body());
    }
    return r.json();
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
    return token == null ? b : b.header("Authorization", "Bearer " + token);
  }

  private static Reply send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> r = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Reply(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
