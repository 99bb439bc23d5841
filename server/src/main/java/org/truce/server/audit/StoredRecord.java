package org.truce.server.audit;

import java.util.List;

/**
 * What the auditor keeps of one stored record other than a report or a bulletin edition (an
 * incident version, a custody entry, a zone version, a humanitarian record): the SHA-256 of its
 * canonical form rebuilt from the stored rows, to compare with the content hash its leaf records.
 *
 * @param name how a message names it, e.g. "incident SYR-2024-000001 version 3"
 * @param kind the kind its leaf has
 * @param recordId its leaf's record id or, when {@code exactId} is false, the start of it (the
 *     leaf's id ends in a random part the rows do not keep)
 * @param exactId whether {@code recordId} is the leaf's whole record id
 * @param rebuiltHash SHA-256 of the canonical form rebuilt from the rows; null for a past state
 *     the rows no longer hold (its leaf, if there is one, is accepted without comparing content)
 * @param storedTextHash SHA-256 of the canonical text stored with the record (incident versions
 *     and custody entries keep it), or null when none is stored
 * @param storedHash the content hash stored beside the record, or null when none is stored
 * @param differences where the rows disagree with the stored canonical text, one phrase each
 * @param problem why the rows cannot be read back, or null
 * @param withheld whether its content is withheld from the auditor (an incident version the API
 *     does not give the auditor's account): its leaf is looked for, and its kind compared, but not
 *     its content
 */
record StoredRecord(String name, String kind, String recordId, boolean exactId, byte[] rebuiltHash,
    byte[] storedTextHash, byte[] storedHash, List<String> differences, String problem, boolean withheld) {

  StoredRecord {
    differences = List.copyOf(differences);
  }

  /** A record whose leaf has exactly {@code recordId}, rebuilt from its rows. */
  static StoredRecord rebuilt(String name, String kind, String recordId, byte[] rebuiltHash) {
    return new StoredRecord(name, kind, recordId, true, rebuiltHash, null, null, List.of(), null, false);
  }

  /** A record whose leaf's id is {@code recordIdStart} followed by a random part, rebuilt from its rows. */
  static StoredRecord rebuiltUnderRandomId(String name, String kind, String recordIdStart, byte[] rebuiltHash) {
    return new StoredRecord(name, kind, recordIdStart, false, rebuiltHash, null, null, List.of(), null, false);
  }

  /** A past state the rows no longer hold (e.g. a silence later answered): its leaf, if any, is only matched. */
  static StoredRecord pastState(String name, String kind, String recordId) {
    return new StoredRecord(name, kind, recordId, true, null, null, null, List.of(), null, false);
  }

  /** A record whose leaf has exactly {@code recordId}, whose content the auditor is not given. */
  static StoredRecord withheld(String name, String kind, String recordId) {
    return new StoredRecord(name, kind, recordId, true, null, null, null, List.of(), null, true);
  }

  /** A record whose rows cannot be read back into its canonical form. */
  static StoredRecord unreadable(String name, String kind, String recordId, String problem) {
    return new StoredRecord(name, kind, recordId, true, null, null, null, List.of(), problem, false);
  }

  /** A record whose leaf's id starts with {@code recordIdStart}, whose rows cannot be read back into its canonical form. */
  static StoredRecord unreadableUnderRandomId(String name, String kind, String recordIdStart, String problem) {
    return new StoredRecord(name, kind, recordIdStart, false, null, null, null, List.of(), problem, false);
  }

  /** This record with the canonical text stored beside its rows, and where the rows disagree with it. */
  StoredRecord withStoredText(byte[] textHash, byte[] storedHash, List<String> differences) {
    return new StoredRecord(name, kind, recordId, exactId, rebuiltHash, textHash, storedHash, differences, problem,
        withheld);
  }

  boolean pastStateOnly() {
    return rebuiltHash == null && problem == null && !withheld;
  }
}
