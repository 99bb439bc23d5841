package org.truce.store.report;

import java.util.List;

/**
 * One page of a list read in registration order after a position (keyset paging): {@code lastSeq}
 * is the position of the last item, where the next page starts; {@code hasMore} says whether a
 * next page existed when this one was read; {@code matched} counts every match, on any page.
 * Unlike an offset, the position stays valid while reports are inserted between pages.
 */
public record KeysetPage<T>(List<T> items, long matched, long lastSeq, boolean hasMore) {
  public KeysetPage {
    items = List.copyOf(items);
  }
}
