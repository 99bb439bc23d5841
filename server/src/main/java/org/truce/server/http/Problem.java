package org.truce.server.http;

import java.util.List;
import org.truce.core.validation.FieldError;

/**
 * An RFC 9457 problem detail. {@code errors} extends it with one entry per refused field, so a
 * client or the form can show each message beside its field.
 */
public record Problem(String type, String title, int status, String detail, String instance,
    List<FieldError> errors) {
  public static final String MEDIA_TYPE = "application/problem+json";

  public static Problem of(int status, String title, String detail, String instance) {
    return new Problem("about:blank", title, status, detail, instance, List.of());
  }

  public static Problem invalid(List<FieldError> errors, String instance) {
    String detail = errors.isEmpty() ? "the request is invalid"
        : errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).reason()
        : errors.size() + " fields are invalid; see errors";
    return new Problem("urn:truce:problem:validation", "Invalid input", 400, detail, instance, errors);
  }

  /** A request that conflicts with what is stored; {@code error} names the field or header and why. */
  public static Problem conflict(FieldError error, String detail, String instance) {
    return new Problem("urn:truce:problem:conflict", "Conflict", 409, detail, instance, List.of(error));
  }

  /** A body refused for its size; {@code error} names the field and the limit it exceeds. */
  public static Problem tooLarge(FieldError error, String detail, String instance) {
    return new Problem("about:blank", "Payload too large", 413, detail, instance, List.of(error));
  }
}
