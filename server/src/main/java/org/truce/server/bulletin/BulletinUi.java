package org.truce.server.bulletin;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.truce.core.agreement.Agreement;
import org.truce.core.bulletin.BulletinCanonicalForm;
import org.truce.core.bulletin.BulletinContent;
import org.truce.server.auth.Access;
import org.truce.server.auth.Role;
import org.truce.server.bulletin.render.BulletinPage;
import org.truce.server.bulletin.render.BulletinView;
import org.truce.server.http.ProblemHandlers;
import org.truce.server.http.QueryParams;
import org.truce.server.reference.ReferenceData;
import org.truce.server.ui.DisplayTime;
import org.truce.server.ui.PageInfo;
import org.truce.server.ui.Templates;
import org.truce.store.bulletin.BulletinRow;

/**
 * The public portal (no sign-in: published bulletins and the agreements), and the monitors'
 * bulletin desk: draft a day, then submit, approve or return, and publish, from forms.
 */
public final class BulletinUi {
  private final BulletinService service;
  private final ReferenceData references;
  private final Templates templates;
  private final DisplayTime time;

  public BulletinUi(BulletinService service, ReferenceData references, Templates templates, DisplayTime time) {
    this.service = service;
    this.references = references;
    this.templates = templates;
    this.time = time;
  }

  public void register(RoutesConfig routes) {
    routes.get("/portal", this::portal, Role.PUBLIC);
    routes.get("/bulletins", this::desk, Role.MONITOR, Role.ANALYST);
    routes.get("/bulletins/{date}", this::bulletin, Role.PUBLIC);
    routes.post("/bulletins/drafts", this::draftDay, Role.MONITOR);
    routes.post("/bulletins/{date}/{action}", this::act, Role.MONITOR);
  }

  private void portal(Context ctx) {
    String lang = language(ctx);
    List<PortalView.Edition> editions = service.published(100, 0).stream().map(this::edition).toList();
    List<PortalView.AgreementLine> agreements = references.agreements().stream().map(this::agreement).toList();
    PortalView view = new PortalView(lang, editions, agreements, PortalView.bundle(lang));
    templates.render(ctx, "portal.jte", Map.of(
        "page", new PageInfo(view.t("title"), "portal", lang, view.dir(), null, null, ""), "view", view));
  }

  /** One edition as a page, in {@code ?lang=}: published ones for anyone, drafts and previews for staff. */
  private void bulletin(Context ctx) {
    LocalDate date = BulletinApi.date(ctx.pathParam("date"));
    String lang = language(ctx);
    BulletinService.Shown shown = service.show(date, BulletinApi.edition(ctx), Access.principal(ctx).seesAllParties());
    BulletinView view = BulletinPage.model(shown.document(), lang, shown.leafIndex());
    templates.render(ctx, BulletinPage.TEMPLATE, Map.of("page", BulletinPage.page(view), "view", view));
  }

  private void desk(Context ctx) {
    List<PortalView.Edition> published = service.published(30, 0).stream().map(this::edition).toList();
    List<Desk> open = service.unpublished().stream().map(r -> new Desk(r.day().toString(), r.edition(),
        r.status().name(), r.draftedBy(), time.instant(r.draftedAt()), r.reviewNote(),
        r.correctsEdition() == null ? null : "corrects edition " + r.correctsEdition() + ": " + r.correctionReason()))
        .toList();
    LocalDate suggested = service.settings().day(LocalDate.now(service.settings().zone())).date().minusDays(1);
    templates.render(ctx, "bulletins.jte", Map.of("page", PageInfo.of("Bulletins", "bulletins"),
        "open", open, "published", published, "suggested", suggested.toString(),
        "error", ctx.queryParam("error") == null ? "" : ctx.queryParam("error"),
        "canAct", Access.principal(ctx).has(Role.MONITOR) || Access.principal(ctx).has(Role.ADMIN)));
  }

  /** An unpublished edition on the desk, with what a monitor may do next. */
  public record Desk(String date, int edition, String status, String draftedBy, String draftedAt, String reviewNote,
      String correction) {}

  private void draftDay(Context ctx) {
    String date = ctx.formParam("date");
    act(ctx, date == null ? "" : date, "draft");
  }

  private void act(Context ctx) {
    act(ctx, ctx.pathParam("date"), ctx.pathParam("action"));
  }

  private void act(Context ctx, String raw, String action) {
    try {
      LocalDate date = BulletinApi.date(raw);
      var by = Access.principal(ctx);
      switch (action) {
        case "draft" -> service.draft(date, ctx.formParam("reason"), by);
        case "submit" -> service.submit(date, by);
        case "approve" -> service.review(date, true, ctx.formParam("note"), by);
        case "return" -> service.review(date, false, ctx.formParam("note"), by);
        case "publish" -> service.publish(date, by);
        default -> throw new ProblemHandlers.NotFound("no bulletin action " + action);
      }
      ctx.redirect("/bulletins/" + date + "?lang=en", HttpStatus.SEE_OTHER);
    } catch (ProblemHandlers.BadRequest e) {
      back(ctx, e.error().field() + ": " + e.error().reason());
    } catch (io.javalin.http.ConflictResponse e) {
      back(ctx, e.getMessage());
    }
  }

  private static void back(Context ctx, String message) {
    ctx.redirect("/bulletins?error=" + java.net.URLEncoder.encode(message, java.nio.charset.StandardCharsets.UTF_8),
        HttpStatus.SEE_OTHER);
  }

  private PortalView.Edition edition(BulletinRow row) {
    BulletinContent c = BulletinCanonicalForm.parse(row.content());
    String perParty = c.parties().stream().map(p -> p.partyName() + " " + p.reports()).collect(Collectors.joining(" · "));
    return new PortalView.Edition(row.day().toString(), row.edition(), time.instant(row.publishedAt()),
        c.totalReports(), c.totalIncidents(), perParty,
        row.correctsEdition(), row.correctionReason());
  }

  private PortalView.AgreementLine agreement(Agreement a) {
    return new PortalView.AgreementLine(a.code(), a.title(), a.signedOn() == null ? "" : a.signedOn().toString(),
        a.inForceFrom() == null ? null : time.instant(a.inForceFrom()), names(a.guarantors()), names(a.parties()),
        a.summary(), a.openText(), a.source());
  }

  private String names(List<String> codes) {
    List<String> out = new ArrayList<>();
    for (String c : codes) {
      out.add(references.party(c).map(p -> p.name()).orElse(c));
    }
    return String.join(", ", out);
  }

  static String language(Context ctx) {
    String lang = new QueryParams(ctx).text("lang");
    if (lang == null) {
      return "en";
    }
    if (!PortalView.LANGUAGES.contains(lang)) {
      throw new ProblemHandlers.BadRequest("lang", "must be one of en, ru, ar, tr; got '" + lang + "'");
    }
    return lang;
  }
}
