package org.truce.server.bulletin.render;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.truce.core.bulletin.BulletinContent;
import org.truce.core.bulletin.Comparison;
import org.truce.core.bulletin.ComparisonRow;
import org.truce.core.bulletin.Count;
import org.truce.core.bulletin.HumanitarianSection;
import org.truce.core.bulletin.IncidentLine;
import org.truce.core.bulletin.InvestigationLine;
import org.truce.core.bulletin.PartyTallies;
import org.truce.core.bulletin.PartyTally;
import org.truce.core.report.Casualties;
import org.truce.server.bulletin.BulletinDocument;
import org.truce.server.ui.PageInfo;

/**
 * Turns a bulletin edition into what its templates show, in one of {@link BulletinTexts#SUPPORTED}
 * languages. A route handler renders the page with
 * <pre>{@code
 * BulletinView view = BulletinPage.model(doc, ctx.queryParam("lang"));
 * templates.render(ctx, BulletinPage.TEMPLATE, Map.of("page", BulletinPage.page(view), "view", view));
 * }</pre>
 */
public final class BulletinPage {
  /** The page template; its parameters are {@code page} (PageInfo) and {@code view} (BulletinView). */
  public static final String TEMPLATE = "bulletin.jte";
  /** The print template BulletinPdf lays out; its one parameter is {@code view}. */
  public static final String PRINT_TEMPLATE = "bulletin-print.jte";
  /** The layout's section for bulletin pages. */
  public static final String SECTION = "bulletins";

  private BulletinPage() {}

  /** The view of {@code doc} in {@code lang} (unsupported or null: English), ledger entry unknown. */
  public static BulletinView model(BulletinDocument doc, String lang) {
    return model(doc, lang, null);
  }

  /**
   * The view of {@code doc} in {@code lang}; {@code ledgerEntry} is the index of the published
   * edition's ledger leaf, shown beside the signed note (null when not known).
   */
  public static BulletinView model(BulletinDocument doc, String lang, Long ledgerEntry) {
    BulletinContent c = doc.content();
    BulletinTexts t = BulletinTexts.of(lang, zoneOf(c.timeZone()));
    String iso = c.date().toString();
    String status = doc.status() == null ? "PREVIEW" : doc.status();
    String correction = null;
    if (doc.correctsEdition() != null) {
      correction = doc.correctionReason() == null || doc.correctionReason().isBlank()
          ? t.format("correction", "edition", doc.correctsEdition())
          : t.format("correction.reason", "edition", doc.correctsEdition(), "reason",
              BulletinTexts.isolate(doc.correctionReason()));
    }
    boolean signed = doc.published() && doc.signedNote() != null && !doc.signedNote().isBlank();
    return new BulletinView(t, iso, t.text("title"), t.date(c.date()), t.format("edition", "edition", doc.edition()),
        t.number(doc.edition()),
        status.toLowerCase(Locale.ROOT).replace('_', '-'), t.bulletinStatus(status), doc.published(),
        doc.publishedAt() == null ? null : t.dateTime(doc.publishedAt()),
        t.format("compiled", "time", t.dateTime(c.compiledAt()), "size", c.ledgerSize()),
        period(t, c), correction, t.number(c.totalReports()), t.number(c.totalIncidents()),
        languages(t.lang()), "/api/v1/bulletins/" + iso + ".pdf?lang=" + t.lang(), "/api/v1/bulletins/" + iso,
        c.parties().stream().map(p -> party(t, doc, p)).toList(),
        c.incidents().stream().map(i -> incident(t, doc, i)).toList(),
        c.openInvestigations().stream().map(i -> investigation(t, i)).toList(),
        humanitarian(t, doc, c.humanitarian()), comparison(t, doc, c.comparison()),
        signed ? doc.signedNote() : null,
        signed && ledgerEntry != null ? t.format("signed.ledgerEntry", "index", Long.toString(ledgerEntry)) : null);
  }

