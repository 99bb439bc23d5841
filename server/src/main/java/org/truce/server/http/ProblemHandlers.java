package org.truce.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.truce.core.validation.FieldError;
import org.truce.core.validation.ValidationException;

/**
 * Maps every failure to an RFC 9457 problem: the client learns which field and why, never a stack
 * trace or SQL. Unexpected errors are logged with an id the response repeats.
 */
public final class ProblemHandlers {
  private static final Logger LOG = LoggerFactory.getLogger(ProblemHandlers.class);

  private final ObjectMapper json;
  private final long maxBodyBytes;

  /** {@code maxBodyBytes} is the limit Javalin enforces on bodies it reads itself (forms). */
  public ProblemHandlers(ObjectMapper json, long maxBodyBytes) {
    this.json = json;
    this.maxBodyBytes = maxBodyBytes;
  }

  public void register(RoutesConfig routes) {
    routes.exception(ValidationException.class, (e, ctx) -> send(ctx, Problem.invalid(e.errors(), ctx.path())));
    routes.exception(BadRequest.class, (e, ctx) -> send(ctx, Problem.invalid(List.of(e.error()), ctx.path())));
    routes.exception(org.truce.server.auth.Access.Unauthorized.class, (e, ctx) -> {
      ctx.header("WWW-Authenticate", "Bearer realm=\"truce\"");
      send(ctx, Problem.of(401, "Unauthorized", e.getMessage(), ctx.path()));
    });
    routes.exception(org.truce.server.auth.Access.Forbidden.class, (e, ctx) ->
        send(ctx, Problem.of(403, "Forbidden", e.getMessage(), ctx.path())));
    routes.exception(NotFound.class, (e, ctx) -> send(ctx, Problem.of(404, "Not found", e.getMessage(), ctx.path())));
    routes.exception(PayloadTooLarge.class, (e, ctx) -> sendTooLarge(ctx, e));
    routes.exception(Conflict.class, (e, ctx) -> {
      if (e.location() != null) {
        ctx.header("Location", e.location());
      }
      send(ctx, Problem.conflict(e.error(), e.getMessage(), ctx.path()));
    });
    routes.exception(HttpResponseException.class, (e, ctx) -> {
      if (e.getStatus() == 413) {
        // Javalin's own limit on the bodies it reads (form posts): the same problem as JsonBodies gives
        sendTooLarge(ctx, new PayloadTooLarge(maxBodyBytes, "the body exceeds the limit of " + maxBodyBytes + " bytes"));
      } else {
        send(ctx, Problem.of(e.getStatus(), reason(e.getStatus()), safeMessage(e), ctx.path()));
      }
    });
    routes.exception(Exception.class, (e, ctx) -> {
      String id = Long.toHexString(System.nanoTime());
      LOG.error("unhandled error {} on {} {}", id, ctx.method(), ctx.path(), e);
      send(ctx, Problem.of(500, "Internal error", "an internal error occurred; reference " + id, ctx.path()));
    });
    routes.error(404, ctx -> {
      if (ctx.result() == null || ctx.result().isEmpty()) {
        send(ctx, Problem.of(404, "Not found", "no resource at " + ctx.path(), ctx.path()));
      }
    });
    routes.error(405, ctx -> send(ctx, Problem.of(405, "Method not allowed",
        ctx.method() + " is not allowed on " + ctx.path(), ctx.path())));
  }

  public void send(Context ctx, Problem problem) {
    try {
      ctx.status(problem.status()).contentType(Problem.MEDIA_TYPE).result(json.writeValueAsString(problem));
    } catch (JsonProcessingException e) {
      ctx.status(500).contentType(Problem.MEDIA_TYPE).result("{\"title\":\"Internal error\",\"status\":500}");
    }
  }

  private void sendTooLarge(Context ctx, PayloadTooLarge e) {
    send(ctx, Problem.tooLarge(e.error(), e.getMessage(), ctx.path()));
  }

  private static String safeMessage(HttpResponseException e) {
    String m = e.getMessage();
    return m == null || m.isBlank() ? reason(e.getStatus()) : m;
  }

  private static String reason(int status) {
    return switch (status) {
      case 400 -> "Bad request";
      case 401 -> "Unauthorized";
      case 403 -> "Forbidden";
      case 404 -> "Not found";
      case 405 -> "Method not allowed";
      case 409 -> "Conflict";
      case 413 -> "Payload too large";
      case 415 -> "Unsupported media type";
      default -> "HTTP " + status;
    };
  }

  /** A request refused for one named field or parameter. */
  public static final class BadRequest extends RuntimeException {
    private final FieldError error;

    public BadRequest(String field, String reason) {
      super(field + ": " + reason);
      this.error = new FieldError(field, reason);
    }

    public FieldError error() {
      return error;
    }
  }

  /**
   * 409: the request conflicts with what is stored, because of one named field or header;
   * {@code location} (or null) is the stored resource it conflicts with.
   */
  public static final class Conflict extends RuntimeException {
    private final FieldError error;
    private final String location;

    public Conflict(String field, String reason, String location) {
      super(field + ": " + reason);
      this.error = new FieldError(field, reason);
      this.location = location;
    }

    public FieldError error() {
      return error;
    }

    public String location() {
      return location;
    }
  }

  public static final class NotFound extends RuntimeException {
    public NotFound(String message) {
      super(message);
    }
  }

  /** A request body refused for its size; its error names the field "body" and why. */
  public static final class PayloadTooLarge extends RuntimeException {
    private final FieldError error;

    /** The body exceeds {@code limitBytes}; {@code detail} adds what was sent or what to do instead. */
    public PayloadTooLarge(long limitBytes, String detail) {
      super(detail);
      this.error = new FieldError("body", "exceeds the limit of " + limitBytes + " bytes");
    }

    /** The body is refused for its size for {@code reason}, which states the limit. */
    public PayloadTooLarge(String reason) {
      super(reason);
      this.error = new FieldError("body", reason);
    }

    public FieldError error() {
      return error;
    }
  }
}
