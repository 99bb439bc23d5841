package org.truce.store.db;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.postgresql.PGConnection;

/**
 * Rows for PostgreSQL's {@code COPY table (columns) FROM STDIN} in its text format, built in memory
 * and sent on the caller's connection, so they commit or roll back with the caller's transaction.
 * One instance holds the rows of one table; values are appended column by column, in the order
 * of the column list, then {@link #endRow()}. PostgreSQL only.
 */
public final class PgCopy {
  private static final char[] HEX = "0123456789abcdef".toCharArray();
  private final String target;
  private final StringBuilder out = new StringBuilder(1 << 16);
  private boolean first = true;
  private long rows;

  /** {@code target} is the table and its column list, e.g. {@code report_zone (report_id, zone_code)}. */
  public PgCopy(String target) {
    this.target = target;
  }

  private StringBuilder next() {
    if (!first) {
      out.append('\t');
    }
    first = false;
    return out;
  }

  public PgCopy nul() {
    next().append("\\N");
    return this;
  }

  /** Text, or NULL when {@code value} is null; backslash, tab, line feed and carriage return escaped. */
  public PgCopy text(String value) {
    if (value == null) {
      return nul();
    }
    StringBuilder b = next();
    for (int i = 0, n = value.length(); i < n; i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\\' -> b.append("\\\\");
        case '\t' -> b.append("\\t");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        default -> b.append(c);
      }
    }
    return this;
  }

  public PgCopy uuid(UUID value) {
    return value == null ? nul() : raw(value.toString());
  }

  public PgCopy number(long value) {
    next().append(value);
    return this;
  }

  /** A double exactly as Java prints it (the shortest text that reads back to the same double), or NULL. */
  public PgCopy number(Double value) {
    if (value == null) {
      return nul();
    }
    if (value.isNaN() || value.isInfinite()) {
      return raw(value.isNaN() ? "NaN" : value > 0 ? "Infinity" : "-Infinity");
    }
    next().append(value.doubleValue());
    return this;
  }

  public PgCopy bool(boolean value) {
    next().append(value ? 't' : 'f');
    return this;
  }

  /** A {@code timestamp with time zone} in ISO 8601 UTC, or NULL. */
  public PgCopy timestamp(Instant value) {
    return value == null ? nul() : raw(value.toString());
  }

  /** A {@code bytea} in hex form, or NULL. */
  public PgCopy bytes(byte[] value) {
    if (value == null) {
      return nul();
    }
    StringBuilder b = next().append("\\\\x");
    for (byte v : value) {
      b.append(HEX[(v >> 4) & 0xF]).append(HEX[v & 0xF]);
    }
    return this;
  }

  /** A PostGIS point in SRID 4326 as hex EWKB: exact doubles, no WKT parsing on the server. */
  public PgCopy point4326(double longitude, double latitude) {
    StringBuilder b = next().append("0101000020E6100000");
    appendLittleEndian(b, Double.doubleToRawLongBits(longitude));
    appendLittleEndian(b, Double.doubleToRawLongBits(latitude));
    return this;
  }

  private static void appendLittleEndian(StringBuilder b, long bits) {
    for (int i = 0; i < 8; i++) {
      int v = (int) (bits >>> (8 * i)) & 0xFF;
      b.append(HEX[v >> 4]).append(HEX[v & 0xF]);
    }
  }

  private PgCopy raw(String value) {
    next().append(value);
    return this;
  }

  public void endRow() {
    out.append('\n');
    first = true;
    rows++;
  }

  public long rows() {
    return rows;
  }

  /**
   * Sends the rows on {@code h}'s connection (inside its transaction, if one is open) and returns
   * the number the server stored; does nothing for no rows. Fails like the statement would: a
   * constraint violated by any row fails the whole COPY.
   */
  public long copyIn(Handle h) {
    if (rows == 0) {
      return 0;
    }
    byte[] data = out.toString().getBytes(StandardCharsets.UTF_8);
    try {
      return h.getConnection().unwrap(PGConnection.class).getCopyAPI()
          .copyIn("COPY " + target + " FROM STDIN", new ByteArrayInputStream(data), 1 << 16);
    } catch (SQLException e) {
      throw new CopyFailed(target, e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A COPY the server refused (a constraint, a type); a JdbiException like a failed statement. */
  public static final class CopyFailed extends org.jdbi.v3.core.JdbiException {
    private static final long serialVersionUID = 1L;

    CopyFailed(String target, SQLException cause) {
      super("COPY " + target + " failed: " + cause.getMessage(), cause);
    }
  }
}
