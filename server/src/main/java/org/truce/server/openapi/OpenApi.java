package org.truce.server.openapi;

import org.truce.server.auth.Role;
import io.javalin.config.RoutesConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Serves the hand-maintained OpenAPI 3.1 document; a test checks every API route is in it. */
public final class OpenApi {
  public static final String RESOURCE = "/openapi/openapi.json";
  private final byte[] document;

  public OpenApi() {
    try (InputStream in = OpenApi.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the jar");
      }
      document = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public void register(RoutesConfig routes) {
    routes.get("/api/v1/openapi.json", ctx -> ctx.contentType("application/json").result(document), Role.PUBLIC);
  }
}
