package org.truce.server.witness;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.truce.ledger.checkpoint.Checkpoint;
import org.truce.ledger.merkle.ProofVerifier;
import org.truce.ledger.note.Ed25519NoteVerifier;
import org.truce.ledger.note.NoteException;
import org.truce.ledger.note.NoteVerifier;
import org.truce.ledger.note.Notes;
import org.truce.ledger.note.Verifiers;
import org.truce.ledger.witness.AddCheckpointRequest;
import org.truce.ledger.witness.FileWitnessState;
import org.truce.ledger.witness.Witness;
import org.truce.ledger.witness.WitnessResponse;

/**
 * A party's witness (C2SP tlog-witness) as its own small HTTP server, independent of the log:
 *
 * <ul>
 *   <li>{@code POST /witness/add-checkpoint}: the request body goes to {@link Witness} and its
 *       {@link WitnessResponse} is sent back exactly (status, Content-Type, body);</li>
 *   <li>{@code GET /witness/key}: the witness's cosignature verifier key.</li>
 * </ul>
 *
 * <p>The key is created on first start (see {@link WitnessKeys}); the latest cosigned checkpoint
 * of each log is kept by {@link FileWitnessState}, so a restarted witness never goes back.
 * Unexpected errors (e.g. the state cannot be written) answer 500 with a plain message; the
 * details go to the witness's log only.
 */
