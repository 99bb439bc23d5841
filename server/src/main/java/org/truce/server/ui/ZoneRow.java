package org.truce.server.ui;

import java.time.ZoneOffset;
import org.truce.core.zone.Zone;
import org.truce.core.zone.ZoneVersion;

/** One zone version on the zones page. */
public record ZoneRow(String code, String name, String type, int version, String validFrom, String validTo,
    boolean approximate, String source, String mapDate) {

  public static ZoneRow of(Zone zone, ZoneVersion v) {
    String from = v.validFrom().atOffset(ZoneOffset.UTC).toLocalDate().toString();
    return new ZoneRow(zone.code(), zone.name(), zone.type().name(), v.version(), from,
        v.validTo() == null ? "—" : v.validTo().atOffset(ZoneOffset.UTC).toLocalDate().toString(),
        v.approximate(), v.source() == null ? "" : v.source(), from);
  }
}
