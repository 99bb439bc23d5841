package org.truce.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.truce.core.geo.Gazetteer;
import org.truce.server.auth.AccountApi;
import org.truce.server.auth.AuthService;
import org.truce.server.auth.Authenticator;
import org.truce.server.auth.FirstAdminSetup;
import org.truce.server.auth.LoginUi;
import org.truce.server.auth.PartyKeyApi;
import org.truce.server.auth.PartyKeyBackfill;
import org.truce.server.auth.PartySignatures;
import org.truce.server.auth.Role;
import org.truce.server.bulletin.BulletinApi;
import org.truce.server.bulletin.BulletinCompiler;
import org.truce.server.bulletin.BulletinService;
import org.truce.server.bulletin.BulletinSettings;
import org.truce.server.bulletin.BulletinUi;
import org.truce.server.config.TruceConfig;
import org.truce.server.evidence.EvidenceApi;
import org.truce.server.evidence.EvidenceService;
import org.truce.server.evidence.EvidenceVault;
import org.truce.server.geo.BoundaryApi;
import org.truce.server.geo.BoundaryService;
import org.truce.server.geo.GazetteerFiles;
import org.truce.server.http.Json;
import org.truce.server.http.JettyProblemErrorHandler;
import org.truce.server.http.JsonBodies;
import org.truce.server.http.StorableFormText;
import org.truce.server.http.UnreadBodyDrain;
import org.truce.server.http.ProblemHandlers;
import org.truce.server.http.RegisteredRoutes;
import org.truce.server.http.SecurityHeaders;
import org.truce.server.http.TrustedProxies;
import org.truce.server.humanitarian.AlertsOfIncident;
import org.truce.server.humanitarian.HumanitarianApi;
import org.truce.server.humanitarian.HumanitarianService;
import org.truce.server.humanitarian.HumanitarianSettings;
import org.truce.server.humanitarian.HumanitarianUi;
import org.truce.server.humanitarian.LinkedReports;
import org.truce.server.humanitarian.NeedToKnow;
import org.truce.server.humanitarian.ProtectedProximity;
import org.truce.server.incident.IncidentApi;
import org.truce.server.incident.IncidentService;
import org.truce.server.incident.IncidentUi;
import org.truce.server.incident.IncidentVisibility;
import org.truce.server.interop.ExportApi;
import org.truce.server.interop.ReportExporter;
import org.truce.server.ledger.LedgerApi;
import org.truce.server.ledger.LedgerEntries;
import org.truce.server.ledger.LedgerService;
import org.truce.server.ledger.LogApi;
import org.truce.server.ledger.LogKeys;
import org.truce.server.ledger.WitnessPublisher;
import org.truce.server.ledger.WitnessesApi;
import org.truce.server.ogc.OgcApi;
import org.truce.server.openapi.OpenApi;
import org.truce.server.ops.Operations;
import org.truce.server.reference.ReferenceApi;
import org.truce.server.reference.ReferenceData;
import org.truce.server.report.ReportApi;
import org.truce.server.report.ReportService;
import org.truce.server.report.ReportVisibility;
import org.truce.server.ui.DisplayTime;
import org.truce.server.ui.Templates;
import org.truce.server.ui.UiRoutes;
import org.truce.server.ui.ZoneUi;
import org.truce.server.zone.ZoneApi;
import org.truce.server.zone.ZoneDefinitionBackfill;
import org.truce.server.zone.ZoneService;
import org.truce.store.auth.PartyKeyRepository;
import org.truce.store.bulletin.BulletinRepository;
import org.truce.store.db.Database;
import org.truce.store.humanitarian.NearestRepository;
import org.truce.store.incident.InvestigationRepository;
import org.truce.store.report.ReportCounts;
import org.truce.store.report.ReportRepository;

