package org.truce.server.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.truce.core.validation.Errors;
import org.truce.server.http.JsonBodies;
import org.truce.server.http.ProblemHandlers;
import org.truce.server.http.QueryParams;
import org.truce.store.auth.Account;
import org.truce.store.auth.ApiToken;
import org.truce.store.auth.AuditEvent;

/**
 * {@code /api/v1/auth}: who am I, my API tokens (issue, list, revoke). {@code /api/v1/admin}:
 * accounts, tokens for service accounts, and the audit trail search.
 */
public final class AccountApi {
  private final AuthService auth;
  private final JsonBodies bodies;
  private final ObjectMapper json;

  public AccountApi(AuthService auth, JsonBodies bodies, ObjectMapper json) {
    this.auth = auth;
    this.bodies = bodies;
    this.json = json;
  }

  public void register(RoutesConfig routes) {
    routes.get("/api/v1/auth/me", this::me, Role.ANY);
    routes.get("/api/v1/auth/tokens", this::myTokens, Role.ANY);
    routes.post("/api/v1/auth/tokens", this::issueOwn, Role.ANY);
    routes.post("/api/v1/auth/tokens/{tokenId}/revoke", this::revoke, Role.ANY);
    routes.get("/api/v1/admin/accounts", this::accounts, Role.ADMIN);
    routes.post("/api/v1/admin/accounts", this::createAccount, Role.ADMIN);
    routes.post("/api/v1/admin/accounts/{username}/disable", ctx -> setDisabled(ctx, true), Role.ADMIN);
    routes.post("/api/v1/admin/accounts/{username}/enable", ctx -> setDisabled(ctx, false), Role.ADMIN);
    routes.post("/api/v1/admin/accounts/{username}/unlock", this::unlock, Role.ADMIN);
    routes.post("/api/v1/admin/accounts/{username}/tokens", this::issueFor, Role.ADMIN);
    routes.get("/api/v1/admin/audit", this::audit, Role.ADMIN);
  }

  private void me(Context ctx) {
    Principal p = Access.principal(ctx);
    ObjectNode n = json.createObjectNode();
    n.put("account", p.account());
    n.put("party", p.party());
    ArrayNode roles = n.putArray("roles");
    p.roles().forEach(r -> roles.add(r.name()));
    n.put("via", p.via());
    ctx.json(n);
  }

  private void myTokens(Context ctx) {
    ArrayNode a = json.createArrayNode();
    auth.tokensOf(Access.principal(ctx).account()).forEach(t -> a.add(token(t)));
    ctx.json(a);
  }

  private void issueOwn(Context ctx) {
    Principal p = Access.principal(ctx);
    TokenRequest r = tokenRequest(bodies.read(ctx));
    if (!p.roles().containsAll(r.roles())) {
      throw new ProblemHandlers.BadRequest("roles", "a token can carry at most the roles of the credentials that create it: "
          + p.roles());
    }
    issue(ctx, p.account(), r.roles().isEmpty() ? p.roles() : r.roles(), r, p);
  }

  private void issueFor(Context ctx) {
    String username = ctx.pathParam("username");
    if (auth.accounts().find(username).isEmpty()) {
      throw new ProblemHandlers.NotFound("no account " + username);
    }
    TokenRequest request = tokenRequest(bodies.read(ctx));
    issue(ctx, username, request.roles(), request, Access.principal(ctx));
  }

  private void issue(Context ctx, String username, Set<Role> roles, TokenRequest r, Principal by) {
    AuthService.IssuedToken issued = auth.issueToken(username, r.name(), roles, Duration.ofDays(r.days()), by.account());
    ObjectNode n = token(issued.description());
    n.put("token", issued.token());
    n.put("note", "store this token now: it is not shown again");
    ctx.status(201).json(n);
  }

  private void revoke(Context ctx) {
    if (!auth.revokeToken(ctx.pathParam("tokenId"), Access.principal(ctx))) {
      throw new ProblemHandlers.NotFound("no active token " + ctx.pathParam("tokenId") + " that you may revoke");
    }
    ctx.status(204);
  }

  private void accounts(Context ctx) {
    ArrayNode a = json.createArrayNode();
    for (Account acc : auth.accounts().all()) {
      ObjectNode n = a.addObject();
      n.put("username", acc.username());
      n.put("displayName", acc.displayName());
      n.put("party", acc.party());
      acc.roles().stream().sorted().forEach(n.putArray("roles")::add);
      n.put("disabled", acc.disabled());
      n.put("passwordSignIn", acc.passwordHash() != null);
      n.put("lockedUntil", acc.lockedUntil() == null ? null : acc.lockedUntil().toString());
    }
    ctx.json(a);
  }

