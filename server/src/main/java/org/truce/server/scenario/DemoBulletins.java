package org.truce.server.scenario;

import java.time.LocalDate;
import java.util.Set;
import java.util.TreeSet;
import org.truce.core.bulletin.ReportingDay;
import org.truce.server.TruceServer;
import org.truce.server.auth.Principal;
import org.truce.server.auth.Role;
import org.truce.server.bulletin.BulletinService;
import org.truce.store.report.ReportQuery;

/**
 * For the demo only: publishes the bulletin of every reporting day that has a scenario report, so
 * the public portal, the feed and the bulletin pages have something to show. Each goes through
 * the real workflow (draft, submit, approve, publish) as the scenario account, so each is signed
 * and ledgered like any other.
 */
public final class DemoBulletins {
  private static final Principal SCENARIO = new Principal(ScenarioLoader.SCENARIO_ACCOUNT, "JMC",
      Set.of(Role.MONITOR), "demo");

  private DemoBulletins() {}

  /** Returns how many bulletins were published. */
  public static int publish(TruceServer server) {
    BulletinService bulletins = server.bulletins();
    Set<LocalDate> days = new TreeSet<>();
    server.reports().repository().forEachMatching(ReportQuery.all(1), 500, r -> days.add(ReportingDay.containing(
        r.report().submission().occurredAt().instant(), bulletins.settings().cutoff(), bulletins.settings().zone())
        .date()));
    int published = 0;
    for (LocalDate day : days) {
      if (bulletins.latestPublished(day).isPresent()) {
        continue;
      }
      bulletins.draft(day, null, SCENARIO);
      bulletins.submit(day, SCENARIO);
      bulletins.review(day, true, "demo: published automatically from the reference scenario", SCENARIO);
      bulletins.publish(day, SCENARIO);
      published++;
    }
    return published;
  }
}
