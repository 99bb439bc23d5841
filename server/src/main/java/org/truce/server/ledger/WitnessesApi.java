package org.truce.server.ledger;

import org.truce.server.auth.Role;
import io.javalin.config.RoutesConfig;

/**
 * {@code GET /api/v1/ledger/witnesses}: the witnesses this log asks to cosign its checkpoints, the
 * quorum it aims for, and for each witness the size it last cosigned and its last error.
 */
public final class WitnessesApi {
  private final WitnessPublisher publisher;

  public WitnessesApi(WitnessPublisher publisher) {
    this.publisher = publisher;
  }

  public void register(RoutesConfig routes) {
    routes.get("/api/v1/ledger/witnesses", ctx -> ctx.json(publisher.status()), Role.ANY);
  }
}
