package org.alkit.serve;

import io.micronaut.http.HttpStatus;

/**
 * A request the service refuses: its HTTP status (a 4xx) and one line naming the field, the bad
 * value and what was expected, which the client receives as {@code {"error": "…"}}.
 */
final class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final HttpStatus status;

  ApiException(HttpStatus status, String message) {
    super(message, null, false, false);
    this.status = status;
  }

  static ApiException badRequest(String message) {
    return new ApiException(HttpStatus.BAD_REQUEST, message);
  }

  static ApiException notFound(String message) {
    return new ApiException(HttpStatus.NOT_FOUND, message);
  }

  static ApiException conflict(String message) {
    return new ApiException(HttpStatus.CONFLICT, message);
  }

  HttpStatus status() {
    return status;
  }
}
