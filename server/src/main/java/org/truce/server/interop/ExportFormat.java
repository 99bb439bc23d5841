package org.truce.server.interop;

import java.util.Locale;
import java.util.Optional;

/** The export formats, with their media type and file extension. */
public enum ExportFormat {
  ACLED("text/csv; charset=utf-8; header=present", "acled.csv"),
  HXL("text/csv; charset=utf-8; header=present", "hxl.csv"),
  GEOJSON("application/geo+json", "geojson"),
  KML("application/vnd.google-earth.kml+xml; charset=utf-8", "kml");

  private final String contentType;
  private final String extension;

  ExportFormat(String contentType, String extension) {
    this.contentType = contentType;
    this.extension = extension;
  }

  public String contentType() {
    return contentType;
  }

  public String extension() {
    return extension;
  }

  public boolean isCsv() {
    return this == ACLED || this == HXL;
  }

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<ExportFormat> of(String code) {
    for (ExportFormat f : values()) {
      if (f.code().equalsIgnoreCase(code)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }
}
