package org.truce.server.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.truce.store.db.Database;

/** A family of records read straight from the server's database, its tables opened read-only. */
abstract class DatabaseRecords implements RecordSource {
  final Database db;

  DatabaseRecords(Database db) {
    this.db = db;
  }

  /** Reads every record of the family with {@code h}, in a stable order. */
  abstract void read(Handle h, Consumer<StoredRecord> into);

  /** Compares the family's current-state columns with its history, with {@code h}; none by default. */
  void checkState(Handle h, Consumer<String> discrepancy) {}

  @Override
  public final void checkCurrentState(Consumer<String> discrepancy) throws VerifyException {
    try {
      db.jdbi().useHandle(h -> checkState(h, discrepancy));
    } catch (RuntimeException e) {
      if (DataDirectoryTarget.noSuchTable(e)) {
        return; // forEach has said so
      }
      throw new VerifyException("the current state of the " + family() + " cannot be read from the database: "
          + DataDirectoryTarget.rootMessage(e), e);
    }
  }

  @Override
  public final void forEach(Consumer<StoredRecord> each, Consumer<String> warn) throws VerifyException {
    List<StoredRecord> records = new ArrayList<>();
    try {
      db.jdbi().useHandle(h -> read(h, records::add));
    } catch (RuntimeException e) {
      if (DataDirectoryTarget.noSuchTable(e)) {
        warn.accept("the database has no tables for " + family() + " (its schema predates them): none checked");
        return;
      }
      throw new VerifyException("the " + family() + " cannot be read from the database: "
          + DataDirectoryTarget.rootMessage(e), e);
    }
    records.forEach(each);
  }
}
