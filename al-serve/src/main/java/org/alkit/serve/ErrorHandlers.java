package org.alkit.serve;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.exceptions.ContentLengthExceededException;
import io.micronaut.http.exceptions.HttpStatusException;
import java.util.Map;

/**
 * Every error the server answers, as {@code {"error": "…"}} on one line: the API's own refusals
 * ({@link ApiException}), a body over the server's limit (413), an unknown route (404), a method a
 * route does not take (405) and a content type it does not take (415). Anything else is a bug,
 * answered 500 with its class, never a stack trace.
 */
@Controller
final class ErrorHandlers {
  @Error(global = true, exception = ApiException.class)
  HttpResponse<String> refused(HttpRequest<?> request, ApiException e) {
    return body(e.status(), e.getMessage());
  }

  @Error(global = true, exception = ContentLengthExceededException.class)
  HttpResponse<String> tooLarge(HttpRequest<?> request, ContentLengthExceededException e) {
    return body(HttpStatus.REQUEST_ENTITY_TOO_LARGE, "body: " + oneLine(e.getMessage()) + "; expected at most "
        + ServeService.MAX_REQUEST_BYTES + " bytes");
  }

  @Error(global = true, exception = HttpStatusException.class)
  HttpResponse<String> status(HttpRequest<?> request, HttpStatusException e) {
    return body(e.getStatus(), oneLine(e.getMessage()));
  }

  @Error(global = true, status = HttpStatus.NOT_FOUND)
  HttpResponse<String> notFound(HttpRequest<?> request) {
    return body(HttpStatus.NOT_FOUND, "path " + request.getPath() + ": no such route; expected /api/… (docs/serve.md)");
  }

  @Error(global = true, status = HttpStatus.METHOD_NOT_ALLOWED)
  HttpResponse<String> notAllowed(HttpRequest<?> request) {
    return body(HttpStatus.METHOD_NOT_ALLOWED, "method " + request.getMethodName() + " " + request.getPath()
        + ": not allowed; expected another method (docs/serve.md)");
  }

  @Error(global = true, status = HttpStatus.UNSUPPORTED_MEDIA_TYPE)
  HttpResponse<String> unsupported(HttpRequest<?> request) {
    return body(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Content-Type: " + request.getContentType()
        .map(Object::toString).orElse("missing") + "; expected application/json");
  }

  @Error(global = true, exception = Throwable.class)
  HttpResponse<String> failed(HttpRequest<?> request, Throwable e) {
    return body(HttpStatus.INTERNAL_SERVER_ERROR, "internal error: " + e.getClass().getSimpleName() + ": "
        + oneLine(e.getMessage()));
  }

  private static String oneLine(String message) {
    return message == null ? "" : message.strip().replaceAll("\\s*\\R\\s*", "; ");
  }

  static HttpResponse<String> body(HttpStatus status, String message) {
    return ApiController.json(status, Map.of("error", message));
  }
}
