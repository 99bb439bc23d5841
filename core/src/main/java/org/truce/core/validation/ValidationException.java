package org.truce.core.validation;

import java.util.List;

/** Thrown when a submission is refused before anything is stored; carries every field error found. */
public final class ValidationException extends RuntimeException {
  private final List<FieldError> errors;

  public ValidationException(List<FieldError> errors) {
    super(errors.isEmpty() ? "invalid input" : errors.get(0).field() + ": " + errors.get(0).reason());
    this.errors = List.copyOf(errors);
  }

  public static ValidationException of(String field, String reason) {
    return new ValidationException(List.of(new FieldError(field, reason)));
  }

  public List<FieldError> errors() {
    return errors;
  }
}
