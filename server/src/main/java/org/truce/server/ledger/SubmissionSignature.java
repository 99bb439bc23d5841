package org.truce.server.ledger;

import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.truce.core.report.Report;
import org.truce.ledger.entry.PartySignature;

/**
 * The party signature a report's leaf carries: the one the party's client made over its
 * submission ({@code server/auth/PartySignatures}), as the report keeps it — base64 signature and
 * key {@code PARTY/hex8}.
 */
public final class SubmissionSignature {
  private SubmissionSignature() {}

  /**
   * Empty when the report was not signed.
   *
   * @throws IllegalArgumentException naming what is wrong when the stored signature or key id is
   *     not what {@code PartySignatures} keeps
   */
  public static Optional<PartySignature> of(Report report) {
    if (report.signature() == null && report.signingKeyId() == null) {
      return Optional.empty();
    }
    if (report.signature() == null || report.signingKeyId() == null) {
      throw new IllegalArgumentException("it has a " + (report.signature() == null ? "signing key id" : "signature")
          + " but no " + (report.signature() == null ? "signature" : "signing key id"));
    }
    byte[] signature;
    try {
      signature = Base64.getDecoder().decode(report.signature());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("its signature is not base64");
    }
    if (signature.length != PartySignature.SIGNATURE_SIZE) {
      throw new IllegalArgumentException("its signature is " + signature.length + " bytes, not 64");
    }
    return Optional.of(PartySignature.overSubmission(keyId(report.signingKeyId()), signature));
  }

  /**
   * The key id of {@code signingKeyId} ({@code PARTY/hex8}).
   *
   * @throws IllegalArgumentException when it is not of that form
   */
  public static int keyId(String signingKeyId) {
    int slash = signingKeyId.lastIndexOf('/');
    String hex = signingKeyId.substring(slash + 1);
    if (slash < 1 || !hex.matches("[0-9a-f]{8}")) {
      throw new IllegalArgumentException("its signing key id '" + signingKeyId + "' is not PARTY/<8 hex digits>");
    }
    return (int) HexFormat.fromHexDigitsToLong(hex);
  }

  /** The party of {@code signingKeyId} ({@code PARTY/hex8}); requires that form. */
  public static String party(String signingKeyId) {
    return signingKeyId.substring(0, signingKeyId.lastIndexOf('/'));
  }
}
