package org.truce.server.report;

import java.time.Clock;
import org.truce.core.report.Report;
import org.truce.server.auth.Principal;
import org.truce.server.config.ExchangeRule;
import org.truce.store.report.ReportQuery;

/** Which reports a caller may see under the agreement's exchange rule. */
public final class ReportVisibility {
  private final ExchangeRule rule;
  private final Clock clock;

  public ReportVisibility(ExchangeRule rule, Clock clock) {
    this.rule = rule;
    this.clock = clock;
  }

  /** The row filter for this caller, or null when it sees every report. */
  public ReportQuery.Visibility of(Principal p) {
    if (p.seesAllParties() || !rule.daily()) {
      return null;
    }
    return new ReportQuery.Visibility(p.party() == null ? "" : p.party(), rule.exchangedBefore(clock.instant()));
  }

  public boolean canSee(Principal p, Report report) {
    ReportQuery.Visibility v = of(p);
    return v == null || report.submission().reportingParty().equals(v.party())
        || report.registeredAt().isBefore(v.exchangedBefore());
  }
}
