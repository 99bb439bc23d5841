package org.truce.server.geo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.truce.core.geo.Gazetteer;

/**
 * The gazetteer the server resolves place names with: the bundled Levant extract, plus a full
 * GeoNames dump installed under {@code DATA/gazetteer/geonames.txt} by {@code ./truce import geonames}.
 */
public final class GazetteerFiles {
  private GazetteerFiles() {}

  public static Path dumpFile(Path dataDir) {
    return dataDir.resolve("gazetteer").resolve("geonames.txt");
  }

  public static Gazetteer load(Path dataDir) {
    Path dump = dumpFile(dataDir);
    if (!Files.exists(dump)) {
      return Gazetteer.bundled();
    }
    try (Reader reader = Files.newBufferedReader(dump, StandardCharsets.UTF_8)) {
      return Gazetteer.bundled().withGeoNamesDump(reader);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the GeoNames dump " + dump, e);
    }
  }

  /**
   * Checks that {@code source} reads as a GeoNames dump, then installs it atomically; returns the
   * number of populated places it holds. The server uses it from its next start.
   */
  public static int install(Path source, Path dataDir) throws IOException {
    int places;
    try (BufferedReader reader = Files.newBufferedReader(source, StandardCharsets.UTF_8)) {
      places = new Gazetteer(java.util.List.of()).withGeoNamesDump(reader).places().size();
    }
    if (places == 0) {
      throw new IOException(source + " holds no populated places (feature class P): is it a GeoNames dump?");
    }
    Path target = dumpFile(dataDir);
    Files.createDirectories(target.getParent());
    Path tmp = target.resolveSibling("geonames.txt.tmp");
    Files.copy(source, tmp, StandardCopyOption.REPLACE_EXISTING);
    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    return places;
  }
}
