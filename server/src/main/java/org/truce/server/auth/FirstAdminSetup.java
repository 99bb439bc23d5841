package org.truce.server.auth;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.truce.core.validation.ValidationException;
import org.truce.server.ui.PageInfo;
import org.truce.server.ui.Templates;

/**
 * There is no default password. While no administrator exists, the server prints a one-time setup
 * link at start; the first administrator is created there (or with {@code ./truce admin create}).
 * The link dies with the process and as soon as an administrator exists.
 */
public final class FirstAdminSetup {
  private static final Logger LOG = LoggerFactory.getLogger(FirstAdminSetup.class);
  private final AuthService auth;
  private final String token = Secrets.random(24);
  private Templates templates;

  public FirstAdminSetup(AuthService auth) {
    this.auth = auth;
  }

  public void register(RoutesConfig routes, Templates pageTemplates) {
    this.templates = pageTemplates;
    routes.get("/setup", this::form, Role.PUBLIC);
    routes.post("/setup", this::create, Role.PUBLIC);
  }

  public void announceIfNeeded(String host, int port) {
    if (!auth.hasAdmin()) {
      String url = "http://" + host + ":" + port + "/setup?token=" + token;
      System.out.println("No administrator exists yet. Create the first one at " + url
          + " (valid until this server stops), or with: ./truce admin create --username NAME --role ADMIN");
      LOG.warn("no administrator exists yet; the one-time setup link was printed on standard output");
    }
  }

  private boolean open(String presented) {
    return !auth.hasAdmin() && Secrets.constantTimeEquals(token, presented);
  }

  private void form(Context ctx) {
    if (!open(ctx.queryParam("token"))) {
      ctx.status(404).result("Not found");
      return;
    }
    render(ctx, Map.of(), null);
  }

  private void create(Context ctx) {
    if (!open(ctx.formParam("token"))) {
      ctx.status(404).result("Not found");
      return;
    }
    try {
      auth.createAccount(ctx.formParam("username"), ctx.formParam("displayName"), null, EnumSet.of(Role.ADMIN),
          ctx.formParam("password"), "setup");
      ctx.redirect("/login", HttpStatus.SEE_OTHER);
    } catch (ValidationException e) {
      Map<String, String> errors = new HashMap<>();
      e.errors().forEach(f -> errors.merge(f.field(), f.reason(), (a, b) -> a + "; " + b));
      ctx.status(422);
      render(ctx, errors, ctx.formParam("username"));
    }
  }

  private void render(Context ctx, Map<String, String> errors, String username) {
    Map<String, Object> params = new HashMap<>();
    params.put("page", PageInfo.of("First administrator", "setup"));
    params.put("token", token);
    params.put("errors", errors);
    params.put("username", username == null ? "" : username);
    templates.render(ctx, "setup.jte", params);
  }
}