/** Wires the database, the domain services and the HTTP surface into one running server. */
public final class TruceServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(TruceServer.class);
  private static final Duration WITNESS_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration WITNESS_RETRY = Duration.ofSeconds(30);

  private final TruceConfig config;
  private final Database db;
  private final ReferenceData references;
  private final ReportService reports;
  private final LedgerService ledger;
  private final BoundaryService boundaries;
  private final AuthService auth;
  private final FirstAdminSetup setup;
  private final IncidentService incidents;
  private final EvidenceService evidence;
  private final WitnessPublisher witnesses;
  private final HumanitarianService humanitarian;
  private final BulletinService bulletins;
  private final ProtectedProximity proximity;
  private final RegisteredRoutes routes = new RegisteredRoutes();
  private final Javalin app;

  private TruceServer(TruceConfig config, Database db) throws IOException {
    this.config = config;
    this.db = db;
    ObjectMapper json = Json.mapper();
    Gazetteer gazetteer = GazetteerFiles.load(config.dataDir());
    this.references = new ReferenceData(db);
    this.ledger = new LedgerService(db, config.tileDir(),
        LogKeys.loadOrCreate(config.resolvedLogKeyFile(), config.logOrigin()), config.receiptDeadline(),
        Clock.systemUTC());
    this.witnesses = new WitnessPublisher(ledger, config.witnesses(), config.witnessQuorum(),
        WITNESS_TIMEOUT, WITNESS_RETRY, Clock.systemUTC());
    ledger.onCheckpoint(witnesses::offer);
    this.reports = new ReportService(new ReportRepository(db), references, gazetteer,
        new LedgerEntries(), ledger, Clock.systemUTC());
    LedgerApi ledgerApi = new LedgerApi(ledger, json);
    this.incidents = new IncidentService(db, reports.repository(), references, ledger,
        org.truce.core.incident.MatchSettings.fromEnvironment(config.environment()), Clock.systemUTC());
    reports.onStored(incidents::onStored);
    this.evidence = new EvidenceService(new EvidenceVault(config.dataDir()), incidents.evidenceRepository(),
        incidents.repository(), ledger, new org.truce.store.auth.AuditLog(db), Clock.systemUTC(),
        EvidenceApi.maxBytesFromEnvironment(config.environment()));

    Operations ops = new Operations();
    ops.addCheck("database", db::isHealthy);
    ops.addCheck("ledger", ledger::isHealthy);
    ProblemHandlers problems = new ProblemHandlers(json, config.maxBodyBytes());
    SecurityHeaders security = new SecurityHeaders(config.tileUrl());
    TrustedProxies proxies = TrustedProxies.fromEnvironment(config.environment());
    JsonBodies bodies = new JsonBodies(json, config.maxBodyBytes());
    this.boundaries = new BoundaryService(references, new ReportRepository(db));
    ZoneService zoneService = new ZoneService(references, new ReportRepository(db), ledger, Clock.systemUTC());
    ZoneApi zoneApi = new ZoneApi(zoneService, references, bodies, json);
    ZoneUi zoneUi = new ZoneUi(zoneService, references, new Templates(), json);
    this.auth = new AuthService(db, references, Clock.systemUTC());
    Authenticator authenticator = new Authenticator(auth);
    this.setup = new FirstAdminSetup(auth);
    ReportVisibility visibility = new ReportVisibility(config.exchangeRule(), Clock.systemUTC());
    Templates templates = new Templates();
    this.humanitarian = new HumanitarianService(new org.truce.store.humanitarian.HumanitarianRepository(db), references,
        ledger, HumanitarianSettings.fromEnvironment(config.environment()), Clock.systemUTC());
    reports.onStored(humanitarian::deconflict);
    NeedToKnow needToKnow = new NeedToKnow(auth.audit(), Clock.systemUTC());
    this.proximity = new ProtectedProximity(humanitarian.repository(), new NearestRepository(db), reports.repository(),
        needToKnow, humanitarian.settings().nearestMetres(), Clock.systemUTC());
    reports.onStored(proximity::onStored);
    humanitarian.onProtectedChange(proximity::onChange);
    LinkedReports convoyReports = new LinkedReports(visibility, reports.repository());
    HumanitarianApi humanitarianApi = new HumanitarianApi(humanitarian, bodies, needToKnow, ledgerApi, ledger,
        convoyReports, json);
    this.bulletins = bulletinService(db, incidents, humanitarian, ledger);
    UiRoutes ui = new UiRoutes(reports, references, templates, new DisplayTime(config.displayZone()), json,
        config.tileUrl(), visibility, proximity);
    org.truce.server.trends.TrendsService trends = new org.truce.server.trends.TrendsService(
        new org.truce.store.trends.TrendRepository(db,
            org.truce.server.trends.TrendsSettings.fromEnvironment(config.environment())),
        references, Clock.systemUTC());
    this.app = Javalin.create(c -> {
      c.startup.showJavalinBanner = false;
      c.events.handlerAdded(routes::added);
      proxies.install(c.contextResolver);
      c.concurrency.useVirtualThreads = Runtime.version().feature() >= 21;
      c.http.maxRequestSize = config.maxBodyBytes();
      c.http.prefer405over404 = true;
      c.jsonMapper(new JavalinJackson(json, false));
      c.jetty.host = config.host();
      c.jetty.port = config.port();
      c.jetty.modifyServer(s -> s.setErrorHandler(new JettyProblemErrorHandler(json)));
      c.staticFiles.add(s -> {
        s.hostedPath = "/webjars";
        s.directory = "/META-INF/resources/webjars";
        s.location = Location.CLASSPATH;
        s.roles = java.util.Set.of(Role.PUBLIC);
        s.headers = java.util.Map.of("Cache-Control", "public, max-age=31536000, immutable");
      });
      c.staticFiles.add(s -> {
        s.hostedPath = "/static";
        s.directory = "/static";
        s.location = Location.CLASSPATH;
        s.roles = java.util.Set.of(Role.PUBLIC);
      });
      c.routes.before(ops::start);
      c.routes.before(security::apply);
      c.routes.before(authenticator::identify);
      c.routes.beforeMatched(authenticator::authorize);
      c.routes.beforeMatched(StorableFormText::check);
      c.routes.after(new UnreadBodyDrain(config.maxBodyBytes())::apply);
      c.routes.after(ops::finish);
      problems.register(c.routes);
      ops.register(c.routes);
      new OpenApi().register(c.routes);
      new ReportApi(reports, references, bodies, ledgerApi, visibility,
          new PartySignatures(new PartyKeyRepository(db)), proximity, json).register(c.routes);
      new LoginUi(auth, templates).register(c.routes);
      new AccountApi(auth, bodies, json).register(c.routes);
      new PartyKeyApi(auth, new PartyKeyRepository(db), references, bodies, ledger, json).register(c.routes);
      setup.register(c.routes, templates);
      new ExportApi(new ReportExporter(reports.repository(), references, json), references, Clock.systemUTC()).register(c.routes);
      ledgerApi.register(c.routes);
      zoneApi.register(c.routes);
      new BoundaryApi(boundaries, config.maxBodyBytes()).register(c.routes);
      new LogApi(ledger).register(c.routes);
      new WitnessesApi(witnesses).register(c.routes);
      new ReferenceApi(references, gazetteer, json).register(c.routes);
      new OgcApi(reports.repository(), incidents.repository(), references, json).register(c.routes);
      new org.truce.server.trends.TrendsApi(trends, references, visibility, json).register(c.routes);
      new org.truce.server.trends.TrendsUi(trends, references, visibility, templates).register(c.routes);
      ui.register(c.routes);
      zoneUi.register(c.routes);
      humanitarianApi.register(c.routes);
      IncidentVisibility incidentVisibility = new IncidentVisibility(visibility,
          id -> reports.repository().find(id).map(r -> r.report()));
      new HumanitarianUi(humanitarian, humanitarianApi, needToKnow, templates, new DisplayTime(config.displayZone()),
          config.tileUrl(), (reportId, viewer) -> incidents.repository().incidentOf(reportId)
              .filter(id -> incidentVisibility.visible(incidents, id, viewer))
              .flatMap(id -> incidents.repository().find(id)).map(row -> row.code()), convoyReports)
          .register(c.routes);
      AlertsOfIncident incidentAlerts = new AlertsOfIncident(humanitarian, needToKnow);
      new IncidentApi(incidents, evidence, references, bodies, incidentVisibility, incidentAlerts, json)
          .register(c.routes);
      new BulletinApi(bulletins, new org.truce.server.bulletin.render.BulletinPdf(), bodies, ledgerApi, ledger, json)
          .register(c.routes);
      new BulletinUi(bulletins, references, templates, new DisplayTime(config.displayZone())).register(c.routes);
      new EvidenceApi(evidence, incidents, incidentVisibility, json).register(c.routes);
      new IncidentUi(incidents, evidence, references, new Templates(), new DisplayTime(config.displayZone()),
          incidentVisibility, incidentAlerts)
          .register(c.routes);
    });
  }

  private BulletinService bulletinService(Database db, IncidentService incidents,
      HumanitarianService humanitarian, LedgerService ledger) {
    BulletinSettings settings =
        BulletinSettings.fromEnvironment(config.environment());
    BulletinCompiler compiler = new BulletinCompiler(
        reports.repository(), new ReportCounts(db), incidents,
        new InvestigationRepository(db), humanitarian.repository(), references, ledger,
        settings, Clock.systemUTC());
    return new BulletinService(new BulletinRepository(db), compiler,
        settings, ledger, references, Clock.systemUTC());
  }

  /**
   * Opens the database (migrating it), starts the ledger (refusing to start when the log's tiles
   * disagree with its stored state or do not extend its last published checkpoint) and builds the
   * server; call {@link #start()} to listen.
   */
  public static TruceServer create(TruceConfig config) {
    Database db = Database.open(config.database());
    TruceServer server = null;
    try {
      server = new TruceServer(config, db);
      server.ledger.start();
      if (PartyKeyBackfill.run(new PartyKeyRepository(db))
          + ZoneDefinitionBackfill.run(server.references.zoneRepository(), Clock.systemUTC()) > 0) {
        server.ledger.signal();
      }
      server.incidents.matchUnmatched();
      server.proximity.backfillIfEmpty();
      return server;
    } catch (Exception e) {
      if (server != null) {
        server.ledger.close();
      }
      db.close();
      if (e instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException("cannot start: " + e.getMessage(), e);
    }
  }

  public TruceServer start() {
    app.start();
    humanitarian.startSweeping(Duration.ofMinutes(1));
    setup.announceIfNeeded(config.host(), app.port());
    LOG.info("log origin {}, verifier key {}", ledger.origin(), ledger.verifierKey());
    if (!config.witnesses().isEmpty()) {
      LOG.info("{} witness(es), quorum {}: {}", config.witnesses().size(), config.witnessQuorum(),
          config.witnesses().stream().map(w -> w.prefix().toString()).toList());
    }
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

  public HumanitarianService humanitarian() {
    return humanitarian;
  }

  public AuthService auth() {
    return auth;
  }

  public IncidentService incidents() {
    return incidents;
  }

  public BulletinService bulletins() {
    return bulletins;
  }

  public EvidenceService evidence() {
    return evidence;
  }

  public BoundaryService boundaries() {
    return boundaries;
  }

  public LedgerService ledger() {
    return ledger;
  }

  /** The HTTP routes registered, with their declared roles. */
  public RegisteredRoutes routes() {
    return routes;
  }

  /** Stops accepting requests, lets those in flight finish, then closes the database. */
  @Override
  public void close() {
    LOG.info("Truce stopping: refusing new requests, finishing those in flight");
    try {
      app.stop();
    } finally {
      try {
        humanitarian.close();
        witnesses.close();
        ledger.close();
      } finally {
        db.close();
      }
    }
    LOG.info("Truce stopped");
  }
}
