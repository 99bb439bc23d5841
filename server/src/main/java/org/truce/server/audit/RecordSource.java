package org.truce.server.audit;

import java.util.Set;
import java.util.function.Consumer;

/**
 * One family of stored records that leaves vouch for, read for the auditor: e.g. the incident
 * versions, or the zone versions, of a database.
 */
interface RecordSource {

  /** What the family is called in a message: "incident versions". */
  String family();

  /**
   * The leaf kinds this family records: a leaf of one of these kinds must name a record read
   * here. Kinds a record read here has count as well.
   */
  Set<String> kinds();

  /** Every record of the family, as stored now; what limits the reading goes to {@code warn}. */
  void forEach(Consumer<StoredRecord> each, Consumer<String> warn) throws VerifyException;

  /**
   * Checks the columns that hold a record's current state (a corridor's status, a convoy's), which
   * no leaf hashes, against the history the leaves vouch for; each disagreement goes to
   * {@code discrepancy}. Most families keep no such state.
   */
  default void checkCurrentState(Consumer<String> discrepancy) throws VerifyException {}
}
