package org.truce.core.validation;

/**
 * One reason why a submitted value was refused. {@code field} is a JSON-pointer-like path
 * ("location.latitude", "casualties.killed.high") so clients and the form can place the message.
 */
public record FieldError(String field, String reason) {}