  /** What the layout needs: the title, the section, and the page's language and direction. */
  public static PageInfo page(BulletinView view) {
    return new PageInfo(view.fullTitle(), SECTION, view.lang(), view.dir(), null, null, "");
  }

  private static String period(BulletinTexts t, BulletinContent c) {
    return t.format("period", "start", BulletinTexts.isolate(t.dateTime(c.periodStart())),
        "end", BulletinTexts.isolate(t.dateTime(c.periodEnd())),
        "zone", BulletinTexts.isolate(t.zoneName(c.periodEnd())), "cutoff", t.time(c.cutoff()));
  }

  private static List<BulletinView.Language> languages(String current) {
    return BulletinTexts.SUPPORTED.stream()
        .map(l -> new BulletinView.Language(l, BulletinTexts.languageName(l), BulletinTexts.direction(l), "?lang=" + l,
            l.equals(current)))
        .toList();
  }

  private static BulletinView.Party party(BulletinTexts t, BulletinDocument doc, PartyTally p) {
    List<BulletinView.Row> governorates = p.byGovernorate().stream().map(g -> governorateRow(t, g)).toList();
    String breakdown = p.byGovernorate().stream()
        .map(g -> t.format("breakdown.item", "name", BulletinTexts.isolate(governorateName(t, g)), "count", g.count()))
        .collect(Collectors.joining(t.text("list.separator")));
    String name = p.partyName() == null || p.partyName().isBlank() ? doc.partyName(p.party()) : p.partyName();
    return new BulletinView.Party(p.party(), name,
        t.format("party.registered", "n", p.reports(), "party", BulletinTexts.isolate(name), "breakdown", breakdown),
        p.disputedByOthers() > 0 ? t.format("party.disputed", "n", p.disputedByOthers()) : null,
        governorates,
        p.byZone().stream().map(z -> new BulletinView.Row(nameOr(z), t.number(z.count()), false)).toList(),
        p.byCategory().stream().map(k -> new BulletinView.Row(t.category(k.code()), t.number(k.count()), false)).toList());
  }

  private static BulletinView.Row governorateRow(BulletinTexts t, Count g) {
    return new BulletinView.Row(governorateName(t, g), t.number(g.count()), unplaced(g.code()));
  }

  private static String governorateName(BulletinTexts t, Count g) {
    return unplaced(g.code()) ? t.text("not.placed") : nameOr(g);
  }

  private static boolean unplaced(String governorate) {
    return governorate == null || governorate.isBlank() || PartyTallies.UNPLACED.equals(governorate);
  }

  private static String nameOr(Count c) {
    return c.name() == null || c.name().isBlank() ? c.code() : c.name();
  }

  private static BulletinView.Incident incident(BulletinTexts t, BulletinDocument doc, IncidentLine i) {
    return new BulletinView.Incident(i.code(), incidentHref(i.code()),
        i.occurredFrom() == null ? t.text("none.value") : t.dateTime(i.occurredFrom()), t.category(i.category()),
        unplaced(i.governorate()) ? t.text("not.placed") : i.governorate(),
        i.grading() == null ? "none" : i.grading().toLowerCase(Locale.ROOT), assessed(t, i, t.grading(i.grading())),
        assessed(t, i, t.attribution(i.attribution())), parties(t, doc, i.registeredBy()), parties(t, doc, i.confirmedBy()),
        parties(t, doc, i.disputedBy()), casualties(t, i.killed()), casualties(t, i.injured()), i.disputed());
  }

  /** A grading or attribution as the bulletin states it: one the record merely suggests says so. */
  private static String assessed(BulletinTexts t, IncidentLine i, String label) {
    return i.assessed() ? label : t.format("grading.suggested", "label", label);
  }

  private static String parties(BulletinTexts t, BulletinDocument doc, List<String> codes) {
    if (codes.isEmpty()) {
      return t.text("none.value");
    }
    return codes.stream().map(code -> BulletinTexts.isolate(doc.partyName(code)))
        .collect(Collectors.joining(t.text("list.separator")));
  }

