package org.truce.server.http;

import io.javalin.event.HandlerMetaInfo;
import io.javalin.security.RouteRole;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Every HTTP route the server registered, with the roles it declared, as Javalin reports them: a
 * read-only list, so a test can check the access table against what is really served rather than
 * against documentation.
 */
public final class RegisteredRoutes {
  /** One route: its method, path template and declared roles. */
  public record Route(String method, String path, Set<RouteRole> roles) {}

  private final List<Route> routes = new CopyOnWriteArrayList<>();

  /** For {@code config.events.handlerAdded}: keeps HTTP routes, not before/after filters. */
  public void added(HandlerMetaInfo handler) {
    if (handler.getHttpMethod().isHttpMethod()) {
      routes.add(new Route(handler.getHttpMethod().name(), handler.getPath(), Set.copyOf(handler.getRoles())));
    }
  }

  public List<Route> all() {
    return List.copyOf(routes);
  }
}