public final class WitnessServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(WitnessServer.class);
  private static final String TEXT = "text/plain; charset=utf-8";
  /** Refused bodies up to this size are read to the end so the client gets the answer, not a reset. */
  private static final long DRAIN_LIMIT_BYTES = 1024 * 1024;

  private final WitnessSettings settings;
  private final WitnessKeys.Loaded key;
  private final Map<String, Verifiers> logs;
  private final Witness witness;
  private final Javalin app;

  private WitnessServer(WitnessSettings settings, Clock clock) throws IOException {
    this.settings = settings;
    this.logs = logKeysByOrigin(settings.logKeys());
    this.key = WitnessKeys.loadOrCreate(settings.keyFile(), settings.name(), clock);
    this.witness = new Witness(List.of(key.signer()), logs, new FileWitnessState(settings.stateDir()),
        ProofVerifier::verifyConsistency);
    this.app = Javalin.create(c -> {
      c.startup.showJavalinBanner = false;
      c.http.maxRequestSize = Witness.MAX_BODY_BYTES;
      c.jetty.host = settings.host();
      c.jetty.port = settings.port();
      c.routes.post("/witness/add-checkpoint", this::addCheckpoint);
      c.routes.get("/witness/key", ctx -> ctx.contentType(TEXT).result(key.verifierKey() + "\n"));
      c.routes.exception(Exception.class, (e, ctx) -> {
        String id = Long.toHexString(System.nanoTime());
        LOG.error("unexpected error {} on {} {}", id, ctx.method(), ctx.path(), e);
        ctx.status(500).contentType(TEXT).result("internal error; reference " + id + "\n");
      });
    });
  }

  /**
   * Loads or creates the key, opens the state and starts listening.
   *
   * @throws IllegalArgumentException if a log key is not an Ed25519 verifier key, none is given,
   *     or the key name is missing (first start) or differs from the key file's
   */
  public static WitnessServer start(WitnessSettings settings) {
    return start(settings, Clock.systemUTC());
  }

  /** As {@link #start(WitnessSettings)}, with the clock that stamps cosignatures. */
  public static WitnessServer start(WitnessSettings settings, Clock clock) {
    WitnessServer server;
    try {
      server = new WitnessServer(settings, clock);
    } catch (IOException e) {
      throw new IllegalStateException("cannot open the witness state in " + settings.stateDir() + ": " + e.getMessage(), e);
    }
    server.app.start();
    LOG.info("witness {} listening on http://{}:{}/witness for logs {}", server.key.signer().name(),
        settings.host(), server.port(), server.origins());
    return server;
  }

  public int port() {
    return app.port();
  }

  /** The cosignature verifier key text ({@code <name>+<hex8 id>+<base64(0x04 || key)>}). */
  public String verifierKey() {
    return key.verifierKey();
  }

  /** Whether this start created the key. */
  public boolean createdKey() {
    return key.created();
  }

  /** The origins of the logs this witness serves, sorted. */
  public List<String> origins() {
    return List.copyOf(new TreeSet<>(logs.keySet()));
  }

  /** The prefix a log is configured with, {@code http://<host>:<port>/witness}. */
  public String prefix() {
    String host = "0.0.0.0".equals(settings.host()) ? "127.0.0.1" : settings.host();
    return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port() + "/witness";
  }

  private void addCheckpoint(Context ctx) throws IOException {
    WitnessResponse response;
    byte[] body = new byte[0];
    long declared = ctx.req().getContentLengthLong();
    if (declared > Witness.MAX_BODY_BYTES) {
      response = new WitnessResponse(WitnessResponse.BAD_REQUEST, WitnessResponse.TEXT_PLAIN,
          ("request body larger than " + Witness.MAX_BODY_BYTES + " bytes\n").getBytes(StandardCharsets.UTF_8),
          "declared body of " + declared + " bytes");
      drainModestBody(ctx, declared);
    } else {
      try (InputStream in = ctx.bodyInputStream()) {
        body = in.readNBytes(Witness.MAX_BODY_BYTES + 1); // one more: the witness refuses it as too large
      }
      response = witness.addCheckpoint(body);
    }
    if (response.status() == WitnessResponse.OK) {
      LOG.info("cosigned {}", describe(body));
    } else if (response.status() == WitnessResponse.UNPROCESSABLE) {
      // Reached only by a checkpoint the log validly signed: keep the reason as evidence.
      LOG.warn("refused {} although the log signed it ({}): {}", describe(body), response.status(), response.reason());
    } else {
      LOG.info("refused a checkpoint ({}): {}", response.status(), response.reason());
    }
    ctx.status(response.status()).contentType(response.contentType()).result(response.body());
  }

  /**
   * Reads and discards a refused body that is not absurdly large. Answering before the client
   * finished sending makes Jetty close the connection under it, and the client then sees a reset
   * instead of the 400 it should read.
   */
  private static void drainModestBody(Context ctx, long declared) throws IOException {
    if (declared <= DRAIN_LIMIT_BYTES) {
      try (InputStream in = ctx.bodyInputStream()) {
        in.transferTo(java.io.OutputStream.nullOutputStream());
      }
    }
  }

  /** "origin size N (old M)" of the request just handled, for the witness's log. */
  private static String describe(byte[] body) {
    try {
      AddCheckpointRequest request = AddCheckpointRequest.parse(body);
      Checkpoint c = Checkpoint.parse(Notes.parseUnverified(request.signedCheckpoint()).text());
      return c.origin() + " size " + c.size() + " (old size " + request.oldSize() + ")";
    } catch (Exception e) {
      return "a checkpoint";
    }
  }

  private static Map<String, Verifiers> logKeysByOrigin(List<String> logKeys) {
    if (logKeys.isEmpty()) {
      throw new IllegalArgumentException("a witness needs at least one --log-key");
    }
    Map<String, Map<String, NoteVerifier>> byOrigin = new LinkedHashMap<>();
    for (String text : logKeys) {
      Ed25519NoteVerifier verifier;
      try {
        verifier = Ed25519NoteVerifier.fromKey(text.trim());
      } catch (NoteException e) {
        throw new IllegalArgumentException("not a log verifier key (origin+hex8 id+base64 Ed25519 key): '"
            + text + "': " + e.getMessage(), e);
      }
      // the same key given twice must not make the log's signatures ambiguous
      byOrigin.computeIfAbsent(verifier.name(), o -> new LinkedHashMap<>()).putIfAbsent(verifier.key().encode(), verifier);
    }
    Map<String, Verifiers> verifiers = new LinkedHashMap<>();
    byOrigin.forEach((origin, keys) -> verifiers.put(origin, Verifiers.of(keys.values())));
    return verifiers;
  }

  @Override
  public void close() {
    app.stop();
  }
}
