package org.truce.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.io.IOException;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.truce.core.geo.AdminLocator;
import org.truce.core.geo.Gazetteer;
import org.truce.server.config.TruceConfig;
import org.truce.server.http.Json;
import org.truce.server.http.JsonBodies;
import org.truce.server.http.ProblemHandlers;
import org.truce.server.http.SecurityHeaders;
import org.truce.server.interop.ExportApi;
import org.truce.server.interop.ReportExporter;
import org.truce.server.ledger.LedgerApi;
import org.truce.server.ledger.LedgerEntries;
import org.truce.server.ledger.LedgerService;
import org.truce.server.ledger.LogApi;
import org.truce.server.ledger.LogKeys;
import org.truce.server.openapi.OpenApi;
import org.truce.server.ops.Operations;
import org.truce.server.reference.ReferenceApi;
import org.truce.server.reference.ReferenceData;
import org.truce.server.report.ReportApi;
import org.truce.server.report.ReportService;
import org.truce.server.ui.DisplayTime;
import org.truce.server.ui.Templates;
import org.truce.server.ui.UiRoutes;
import org.truce.store.db.Database;
import org.truce.store.report.ReportRepository;

/** Wires the database, the domain services and the HTTP surface into one running server. */
public final class TruceServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(TruceServer.class);

  private final TruceConfig config;
  private final Database db;
  private final ReferenceData references;
  private final ReportService reports;
  private final LedgerService ledger;
  private final Javalin app;

  private TruceServer(TruceConfig config, Database db) throws IOException {
    this.config = config;
    this.db = db;
    ObjectMapper json = Json.mapper();
    Gazetteer gazetteer = Gazetteer.bundled();
    this.references = new ReferenceData(db);
    this.ledger = new LedgerService(db, config.tileDir(),
        LogKeys.loadOrCreate(config.resolvedLogKeyFile(), config.logOrigin()), Clock.systemUTC());
    this.reports = new ReportService(new ReportRepository(db), references, gazetteer,
        AdminLocator.bundled(), new LedgerEntries(), ledger, Clock.systemUTC());
    LedgerApi ledgerApi = new LedgerApi(ledger, json);
    Operations ops = new Operations();
    ops.addCheck("database", db::isHealthy);
    ops.addCheck("ledger", ledger::isHealthy);
    ProblemHandlers problems = new ProblemHandlers(json);
    SecurityHeaders security = new SecurityHeaders(config.tileUrl());
    JsonBodies bodies = new JsonBodies(json, config.maxBodyBytes());
    UiRoutes ui = new UiRoutes(reports, references, new Templates(), new DisplayTime(config.displayZone()), json,
        config.tileUrl());
    this.app = Javalin.create(c -> {
      c.startup.showJavalinBanner = false;
      c.concurrency.useVirtualThreads = Runtime.version().feature() >= 21;
      c.http.maxRequestSize = config.maxBodyBytes();
      c.jsonMapper(new JavalinJackson(json, false));
      c.jetty.host = config.host();
      c.jetty.port = config.port();
      c.staticFiles.enableWebjars();
      c.staticFiles.add(s -> {
        s.hostedPath = "/static";
        s.directory = "/static";
        s.location = Location.CLASSPATH;
      });
      c.routes.before(ops::start);
      c.routes.before(security::apply);
      c.routes.after(ops::finish);
      problems.register(c.routes);
      ops.register(c.routes);
      new OpenApi().register(c.routes);
      new ReportApi(reports, references, bodies, ledgerApi, json).register(c.routes);
      new ExportApi(new ReportExporter(reports.repository(), references, json), references, Clock.systemUTC()).register(c.routes);
      ledgerApi.register(c.routes);
      new LogApi(ledger).register(c.routes);
      new ReferenceApi(references, gazetteer, json).register(c.routes);
      ui.register(c.routes);
    });
  }

  /**
   * Opens the database (migrating it), starts the ledger (refusing to start when the log's tiles
   * and its stored state disagree) and builds the server; call {@link #start()} to listen.
   */
  public static TruceServer create(TruceConfig config) {
    Database db = Database.open(config.database());
    try {
      TruceServer server = new TruceServer(config, db);
      server.ledger.start();
      return server;
    } catch (Exception e) {
      db.close();
      if (e instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException("cannot start: " + e.getMessage(), e);
    }
  }

  public TruceServer start() {
    app.start();
    LOG.info("log origin {}, verifier key {}", ledger.origin(), ledger.verifierKey());
    LOG.info("Truce listening on http://{}:{}/ (database {})", config.host(), app.port(), db.dialect());
    return this;
  }

  public int port() {
    return app.port();
  }

  public Database database() {
    return db;
  }

  public ReferenceData references() {
    return references;
  }

  public ReportService reports() {
    return reports;
  }

  public LedgerService ledger() {
    return ledger;
  }

  /** Stops accepting requests, lets those in flight finish, then closes the database. */
  @Override
  public void close() {
    try {
      app.stop();
    } finally {
      try {
        ledger.close();
      } finally {
        db.close();
      }
    }
  }
}
