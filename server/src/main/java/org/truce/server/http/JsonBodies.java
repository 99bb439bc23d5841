package org.truce.server.http;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import org.truce.core.validation.Errors;
import org.truce.core.validation.StorableText;

/** Reads a request body as a JSON tree within the size limit, refusing malformed input precisely. */
public final class JsonBodies {
  private final ObjectMapper json;
  private final long maxBytes;

  public JsonBodies(ObjectMapper json, long maxBytes) {
    this.json = json;
    this.maxBytes = maxBytes;
  }

  /** A body as received: its exact bytes (for signatures) and its JSON tree. */
  public record Body(byte[] bytes, JsonNode json) {}

  public JsonNode read(Context ctx) {
    return readBody(ctx).json();
  }

  public Body readBody(Context ctx) {
    String type = ctx.contentType();
    if (type != null && !type.toLowerCase().startsWith("application/json") && !type.toLowerCase().contains("+json")) {
      throw new ProblemHandlers.BadRequest("Content-Type", "must be application/json, got '" + type + "'");
    }
    long declared = ctx.contentLength();
    if (declared > maxBytes) {
      throw new ProblemHandlers.PayloadTooLarge(maxBytes, "the body is " + declared + " bytes; the limit is " + maxBytes);
    }
    byte[] body = readLimited(ctx);
    if (body.length == 0) {
      throw new ProblemHandlers.BadRequest("body", "is empty; send a JSON object");
    }
    try {
      JsonNode node = json.readTree(body);
      if (node == null || node.isMissingNode()) {
        throw new ProblemHandlers.BadRequest("body", "is empty; send a JSON object");
      }
      Errors errors = new Errors();
      StorableText.check(node, errors);
      errors.throwIfAny();
      return new Body(body, node);
    } catch (JsonParseException e) {
      throw new ProblemHandlers.BadRequest("body", "malformed JSON at line " + e.getLocation().getLineNr()
          + ", column " + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage());
    } catch (MismatchedInputException e) {
      throw new ProblemHandlers.BadRequest("body", "malformed JSON: " + e.getOriginalMessage());
    } catch (JsonProcessingException e) {
      throw new ProblemHandlers.BadRequest("body", "malformed JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new ProblemHandlers.BadRequest("body", "could not be read");
    }
  }

  private byte[] readLimited(Context ctx) {
    try (InputStream in = ctx.bodyInputStream()) {
      byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
      if (bytes.length > maxBytes) {
        throw new ProblemHandlers.PayloadTooLarge(maxBytes, "the body exceeds the limit of " + maxBytes + " bytes");
      }
      return bytes;
    } catch (IOException e) {
      throw new ProblemHandlers.BadRequest("body", "could not be read");
    }
  }
}
