package org.truce.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.truce.core.validation.FieldError;

/**
 * Requests Jetty refuses before any route sees them (an ambiguous or NUL-encoded path, a malformed
 * request line or header) get the same RFC 9457 problem as everything else, not Jetty's HTML page.
 * The reason is Jetty's own short message; the exception behind it never reaches the client.
 */
public final class JettyProblemErrorHandler extends ErrorHandler {
  private final ObjectMapper json;

  public JettyProblemErrorHandler(ObjectMapper json) {
    this.json = json;
    setShowStacks(false);
    setShowCauses(false);
  }

  @Override
  protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
      Callback callback) {
    byte[] body = body(code, message);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, Problem.MEDIA_TYPE);
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
    response.getHeaders().put("X-Content-Type-Options", "nosniff");
    // Jetty drops the connection after refusing a request this early; saying so keeps clients
    // from sending their next request down a connection that is already closed.
    response.getHeaders().put(HttpHeader.CONNECTION, "close");
    response.write(true, ByteBuffer.wrap(body), callback);
  }

  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    fields.put(HttpHeader.CONTENT_TYPE, Problem.MEDIA_TYPE);
    return ByteBuffer.wrap(body(status, reason));
  }

  private byte[] body(int status, String reason) {
    String title = HttpStatus.getMessage(status);
    String why = reason == null || reason.isBlank() || reason.equals(title)
        ? (status == 400 ? "the request line or a header cannot be read (e.g. an encoded NUL or an ambiguous"
            + " path encoding)" : title)
        : reason;
    List<FieldError> errors = status == 400 ? List.of(new FieldError("uri", why)) : List.of();
    Problem problem = new Problem("about:blank", title, status, why, null, errors);
    try {
      return json.writeValueAsBytes(problem);
    } catch (JsonProcessingException e) {
      return ("{\"status\":" + status + "}").getBytes(StandardCharsets.UTF_8);
    }
  }
}
