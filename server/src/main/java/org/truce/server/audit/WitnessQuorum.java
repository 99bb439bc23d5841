package org.truce.server.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.truce.ledger.checkpoint.CheckpointException;
import org.truce.ledger.note.NoteException;
import org.truce.ledger.note.Notes;
import org.truce.ledger.note.UnverifiedNoteException;
import org.truce.ledger.note.Verifiers;
import org.truce.ledger.witness.CosignaturePolicy;
import org.truce.ledger.witness.CosignatureVerifier;
import org.truce.ledger.witness.QuorumNotMetException;

/**
 * The witnesses a verifier trusts and how many of them must have cosigned the latest checkpoint
 * ({@code --witness-key}, {@code --quorum}): the client rule of docs/LEDGER.md section 4, applied
 * with the ledger's {@link CosignaturePolicy}.
 */
public final class WitnessQuorum {
  /** No witness trusted: cosignatures are not checked. */
  public static final WitnessQuorum NONE = new WitnessQuorum(new CosignaturePolicy(List.of(), 0));

  private final CosignaturePolicy policy;

  private WitnessQuorum(CosignaturePolicy policy) {
    this.policy = policy;
  }

  /**
   * From witness verifier keys (texts {@code name+id+key} of type {@code cosignature/v1}, or files
   * holding one) and a quorum (null: all of them).
   *
   * @throws VerifyException when a key cannot be read, one is given twice, or the quorum is not
   *     between 1 and the number of keys
   */
  public static WitnessQuorum of(List<String> witnessKeys, Integer quorum) throws VerifyException {
    if (witnessKeys.isEmpty()) {
      if (quorum != null) {
        throw new VerifyException("--quorum needs the trusted witnesses' keys (--witness-key)");
      }
      return NONE;
    }
    List<CosignatureVerifier> witnesses = new ArrayList<>();
    for (String argument : witnessKeys) {
      witnesses.add(key(argument));
    }
    int needed = quorum == null ? witnesses.size() : quorum;
    if (needed < 1 || needed > witnesses.size()) {
      throw new VerifyException("--quorum " + needed + ": must be between 1 and the number of witness keys given ("
          + witnesses.size() + ")");
    }
    try {
      return new WitnessQuorum(new CosignaturePolicy(witnesses, needed));
    } catch (IllegalArgumentException e) {
      throw new VerifyException("--witness-key: " + e.getMessage());
    }
  }

  private static CosignatureVerifier key(String argument) throws VerifyException {
    String text = argument.trim();
    try {
      return CosignatureVerifier.fromKey(text);
    } catch (NoteException notAKeyText) {
      // perhaps a file name
    }
    try {
      Path file = Path.of(argument);
      if (Files.isRegularFile(file)) {
        return CosignatureVerifier.fromKey(Files.readString(file, StandardCharsets.UTF_8).trim());
      }
    } catch (InvalidPathException | IOException | NoteException e) {
      throw new VerifyException("--witness-key: '" + argument + "' is not a witness verifier key (name+id+key of type"
          + " cosignature/v1) nor a file holding one: " + e.getMessage());
    }
    throw new VerifyException("--witness-key: '" + argument + "' is neither a witness verifier key (name+id+key of"
        + " type cosignature/v1) nor a file");
  }

  boolean none() {
    return policy.witnesses().isEmpty();
  }

  /** "2 of 3 trusted witnesses". */
  String describe() {
    return policy.quorum() + " of " + policy.witnesses().size() + " trusted witness"
        + (policy.witnesses().size() == 1 ? "" : "es");
  }

  /**
   * What is wrong with the cosignatures on {@code note}, a checkpoint of size {@code size} already
   * found signed by the log key: a trusted witness's cosignature that does not verify, or too few
   * valid ones for the quorum. Empty when the quorum is met.
   */
  List<String> check(byte[] note, long size, String origin, Verifiers logKeys) {
    List<String> found = new ArrayList<>();
    if (none()) {
      return found;
    }
    try {
      policy.verify(note, origin, logKeys);
      return found;
    } catch (QuorumNotMetException | NoteException | CheckpointException e) {
      // explained witness by witness below
    }
    List<String> valid = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    for (CosignatureVerifier witness : policy.witnesses()) {
      try {
        Notes.open(note, Verifiers.of(witness));
        valid.add(witness.name());
      } catch (UnverifiedNoteException e) {
        missing.add(witness.name());
      } catch (NoteException e) {
        found.add("the latest checkpoint (size " + size + ") carries a cosignature by trusted witness " + witness.name()
            + " that does not verify with its key " + witness.key().encode() + ": " + e.getMessage());
      }
    }
    if (valid.size() < policy.quorum()) {
      found.add("the latest checkpoint (size " + size + ") carries valid cosignatures from " + valid.size() + " of the "
          + policy.witnesses().size() + " trusted witnesses" + (valid.isEmpty() ? "" : " (" + String.join(", ", valid) + ")")
          + ", fewer than the quorum of " + policy.quorum() + (missing.isEmpty() ? ""
          : "; none from " + String.join(", ", missing)));
    }
    return found;
  }
}
