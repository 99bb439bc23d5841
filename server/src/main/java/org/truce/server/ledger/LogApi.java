package org.truce.server.ledger;

import org.truce.server.auth.Role;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.regex.Pattern;
import org.truce.ledger.tiles.TileNotFoundException;
import org.truce.server.http.ProblemHandlers;
import org.truce.store.ledger.StoredCheckpoint;

/**
 * The log, read-only, in the C2SP tlog-tiles layout under {@code /log/}: any third party can
 * mirror and audit it with generic tlog tools. Full tiles are immutable and cached forever.
 */
public final class LogApi {
  private static final Pattern TILE = Pattern.compile(
      "tile/(?:\\d+|entries)/(?:x\\d{3}/)*\\d{3}(?:\\.p/(?:[1-9]\\d?|1\\d\\d|2[0-4]\\d|25[0-5]))?");
  private final LedgerService ledger;

  public LogApi(LedgerService ledger) {
    this.ledger = ledger;
  }

  public void register(RoutesConfig routes) {
    routes.get("/log/checkpoint", this::checkpoint, Role.PUBLIC);
    routes.get("/log/key", ctx -> ctx.contentType("text/plain; charset=utf-8").result(ledger.verifierKey() + "\n"), Role.PUBLIC);
    routes.get("/log/tile/<path>", this::tile, Role.PUBLIC);
  }

  private void checkpoint(Context ctx) {
    StoredCheckpoint c = ledger.latestCheckpoint()
        .orElseThrow(() -> new ProblemHandlers.NotFound("the log has published no checkpoint yet"));
    ctx.header("Cache-Control", "no-store");
    ctx.contentType("text/plain; charset=utf-8").result(c.note());
  }

  private void tile(Context ctx) throws IOException {
    String path = "tile/" + ctx.pathParam("path");
    if (!TILE.matcher(path).matches()) {
      throw new ProblemHandlers.NotFound("no tile " + path);
    }
    try {
      byte[] content = ledger.tiles().read(path);
      ctx.header("Cache-Control", path.contains(".p/") ? "public, max-age=60" : "public, max-age=31536000, immutable");
      ctx.contentType("application/octet-stream").result(content);
    } catch (TileNotFoundException e) {
      throw new ProblemHandlers.NotFound("no tile " + path);
    }
  }
}
