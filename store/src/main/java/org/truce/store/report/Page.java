package org.truce.store.report;

import java.util.List;

/** One page of a filtered list, with the total number of matches. */
public record Page<T>(List<T> items, long total, int limit, int offset) {
  public boolean hasNext() {
    return offset + items.size() < total;
  }
}
