package org.truce.store.reference;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** Small lists stored as JSON text, portable between H2 and PostgreSQL. */
final class JsonColumns {
  private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());

  private JsonColumns() {}

  static String write(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static <T> T read(String json, TypeReference<T> type) {
    try {
      return JSON.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored column is not the expected JSON", e);
    }
  }
}
