package org.truce.server.ogc;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** One collection of features served under {@code /ogc/collections/{id}}. */
interface FeatureSource {
  String id();

  String title();

  String description();

  /** Where and when the features lie, computed from the data; empty parts when there are none. */
  Extent extent();

  /**
   * Up to {@code limit} features matching the box (west, south, east, north; null = anywhere) and
   * the interval (null = any time), in the collection's stable order, after {@code position} (a
   * value this source put in {@link Items#nextPosition()}; null = from the start).
   */
  Items items(double[] bbox, TimeInterval when, int limit, String position);

  /** The feature with this id, if it exists. */
  Optional<ObjectNode> feature(String featureId);

  /** West, south, east, north (null when empty), and the first and last instant (null = open or empty). */
  record Extent(double[] bbox, Instant start, Instant end) {}

  /** A page of features, the number matched on all pages, and where the next page starts (null: none). */
  record Items(List<ObjectNode> features, long matched, String nextPosition) {}
}
