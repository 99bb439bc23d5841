package org.truce.server.auth;

import io.javalin.http.Context;

/** The caller of a request, as resolved by the authenticator before any route runs. */
public final class Access {
  static final String ATTRIBUTE = "truce.principal";

  private Access() {}

  public static Principal principal(Context ctx) {
    Principal p = ctx.attribute(ATTRIBUTE);
    return p == null ? Principal.ANONYMOUS : p;
  }

  /** Throws 403 unless the caller holds one of {@code roles} (ADMIN always passes). */
  public static Principal require(Context ctx, Role... roles) {
    Principal p = principal(ctx);
    if (p.isAnonymous()) {
      throw new Unauthorized("sign in or send an API token");
    }
    if (p.has(Role.ADMIN)) {
      return p;
    }
    for (Role r : roles) {
      if (p.has(r)) {
        return p;
      }
    }
    throw new Forbidden("this needs one of the roles " + java.util.Arrays.toString(roles));
  }

  /** 401: no valid credentials were presented. */
  public static final class Unauthorized extends RuntimeException {
    public Unauthorized(String message) {
      super(message);
    }
  }

  /** 403: the caller is known but may not do this. */
  public static final class Forbidden extends RuntimeException {
    public Forbidden(String message) {
      super(message);
    }
  }
}
