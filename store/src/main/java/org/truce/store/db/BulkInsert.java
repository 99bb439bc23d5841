package org.truce.store.db;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Many rows for one table, written inside the caller's transaction in one go: {@code COPY FROM
 * STDIN} on PostgreSQL, a batched INSERT on H2. Values may be String, UUID, Integer, Long, Short,
 * Double, Boolean, Instant (a timestamp with time zone), byte[] or null, in column order.
 */
public final class BulkInsert {
  private final Dialect dialect;
  private final String table;
  private final List<String> columns;
  private final List<Object[]> rows = new ArrayList<>();

  public BulkInsert(Dialect dialect, String table, String... columns) {
    this.dialect = dialect;
    this.table = table;
    this.columns = List.of(columns);
  }

  public BulkInsert row(Object... values) {
    if (values.length != columns.size()) {
      throw new IllegalArgumentException(table + " has " + columns.size() + " columns here, got " + values.length);
    }
    rows.add(values);
    return this;
  }

  public int size() {
    return rows.size();
  }

  /** Writes the rows on {@code h} (inside its transaction) and forgets them. */
  public void execute(Handle h) {
    if (rows.isEmpty()) {
      return;
    }
    if (dialect == Dialect.POSTGRES) {
      PgCopy copy = new PgCopy(table + " (" + String.join(", ", columns) + ")");
      for (Object[] row : rows) {
        for (Object v : row) {
          if (v == null) {
            copy.nul();
          } else if (v instanceof String s) {
            copy.text(s);
          } else if (v instanceof UUID u) {
            copy.uuid(u);
          } else if (v instanceof Double d) {
            copy.number(d);
          } else if (v instanceof Number n) {
            copy.number(n.longValue());
          } else if (v instanceof Boolean b) {
            copy.bool(b);
          } else if (v instanceof Instant i) {
            copy.timestamp(i);
          } else if (v instanceof byte[] bytes) {
            copy.bytes(bytes);
          } else {
            throw new IllegalArgumentException("no COPY form for " + v.getClass());
          }
        }
        copy.endRow();
      }
      copy.copyIn(h);
    } else {
      StringBuilder sql = new StringBuilder("INSERT INTO ").append(table).append(" (")
          .append(String.join(", ", columns)).append(") VALUES (");
      for (int i = 0; i < columns.size(); i++) {
        sql.append(i == 0 ? "?" : ", ?");
      }
      PreparedBatch batch = h.prepareBatch(sql.append(')').toString());
      for (Object[] row : rows) {
        for (int i = 0; i < row.length; i++) {
          Object v = row[i];
          batch.bind(i, v instanceof Instant instant ? Timestamp.from(instant) : v);
        }
        batch.add();
      }
      batch.execute();
    }
    rows.clear();
  }
}
