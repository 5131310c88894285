package dev.socketdesk.web.internal;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Typed fields of request bodies. Vert.x's getters throw ClassCastException for a value of another
 * JSON type (a 500); these answer 400 naming the field and the type it needs.
 */
final class JsonFields {
  private JsonFields() {}

  /** {@code true} or {@code false} at {@code key}; {@code fallback} when missing or null. */
  static boolean flag(JsonObject o, String key, boolean fallback) {
    Object v = o.getValue(key);
    if (v == null) {
      return fallback;
    }
    if (v instanceof Boolean b) {
      return b;
    }
    throw ApiException.badRequest(key + " must be true or false, not " + kind(v));
  }

  /** The array at {@code key}; empty when missing or null. */
  static JsonArray array(JsonObject o, String key) {
    Object v = o.getValue(key);
    if (v == null) {
      return new JsonArray();
    }
    if (v instanceof JsonArray a) {
      return a;
    }
    throw ApiException.badRequest(key + " must be a list, not " + kind(v));
  }

  /** The object at {@code index} of {@code array}, which {@code what} names in the message. */
  static JsonObject object(JsonArray array, int index, String what) {
    Object v = array.getValue(index);
    if (v instanceof JsonObject object) {
      return object;
    }
    throw ApiException.badRequest(what + " " + (index + 1) + " must be an object, not " + kind(v));
  }

  private static String kind(Object v) {
    if (v == null) {
      return "null";
    }
    if (v instanceof String) {
      return "text";
    }
    if (v instanceof Number) {
      return "a number";
    }
    if (v instanceof JsonArray) {
      return "a list";
    }
    if (v instanceof JsonObject) {
      return "an object";
    }
    return v instanceof Boolean ? "true or false" : "a " + v.getClass().getSimpleName();
  }
}
