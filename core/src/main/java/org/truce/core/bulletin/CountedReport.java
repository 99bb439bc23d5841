package org.truce.core.bulletin;

import java.util.List;

/**
 * A current report of the reporting day as the tally needs it. {@code governorate} is null when
 * the report could not be placed in one; {@code disputedByOthers} is true when its incident is
 * currently disputed by a party other than the one that registered it.
 */
public record CountedReport(String party, String governorate, List<String> zoneCodes, String category,
    boolean disputedByOthers) {
  public CountedReport {
    zoneCodes = List.copyOf(zoneCodes);
  }
}