  private void createAccount(Context ctx) {
    JsonNode b = bodies.read(ctx);
    Errors errors = new Errors();
    Set<Role> roles = roles(b.get("roles"), errors);
    errors.throwIfAny();
    Account a = auth.createAccount(text(b, "username"), text(b, "displayName"), text(b, "party"), roles,
        text(b, "password"), Access.principal(ctx).account());
    ctx.status(201).json(java.util.Map.of("username", a.username(), "roles", a.roles()));
  }

  private void setDisabled(Context ctx, boolean disabled) {
    String username = ctx.pathParam("username");
    if (auth.accounts().find(username).isEmpty()) {
      throw new ProblemHandlers.NotFound("no account " + username);
    }
    auth.accounts().setDisabled(username, disabled);
    Principal by = Access.principal(ctx);
    auth.audit().record(Instant.now(), by.account(), by.party(), disabled ? "account.disabled" : "account.enabled",
        "account", username, "ok", null, ctx.ip());
    ctx.status(204);
  }

  private void unlock(Context ctx) {
    String username = ctx.pathParam("username");
    if (!auth.unlock(username, Access.principal(ctx), ctx.ip())) {
      throw new ProblemHandlers.NotFound("no account " + username);
    }
    ctx.status(204);
  }

  private void audit(Context ctx) {
    QueryParams q = new QueryParams(ctx);
    ArrayNode a = json.createArrayNode();
    for (AuditEvent e : auth.audit().search(q.text("username"), q.text("action"), q.text("resourceType"),
        q.text("resourceId"), q.instant("from", false), q.instant("to", true), q.integer("limit", 200, 1, 5000))) {
      ObjectNode n = a.addObject();
      n.put("id", e.id());
      n.put("at", e.at().toString());
      n.put("username", e.username());
      n.put("party", e.party());
      n.put("action", e.action());
      n.put("resourceType", e.resourceType());
      n.put("resourceId", e.resourceId());
      n.put("outcome", e.outcome());
      n.put("detail", e.detail());
      n.put("remoteAddress", e.remoteAddress());
    }
    ctx.json(a);
  }

  private ObjectNode token(ApiToken t) {
    ObjectNode n = json.createObjectNode();
    n.put("tokenId", t.tokenId());
    n.put("name", t.name());
    n.put("account", t.username());
    t.roles().stream().sorted().forEach(n.putArray("roles")::add);
    n.put("createdAt", t.createdAt().toString());
    n.put("expiresAt", t.expiresAt().toString());
    n.put("revokedAt", t.revokedAt() == null ? null : t.revokedAt().toString());
    n.put("lastUsedAt", t.lastUsedAt() == null ? null : t.lastUsedAt().toString());
    return n;
  }

  private record TokenRequest(String name, Set<Role> roles, long days) {}

  private static TokenRequest tokenRequest(JsonNode b) {
    Errors errors = new Errors();
    Set<Role> roles = b.has("roles") ? roles(b.get("roles"), errors) : EnumSet.noneOf(Role.class);
    long days = 90;
    if (b.has("expiresInDays")) {
      if (!b.get("expiresInDays").canConvertToLong() || !b.get("expiresInDays").isIntegralNumber()) {
        errors.add("expiresInDays", "must be a whole number of days");
      } else {
        days = b.get("expiresInDays").asLong();
      }
    }
    errors.throwIfAny();
    return new TokenRequest(text(b, "name"), roles, days);
  }

  private static Set<Role> roles(JsonNode node, Errors errors) {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    if (node == null || !node.isArray()) {
      errors.add("roles", "must be a list of roles, e.g. [\"ANALYST\"]");
      return roles;
    }
    for (JsonNode r : node) {
      try {
        Role role = Role.valueOf(r.asText());
        if (!Role.ACCOUNT_ROLES.contains(role)) {
          throw new IllegalArgumentException();
        }
        roles.add(role);
      } catch (IllegalArgumentException e) {
        errors.add("roles", "unknown role '" + r.asText() + "'; one of " + Role.ACCOUNT_ROLES);
      }
    }
    return roles;
  }

  private static String text(JsonNode b, String field) {
    JsonNode v = b.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }
}
