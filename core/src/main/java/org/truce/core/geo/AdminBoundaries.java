package org.truce.core.geo;

import java.util.Optional;

/**
 * A source of administrative areas drawn from boundary polygons (e.g. an importer of OCHA COD-AB
 * admin-1/admin-2 boundaries). {@link AdminLocator} asks these first and falls back to the
 * gazetteer only when none answers.
 */
@FunctionalInterface
public interface AdminBoundaries {
  /**
   * Requires point != null. The areas whose polygons contain the point, with
   * {@code approximate = false} when they come from surveyed boundaries; empty when this source
   * does not cover the point.
   */
  Optional<AdminArea> locate(GeoPoint point);
}
