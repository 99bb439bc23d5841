package org.truce.server.ui;

import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.truce.core.party.Party;
import org.truce.core.report.Category;
import org.truce.core.zone.Zone;

/** The report filters as typed by a person, echoed back into the form and passed on to the API. */
public record FilterForm(String from, String to, String party, String category, String zone, String governorate,
    List<Party> parties, List<Category> categories, List<Zone> zones) {

  public static FilterForm of(Context ctx, List<Party> parties, List<Zone> zones) {
    return new FilterForm(v(ctx, "from"), v(ctx, "to"), v(ctx, "party"), v(ctx, "category"), v(ctx, "zone"),
        v(ctx, "governorate"), parties, Arrays.asList(Category.values()), zones);
  }

  /** The filters as a query string, without empty values. */
  public String queryString() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("from", from);
    m.put("to", to);
    m.put("party", party);
    m.put("category", category);
    m.put("zone", zone);
    m.put("governorate", governorate);
    return m.entrySet().stream().filter(e -> !e.getValue().isEmpty())
        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  /** The API URL the map loads its points from. */
  public String apiQuery() {
    String qs = queryString();
    return "/api/v1/reports?f=geojson&limit=1000" + (qs.isEmpty() ? "" : "&" + qs);
  }

  /** The date whose zone map is drawn: the end of the filtered period, or today. */
  public String zoneDate() {
    return to;
  }

  private static String v(Context ctx, String name) {
    String value = ctx.queryParam(name);
    return value == null ? "" : value.trim();
  }
}