  private static String casualties(BulletinTexts t, Casualties c) {
    if (c == null) {
      return t.text("none.value");
    }
    return t.format("casualties", "low", t.number(c.low()), "best", t.number(c.best()), "high", t.number(c.high()));
  }

  private static BulletinView.Investigation investigation(BulletinTexts t, InvestigationLine i) {
    return new BulletinView.Investigation(i.incidentCode(), incidentHref(i.incidentCode()),
        t.investigationStatus(i.status()),
        i.assignee() == null || i.assignee().isBlank() ? t.text("unassigned") : i.assignee(),
        i.openedAt() == null ? t.text("none.value") : t.dateTime(i.openedAt()),
        i.deadline() == null ? t.text("none.value") : t.dateTime(i.deadline()), i.overdue());
  }

  private static BulletinView.Humanitarian humanitarian(BulletinTexts t, BulletinDocument doc, HumanitarianSection h) {
    if (h == null) {
      return new BulletinView.Humanitarian(t.format("humanitarian.alerts", "n", 0), List.of(), List.of(), List.of(),
          List.of());
    }
    return new BulletinView.Humanitarian(t.format("humanitarian.alerts", "n", h.alerts()),
        h.alertsByTarget().stream()
            .map(a -> new BulletinView.Row(t.alertTarget(a.code()), t.number(a.count()), false)).toList(),
        h.incidentCodes().stream().map(code -> new BulletinView.Link(code, incidentHref(code))).toList(),
        h.pausesInForce().stream().map(p -> new BulletinView.Pause(p.name(),
            p.from() == null ? t.text("none.value") : t.dateTime(p.from()),
            p.to() == null ? t.text("none.value") : t.dateTime(p.to()), parties(t, doc, p.agreedBy()))).toList(),
        h.corridors().stream().map(c -> new BulletinView.Corridor(c.name(),
            c.status() == null ? "" : c.status().toLowerCase(Locale.ROOT), t.corridorStatus(c.status()),
            c.reason() == null || c.reason().isBlank() ? t.text("none.value") : c.reason())).toList());
  }

  private static BulletinView.ComparisonTable comparison(BulletinTexts t, BulletinDocument doc, Comparison c) {
    if (c == null) {
      return new BulletinView.ComparisonTable(t.text("comparison.noAgreement"), null, List.of());
    }
    boolean agreement = c.agreementCode() != null;
    String sentence = agreement
        ? t.format("comparison.agreement", "title", BulletinTexts.isolate(c.agreementTitle()),
            "code", BulletinTexts.isolate(c.agreementCode()), "date", t.date(c.agreementInForceFrom()))
        : t.text("comparison.noAgreement");
    String heading = agreement
        ? t.format("col.beforeAgreement", "agreement", BulletinTexts.isolate(c.agreementCode()),
            "days", c.preAgreementDays())
        : null;
    List<BulletinView.ComparisonLine> rows = new ArrayList<>();
    for (ComparisonRow r : c.rows()) {
      rows.add(new BulletinView.ComparisonLine(
          r.party() == null ? t.text("comparison.allParties") : doc.partyName(r.party()), r.party() == null,
          t.number(r.today()), t.number(r.previousDay()), t.mean(r.previousWeekDailyMean()),
          r.preAgreementDailyMean() == null ? t.text("comparison.noData") : t.mean(r.preAgreementDailyMean())));
    }
    return new BulletinView.ComparisonTable(sentence, heading, rows);
  }

  private static String incidentHref(String code) {
    return "/incidents/" + URLEncoder.encode(code, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static ZoneId zoneOf(String id) {
    if (id == null || id.isBlank()) {
      return ZoneOffset.UTC;
    }
    return ZoneId.of(id);
  }

  /** The instant a PDF of this edition is dated: its publication, or its compilation until then. */
  static Instant documentDate(BulletinDocument doc) {
    return doc.publishedAt() != null ? doc.publishedAt() : doc.content().compiledAt();
  }
}
