package org.truce.core.bulletin;

import java.time.Instant;
import java.util.List;

/**
 * How the day compares with earlier ones. The agreement is the latest to have entered into force
 * by the end of the day; its "before" period is the {@code preAgreementDays} reporting days ending
 * at its entry into force.
 */
public record Comparison(String agreementCode, String agreementTitle, Instant agreementInForceFrom,
    int preAgreementDays, List<ComparisonRow> rows) {
  public Comparison {
    rows = List.copyOf(rows);
  }
}
