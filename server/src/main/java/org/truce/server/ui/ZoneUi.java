package org.truce.server.ui;

import org.truce.server.auth.Role;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.truce.core.validation.ValidationException;
import org.truce.core.zone.Zone;
import org.truce.server.ledger.LedgerEntries;
import org.truce.server.reference.ReferenceData;
import org.truce.server.zone.ZoneService;

/** The zones pages: the list of zones and their versions, and the form to upload or draw a shape. */
public final class ZoneUi {
  private final ZoneService zones;
  private final ReferenceData references;
  private final Templates templates;
  private final ObjectMapper json;

  public ZoneUi(ZoneService zones, ReferenceData references, Templates templates, ObjectMapper json) {
    this.zones = zones;
    this.references = references;
    this.templates = templates;
    this.json = json;
  }

  public void register(RoutesConfig routes) {
    routes.get("/zones", this::list, Role.ANY);
    routes.get("/zones/new", this::form, Role.MONITOR);
    routes.post("/zones/new", this::submit, Role.MONITOR);
  }

  private void list(Context ctx) {
    Map<String, Zone> byCode = new HashMap<>();
    references.zones().forEach(z -> byCode.put(z.code(), z));
    List<ZoneRow> rows = references.zoneVersions().stream()
        .filter(v -> byCode.containsKey(v.zoneCode()))
        .sorted(Comparator.comparing((org.truce.core.zone.ZoneVersion v) -> byCode.get(v.zoneCode()).name())
            .thenComparingInt(org.truce.core.zone.ZoneVersion::version))
        .map(v -> ZoneRow.of(byCode.get(v.zoneCode()), v)).toList();
    templates.render(ctx, "zones.jte", Map.of("page", PageInfo.of("Zones", "zones"), "rows", rows));
  }

  private void form(Context ctx) {
    Map<String, String> values = new HashMap<>();
    String code = ctx.queryParam("zone");
    boolean existing = code != null && references.zones().stream().anyMatch(z -> z.code().equals(code));
    if (existing) {
      values.put("code", code);
    }
    values.put("approximate", "true");
    render(ctx, new ZoneForm(values, List.of(), existing));
  }

  private void submit(Context ctx) {
    Map<String, String> values = new HashMap<>();
    ctx.formParamMap().forEach((k, v) -> values.put(k, v.isEmpty() ? "" : v.get(0)));
    boolean existing = "true".equals(values.get("existing"))
        && references.zones().stream().anyMatch(z -> z.code().equals(values.get("code")));
    ZoneForm form = new ZoneForm(values, List.of(), existing);
    try {
      if (existing) {
        zones.addVersion(values.get("code"), form.version(json), LedgerEntries.MONITOR_PARTY);
      } else {
        zones.create(form.zone(json), LedgerEntries.MONITOR_PARTY);
      }
      ctx.redirect("/zones", HttpStatus.SEE_OTHER);
    } catch (ValidationException e) {
      ctx.status(422);
      render(ctx, form.withErrors(e.errors()));
    }
  }

  private void render(Context ctx, ZoneForm form) {
    templates.render(ctx, "zone-form.jte", Map.of("page", PageInfo.of("Zones", "zones"), "form", form));
  }
}
