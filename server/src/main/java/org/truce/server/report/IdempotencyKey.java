package org.truce.server.report;

import io.javalin.http.Context;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;
import org.truce.server.http.ProblemHandlers;
import org.truce.store.report.ClientKey;

/**
 * The {@code Idempotency-Key} request header: a key the client chooses for one submission, so that
 * sending it again after a lost answer returns the report the first attempt made instead of
 * registering the same violation twice. Keys belong to the account that sent them. The value is a
 * string of 1 to 255 printable ASCII characters, bare or in double quotes (as the IETF draft
 * writes it, {@code "8e03978e-40d5..."}).
 */
public final class IdempotencyKey {
  public static final String HEADER = "Idempotency-Key";
  private static final Pattern KEY = Pattern.compile("[\\x20-\\x7E&&[^\"]]{1,255}");

  private IdempotencyKey() {}

  /** The key the request carries, for {@code account} and these exact body bytes; empty without the header. */
  public static Optional<ClientKey> of(Context ctx, String account, byte[] body) {
    String value = ctx.header(HEADER);
    return value == null ? Optional.empty() : Optional.of(of(value, HEADER, account, body));
  }

  /** {@code value}, sent as {@code field}, as the key of {@code account} for these exact body bytes. */
  public static ClientKey of(String value, String field, String account, byte[] body) {
    String key = value.strip();
    if (key.length() >= 2 && key.startsWith("\"") && key.endsWith("\"")) {
      key = key.substring(1, key.length() - 1);
    }
    if (!KEY.matcher(key).matches() || key.isBlank()) {
      throw new ProblemHandlers.BadRequest(field,
          "must be 1 to 255 printable ASCII characters without double quotes inside, e.g. a UUID");
    }
    return new ClientKey(account, key, sha256(body));
  }

  private static String sha256(byte[] body) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
