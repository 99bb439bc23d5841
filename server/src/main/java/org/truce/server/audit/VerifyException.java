package org.truce.server.audit;

/**
 * The verification could not be carried out: bad arguments, a server or database that cannot be
 * reached, a log that has published nothing. Not a finding about the log (those are
 * discrepancies); {@code truce verify} exits with 2.
 */
public final class VerifyException extends Exception {
  private static final long serialVersionUID = 1L;

  public VerifyException(String message) {
    super(message);
  }

  public VerifyException(String message, Throwable cause) {
    super(message, cause);
  }
}
