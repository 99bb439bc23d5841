package org.truce.server.auth;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Passwords hashed as OWASP recommends for PBKDF2: HMAC-SHA256, 600,000 iterations, a 16-byte
 * random salt, a 32-byte key. Stored as {@code pbkdf2-sha256$<iterations>$<salt>$<hash>} so the
 * work factor can be raised later without breaking existing hashes.
 */
public final class PasswordHasher {
  public static final int ITERATIONS = 600_000;
  public static final int MIN_LENGTH = 12;
  public static final int MAX_LENGTH = 256;
  private static final String PREFIX = "pbkdf2-sha256";
  private static final SecureRandom RANDOM = new SecureRandom();
  /** Verified against when the account does not exist, so timing does not reveal which usernames exist. */
  private static final String DUMMY = hash("not-a-real-password-ever".toCharArray());

  private PasswordHasher() {}

  public static String hash(char[] password) {
    byte[] salt = new byte[16];
    RANDOM.nextBytes(salt);
    byte[] key = derive(password, salt, ITERATIONS);
    Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
    return PREFIX + "$" + ITERATIONS + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(key);
  }

  /** True when {@code password} matches {@code stored}; a null or malformed hash never matches. */
  public static boolean verify(char[] password, String stored) {
    String target = stored == null ? DUMMY : stored;
    String[] parts = target.split("\\$");
    if (parts.length != 4 || !parts[0].equals(PREFIX)) {
      derive(password, new byte[16], ITERATIONS);
      return false;
    }
    try {
      int iterations = Integer.parseInt(parts[1]);
      byte[] salt = Base64.getDecoder().decode(parts[2]);
      byte[] expected = Base64.getDecoder().decode(parts[3]);
      byte[] actual = derive(password, salt, iterations);
      return MessageDigest.isEqual(expected, actual) && stored != null;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** The reason a new password is refused, or null when it is acceptable. */
  public static String weakness(String password) {
    if (password == null || password.length() < MIN_LENGTH) {
      return "must have at least " + MIN_LENGTH + " characters";
    }
    if (password.length() > MAX_LENGTH) {
      return "must have at most " + MAX_LENGTH + " characters";
    }
    if (password.chars().distinct().count() < 5) {
      return "is too repetitive";
    }
    return null;
  }

  private static byte[] derive(char[] password, byte[] salt, int iterations) {
    try {
      PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, 256);
      try {
        return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
      } finally {
        spec.clearPassword();
      }
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("PBKDF2WithHmacSHA256 is required by every JDK", e);
    }
  }
}
