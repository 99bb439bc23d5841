package org.truce.server.auth;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.security.RouteRole;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

/**
 * Resolves who is calling (a Bearer token, or the session cookie) before any route runs, then,
 * once the route is matched, admits or refuses the call by the roles the route declared. A route
 * that declares no role is refused to everyone. Session calls that change state must carry the
 * session's CSRF token (form field {@code _csrf} or header {@code X-CSRF-Token}).
 */
public final class Authenticator {
  public static final String SESSION_COOKIE = "truce_session";
  static final String CSRF_ATTRIBUTE = "truce.csrf";
  private final AuthService auth;

  public Authenticator(AuthService auth) {
    this.auth = auth;
  }

  /** Before every request: establish the principal. An invalid token is refused at once. */
  public void identify(Context ctx) {
    String header = ctx.header("Authorization");
    if (header != null && !header.isBlank()) {
      if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
        throw new Access.Unauthorized("the Authorization header must be 'Bearer <token>'");
      }
      Optional<Principal> p = auth.token(header.substring(7).trim());
      if (p.isEmpty()) {
        throw new Access.Unauthorized("the API token is unknown, expired or revoked");
      }
      ctx.attribute(Access.ATTRIBUTE, p.get());
      return;
    }
    auth.session(ctx.cookie(SESSION_COOKIE)).ifPresent(s -> {
      ctx.attribute(Access.ATTRIBUTE, s.principal());
      ctx.attribute(CSRF_ATTRIBUTE, s.csrf());
    });
  }

  /** After the route is matched: enforce its declared roles, and CSRF for session writes. */
  public void authorize(Context ctx) {
    Set<RouteRole> declared = ctx.routeRoles();
    Principal p = Access.principal(ctx);
    if (declared.isEmpty()) {
      throw new Access.Forbidden("this route declares no access rule");
    }
    if (!declared.contains(Role.PUBLIC)) {
      if (p.isAnonymous()) {
        if (isPage(ctx)) {
          ctx.redirect("/login?next=" + URLEncoder.encode(ctx.path(), StandardCharsets.UTF_8), HttpStatus.SEE_OTHER);
          ctx.skipRemainingHandlers();
          return;
        }
        throw new Access.Unauthorized("sign in or send an API token");
      }
      boolean admitted = declared.contains(Role.ANY) || p.has(Role.ADMIN)
          || declared.stream().anyMatch(r -> r instanceof Role role && p.has(role));
      if (!admitted) {
        throw new Access.Forbidden("this needs one of the roles " + declared);
      }
    }
    if ("session".equals(p.via()) && changesState(ctx) && !csrfMatches(ctx)) {
      throw new Access.Forbidden("missing or wrong CSRF token; reload the page and try again");
    }
  }

  /** The CSRF token of the caller's session, for forms; null without a session. */
  public static String csrf(Context ctx) {
    return ctx.attribute(CSRF_ATTRIBUTE);
  }

  private static boolean csrfMatches(Context ctx) {
    String expected = csrf(ctx);
    String presented = ctx.header("X-CSRF-Token");
    if (presented == null) {
      String type = ctx.contentType() == null ? "" : ctx.contentType();
      if (type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/form-data")) {
        presented = ctx.formParam("_csrf");
      }
    }
    return Secrets.constantTimeEquals(expected, presented);
  }

  private static boolean changesState(Context ctx) {
    return switch (ctx.method().name()) {
      case "GET", "HEAD", "OPTIONS" -> false;
      default -> true;
    };
  }

  private static boolean isPage(Context ctx) {
    String path = ctx.path();
    return "GET".equals(ctx.method().name()) && !path.startsWith("/api/") && !path.startsWith("/ogc")
        && !path.startsWith("/log/") && !path.equals("/health") && !path.equals("/metrics");
  }
}
