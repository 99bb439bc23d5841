package org.truce.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;

/**
 * A JSON document sent under its own media type (GeoJSON, OGC, OpenAPI). Jetty assumes UTF-8 only
 * for application/json; under any other type a string result is encoded as ISO-8859-1 and every
 * Arabic, Russian or Turkish letter becomes '?'. So the body goes out as UTF-8 bytes, labelled so.
 */
public final class JsonResponse {
  private JsonResponse() {}

  public static void send(Context ctx, String mediaType, JsonNode body) {
    ctx.contentType(mediaType + "; charset=utf-8").result(body.toString().getBytes(StandardCharsets.UTF_8));
  }
}
