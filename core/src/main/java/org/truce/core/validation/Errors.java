package org.truce.core.validation;

import java.util.ArrayList;
import java.util.List;

/** Collects field errors while a submission is checked, then throws them all at once. */
public final class Errors {
  private final List<FieldError> errors = new ArrayList<>();

  public Errors add(String field, String reason) {
    errors.add(new FieldError(field, reason));
    return this;
  }

  public boolean isEmpty() {
    return errors.isEmpty();
  }

  public boolean has(String field) {
    return errors.stream().anyMatch(e -> e.field().equals(field) || e.field().startsWith(field + "."));
  }

  public List<FieldError> list() {
    return List.copyOf(errors);
  }

  public void throwIfAny() {
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
  }
}
