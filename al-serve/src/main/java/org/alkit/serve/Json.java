package org.alkit.serve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** JSON in and out of the API: strict parsing with one-line errors, and the field readers of its bodies. */
final class Json {
  /** One mapper for the service: duplicate keys and trailing tokens are errors. */
  static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();

  private Json() {}

  /**
   * A request body, parsed.
   *
   * @throws ApiException 400 naming the line and column of malformed JSON
   */
  static JsonNode parse(String body) {
    if (body == null || body.isBlank()) {
      throw ApiException.badRequest("body: empty; expected JSON");
    }
    try {
      return MAPPER.readTree(body);
    } catch (JsonProcessingException e) {
      var where = e.getLocation();
      throw ApiException.badRequest("body: malformed JSON" + (where == null ? "" : " at line " + where.getLineNr()
          + ", column " + where.getColumnNr()) + " (" + e.getOriginalMessage().lines().findFirst().orElse("")
          + "); expected a JSON document");
    }
  }

  /** {@code value} as a JSON string. */
  static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + value.getClass().getName() + " as JSON", e);
    }
  }

  /** What a JSON value is, for messages: "an array", "a string", …. */
  static String kind(JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return "nothing";
    }
    return switch (node.getNodeType()) {
      case ARRAY -> "an array";
      case OBJECT -> "an object";
      case STRING -> "a string";
      case NUMBER -> "a number";
      case BOOLEAN -> "a boolean";
      case NULL -> "null";
      default -> node.getNodeType().toString();
    };
  }

  /** A text field; {@code fallback} when absent, or required when {@code fallback} is null. */
  static String text(JsonNode object, String field, String fallback) {
    JsonNode value = object.get(field);
    if (value == null && fallback != null) {
      return fallback;
    }
    if (value == null || !value.isTextual()) {
      throw ApiException.badRequest(field + " = " + value + "; expected a string");
    }
    return value.asText();
  }

  /** An integer field in {@code [min, max]}, {@code fallback} when absent. */
  static int integer(JsonNode object, String field, int fallback, int min, int max) {
    JsonNode value = object.get(field);
    if (value == null) {
      return fallback;
    }
    if (!value.canConvertToInt() || !value.isIntegralNumber() || value.asInt() < min || value.asInt() > max) {
      throw ApiException.badRequest(field + " = " + value + "; expected an integer in [" + min + ", " + max + "]");
    }
    return value.asInt();
  }

  /** A whole-number field, {@code fallback} when absent. */
  static long whole(JsonNode object, String field, long fallback) {
    JsonNode value = object.get(field);
    if (value == null) {
      return fallback;
    }
    if (!value.isIntegralNumber() || !value.canConvertToLong()) {
      throw ApiException.badRequest(field + " = " + value + "; expected a whole number");
    }
    return value.asLong();
  }
}
