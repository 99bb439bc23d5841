package org.truce.server.auth;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HttpStatus;
import io.javalin.http.SameSite;
import java.util.HashMap;
import java.util.Map;
import org.truce.server.http.TrustedProxies;
import org.truce.server.ui.PageInfo;
import org.truce.server.ui.Templates;

/**
 * Password sign-in for the web UI. The login form is protected against CSRF by a double-submit
 * token (a cookie and a form field that must match); the session cookie is HttpOnly,
 * SameSite=Strict, and Secure when served over TLS ({@link TrustedProxies#overTls}).
 */
public final class LoginUi {
  static final String LOGIN_CSRF_COOKIE = "truce_login_csrf";
  private final AuthService auth;
  private final Templates templates;

  public LoginUi(AuthService auth, Templates templates) {
    this.auth = auth;
    this.templates = templates;
  }

  public void register(RoutesConfig routes) {
    routes.get("/login", this::form, Role.PUBLIC);
    routes.post("/login", this::signIn, Role.PUBLIC);
    routes.post("/logout", this::signOut, Role.ANY);
  }

  private void form(Context ctx) {
    if (!Access.principal(ctx).isAnonymous()) {
      ctx.redirect("/", HttpStatus.SEE_OTHER);
      return;
    }
    render(ctx, safeNext(ctx.queryParam("next")), null);
  }

  private void signIn(Context ctx) {
    String next = safeNext(ctx.formParam("next"));
    if (!Secrets.constantTimeEquals(ctx.cookie(LOGIN_CSRF_COOKIE), ctx.formParam("_csrf"))) {
      ctx.status(403);
      render(ctx, next, "Your sign-in form expired; please try again.");
      return;
    }
    AuthService.SignIn result = auth.signIn(ctx.formParam("username"), ctx.formParam("password"), ctx.ip());
    if (result.retryAfter() != null) {
      ctx.status(429).header("Retry-After", Long.toString(Math.max(1, (result.retryAfter().toMillis() + 999) / 1000)));
      render(ctx, next, result.refusal());
      return;
    }
    if (!result.ok()) {
      ctx.status(401);
      render(ctx, next, result.refusal());
      return;
    }
    AuthService.NewSession session = auth.startSession(result.principal().account());
    ctx.cookie(cookie(ctx, Authenticator.SESSION_COOKIE, session.cookie(), (int) AuthService.SESSION_LIFETIME.toSeconds()));
    ctx.removeCookie(LOGIN_CSRF_COOKIE, "/");
    ctx.redirect(next, HttpStatus.SEE_OTHER);
  }

  private void signOut(Context ctx) {
    auth.endSession(ctx.cookie(Authenticator.SESSION_COOKIE));
    ctx.removeCookie(Authenticator.SESSION_COOKIE, "/");
    ctx.redirect("/login", HttpStatus.SEE_OTHER);
  }

  private void render(Context ctx, String next, String error) {
    String csrf = Secrets.random(24);
    ctx.cookie(cookie(ctx, LOGIN_CSRF_COOKIE, csrf, 3600));
    Map<String, Object> params = new HashMap<>();
    params.put("page", PageInfo.of("Sign in", "login"));
    params.put("next", next);
    params.put("error", error);
    params.put("csrf", csrf);
    templates.render(ctx, "login.jte", params);
  }

  private static Cookie cookie(Context ctx, String name, String value, int maxAgeSeconds) {
    return new Cookie(name, value, "/", maxAgeSeconds, TrustedProxies.overTls(ctx), true, null, SameSite.STRICT);
  }

  /** Only a local path may be a redirect target, never another site. */
  static String safeNext(String next) {
    if (next == null || !next.startsWith("/") || next.startsWith("//") || next.contains("\\") || next.contains("\r")
        || next.contains("\n")) {
      return "/";
    }
    return next;
  }
}
