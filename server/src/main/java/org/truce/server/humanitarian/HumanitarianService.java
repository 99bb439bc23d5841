package org.truce.server.humanitarian;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.truce.core.humanitarian.Alert;
import org.truce.core.humanitarian.Convoy;
import org.truce.core.humanitarian.ConvoyStatus;
import org.truce.core.humanitarian.Corridor;
import org.truce.core.humanitarian.CorridorStatus;
import org.truce.core.humanitarian.Deconfliction;
import org.truce.core.humanitarian.Distances;
import org.truce.core.humanitarian.HumanitarianCanonicalForm;
import org.truce.core.humanitarian.Notification;
import org.truce.core.humanitarian.NotificationType;
import org.truce.core.humanitarian.PartyResponse;
import org.truce.core.humanitarian.NearestProtected;
import org.truce.core.humanitarian.Pause;
import org.truce.core.humanitarian.PauseBreach;
import org.truce.core.humanitarian.ReportedEvent;
import org.truce.core.humanitarian.Response;
import org.truce.core.humanitarian.Restriction;
import org.truce.core.report.Report;
import org.truce.core.validation.Errors;
import org.truce.core.validation.KnownFields;
import org.truce.core.validation.TextLimits;
import org.truce.core.validation.FieldError;
import org.truce.core.validation.ValidationException;
import org.truce.core.zone.ZoneGeometry;
import org.truce.server.http.ProblemHandlers;
import org.truce.server.ledger.LedgerEntries;
import org.truce.server.ledger.LedgerService;
import org.truce.server.reference.ReferenceData;
import org.truce.store.humanitarian.HumanitarianRepository;

/**
 * Notifications with their per-party answers and silences, pauses, corridors, convoys, and the
 * deconfliction of every stored report against them. Each change is stored with its ledger leaf
 * in one transaction; the ledger is then signalled.
 */
public final class HumanitarianService implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(HumanitarianService.class);
  private static final GeometryFactory FACTORY = new GeometryFactory();
  private static final int MAX_TEXT = 2000;
  private static final int RECHECK_BATCH = 500;
  /** Reports may be dated this far ahead (clock skew); an open-ended change concerns events until then. */
  private static final Duration REPORTS_AHEAD = Duration.ofDays(1);

  private final HumanitarianRepository repo;
  private final ReferenceData references;
  private final LedgerService ledger;
  private final HumanitarianSettings settings;
  private final Deconfliction deconfliction;
  private final Clock clock;

  public HumanitarianService(HumanitarianRepository repo, ReferenceData references, LedgerService ledger,
      HumanitarianSettings settings, Clock clock) {
    this.repo = repo;
    this.references = references;
    this.ledger = ledger;
    this.settings = settings;
    this.deconfliction = new Deconfliction(settings.deconflictionMetres());
    this.clock = clock;
  }

  private java.util.concurrent.ScheduledExecutorService sweeper;

  /**
   * Records silences every {@code period} too, so a silence reaches the ledger close to its
   * deadline even when nobody reads (reads and answers also sweep first).
   */
  public synchronized void startSweeping(Duration period) {
    if (sweeper != null) {
      return;
    }
    sweeper = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "humanitarian-silences");
      t.setDaemon(true);
      return t;
    });
    sweeper.scheduleWithFixedDelay(() -> {
      try {
        sweepSilences();
      } catch (RuntimeException e) {
        LOG.warn("recording silences failed; will retry", e);
      }
    }, period.toMillis(), period.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
  }

  @Override
  public synchronized void close() {
    if (sweeper != null) {
      sweeper.shutdownNow();
      sweeper = null;
    }
  }

  /**
   * A notified static site or a corridor was created or changed: events from {@code from} until
   * {@code to} (null = open) near {@code geometry} may now have another nearest protected thing.
   */
  public record ProtectedChange(Instant from, Instant to, Geometry geometry) {}

  private final List<java.util.function.Consumer<ProtectedChange>> protectedListeners =
      new java.util.concurrent.CopyOnWriteArrayList<>();

  /** Runs {@code listener} after each committed {@link ProtectedChange}; its failure is logged, the change stays. */
  public void onProtectedChange(java.util.function.Consumer<ProtectedChange> listener) {
    protectedListeners.add(listener);
  }

  private void changed(ProtectedChange change) {
    for (java.util.function.Consumer<ProtectedChange> l : protectedListeners) {
      try {
        l.accept(change);
      } catch (RuntimeException e) {
        LOG.error("a listener failed after a site or corridor changed; its derived data may be stale", e);
      }
    }
  }

  /** A stored change and the id of its ledger entry (the sequencer turns it into a leaf index). */
  public record Written<T>(T value, long ledgerEntryId) {}

  public HumanitarianRepository repository() {
    return repo;
  }

  public HumanitarianSettings settings() {
    return settings;
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }

  // ---------------------------------------------------------------- notifications

  /**
   * Body: type, name, location {latitude, longitude} (sites) or route (GeoJSON LineString,
   * movements), validFrom, validTo (required for movements), parties [codes],
   * acknowledgeWithinHours (optional), note (optional).
   */
  public Written<Notification> notify(JsonNode body, String organisation, String account) {
    Errors errors = new Errors();
    requireObject(body);
    KnownFields.check(body, Set.of("type", "name", "location", "route", "validFrom", "validTo", "parties",
        "acknowledgeWithinHours", "note"), "", errors);
    requireOrganisation(organisation);
    NotificationType type = null;
    String typeText = text(body, "type", errors, true);
    if (typeText != null) {
      type = NotificationType.parse(typeText).orElse(null);
      if (type == null) {
        errors.add("type", "unknown type '" + typeText + "'; one of " + codes());
      }
    }
    String name = text(body, "name", errors, true, "name", TextLimits.NAME);
    Geometry geometry = null;
    if (type != null && !type.isMovement()) {
      geometry = point(body.get("location"), "location", errors);
      if (body.has("route")) {
        errors.add("route", "a " + type.code() + " is a static site: give its location, not a route");
      }
    } else if (type != null) {
      geometry = line(body.get("route"), "route", errors);
      if (body.has("location")) {
        errors.add("location", "a " + type.code() + " is a movement: give its route, not a location");
      }
    }
    Instant from = instant(body, "validFrom", errors, true);
    Instant to = instant(body, "validTo", errors, type != null && type.isMovement());
    if (from != null && to != null && !to.isAfter(from)) {
      errors.add("validTo", "must be after validFrom");
    }
    List<String> parties = parties(body, "parties", errors, organisation);
    Integer hours = integer(body, "acknowledgeWithinHours", 1, 24 * 30, errors);
    String note = text(body, "note", errors, false);
    errors.throwIfAny();
    Instant now = now();
    int h = hours != null ? hours : type.isMovement() ? settings.movementAckHours() : settings.siteAckHours();
    Notification n = buildNotification(UUID.randomUUID(), type, name, organisation, account, geometry, from, to,
        now.plus(Duration.ofHours(h)), note, null, parties, now);
    long entry = repo.inTransaction(tx -> insertNotification(tx, n));
    ledger.signal();
    if (!type.isMovement()) {
      changed(new ProtectedChange(n.validFrom(), n.validTo(), n.geometry()));
    }
    recheck(n.validFrom(), n.validTo(), n.geometry(), deconfliction.thresholdMetres(), Targets.notification(n));
    return new Written<>(n, entry);
  }

  private Notification buildNotification(UUID id, NotificationType type, String name, String organisation,
      String account, Geometry geometry, Instant from, Instant to, Instant deadline, String note, UUID convoy,
      List<String> parties, Instant now) {
    String governorate = references.adminLocator().locate(Distances.firstPoint(geometry)).governorate();
    return new Notification(id, type, name, organisation, account, geometry, governorate, from, to,
        deadline, note, convoy, HumanitarianEntries.salt(), now,
        parties.stream().map(p -> new PartyResponse(p, Response.PENDING, null, null, null)).toList());
  }

  private long insertNotification(org.jdbi.v3.core.Handle h, Notification n) {
    repo.insertNotification(h, n);
    return HumanitarianRepository.enqueue(h, HumanitarianEntries.entry("notification.created", n.organisation(),
        n.id().toString(), n.createdAt(), HumanitarianCanonicalForm.notificationCreated(n)));
  }

  /** A party officer's answer. Body: response (acknowledged | refused), reason (required to refuse). */
  public Written<Notification> respond(UUID id, JsonNode body, String party, String account) {
    requireObject(body);
    Errors errors = new Errors();
    KnownFields.check(body, Set.of("response", "reason"), "", errors);
    String text = text(body, "response", errors, true);
    Response response = null;
    if (text != null) {
      response = switch (text.trim().toLowerCase(java.util.Locale.ROOT)) {
        case "acknowledged", "acknowledge" -> Response.ACKNOWLEDGED;
        case "refused", "refuse" -> Response.REFUSED;
        default -> null;
      };
      if (response == null) {
        errors.add("response", "must be 'acknowledged' or 'refused', got '" + text + "'");
      }
    }
    String reason = text(body, "reason", errors, response == Response.REFUSED);
    errors.throwIfAny();
    if (party == null) {
      throw ValidationException.of("party", "your account acts for no party; only a notified party's officer answers");
    }
    sweepSilences();
    Notification n = repo.notification(id).orElseThrow(() -> new ProblemHandlers.NotFound("no notification " + id));
    PartyResponse current = n.responses().stream().filter(r -> r.party().equals(party)).findFirst()
        .orElseThrow(() -> ValidationException.of("party", "notification " + id + " was not sent to " + party));
    if (current.status() == Response.ACKNOWLEDGED || current.status() == Response.REFUSED) {
      throw ValidationException.of("response", party + " already answered this notification: " + current.status().code());
    }
    Instant now = now();
    PartyResponse answer = new PartyResponse(party, response, now, account, reason, current.silentAt());
    long entry = repo.inTransaction(h -> {
      ConvoyStatus convoyStatus = n.convoyId() == null ? null : repo.lockConvoy(h, n.convoyId());
      if (!repo.respond(h, id, answer, List.of(Response.PENDING, Response.SILENT))) {
        return -1L;
      }
      long e = HumanitarianRepository.enqueue(h, HumanitarianEntries.entry("notification." + answer.status().code(), party,
          id + "/" + party, now, HumanitarianCanonicalForm.notificationResponse(id, answer)));
      if (convoyStatus == ConvoyStatus.NOTIFIED && repo.acknowledgedByAll(h, id)) {
        Convoy convoy = repo.convoy(n.convoyId()).orElseThrow();
        convoyEvent(h, convoy, "acknowledged", ConvoyStatus.ACKNOWLEDGED, now, null,
            "every notified party acknowledged", account, null);
      }
      return e;
    });
    if (entry < 0) {
      throw ValidationException.of("response", party + " has just answered this notification");
    }
    ledger.signal();
    return new Written<>(repo.notification(id).orElseThrow(), entry);
  }

  /**
   * Records as silent, each with its ledger leaf, every party that has not answered by its
   * deadline. Runs before humanitarian reads and answers, so what anyone sees is current.
   */
  public synchronized int sweepSilences() {
    Instant now = now();
    int count = 0;
    for (HumanitarianRepository.Overdue overdue : repo.overdue(now)) {
      UUID id = overdue.notification();
      String party = overdue.party();
      // silent as of the deadline it let pass, however late the sweep notices
      PartyResponse silent = new PartyResponse(party, Response.SILENT, overdue.deadline(), null,
          "no answer by the deadline", overdue.deadline());
      boolean marked = repo.inTransaction(h -> {
        if (!repo.respond(h, id, silent, List.of(Response.PENDING))) {
          return false;
        }
        HumanitarianRepository.enqueue(h, HumanitarianEntries.entry("notification.silent", party,
            id + "/" + party + "/silent", now, HumanitarianCanonicalForm.notificationResponse(id, silent)));
        return true;
      });
      count += marked ? 1 : 0;
    }
    if (count > 0) {
      ledger.signal();
    }
    return count;
  }

  // ---------------------------------------------------------------- pauses

  /**
   * Body: name, area (GeoJSON Polygon or MultiPolygon), validFrom, validTo, restrictions
   * [{code, description, distanceKm}], parties [codes named to agree].
   */
  public Written<Pause> createPause(JsonNode body, String organisation, String account) {
    requireObject(body);
    Errors errors = new Errors();
    KnownFields.check(body, Set.of("name", "area", "validFrom", "validTo", "restrictions", "parties"), "", errors);
    requireOrganisation(organisation);
    String name = text(body, "name", errors, true, "name", TextLimits.NAME);
    Geometry area = area(body.get("area"), "area", errors);
    Instant from = instant(body, "validFrom", errors, true);
    Instant to = instant(body, "validTo", errors, true);
    if (from != null && to != null && !to.isAfter(from)) {
      errors.add("validTo", "must be after validFrom");
    }
    List<Restriction> restrictions = new ArrayList<>();
    JsonNode rs = body.get("restrictions");
    if (rs == null || !rs.isArray() || rs.isEmpty()) {
      errors.add("restrictions", "is required: a list of {code, description, distanceKm}; codes " + Restriction.CODES);
    } else {
      for (int i = 0; i < rs.size(); i++) {
        JsonNode r = rs.get(i);
        String f = "restrictions[" + i + "]";
        if (!r.isObject()) {
          errors.add(f, "must be an object {code, description, distanceKm}");
          continue;
        }
        String code = text(r, "code", errors, true, f + ".code");
        if (code != null && !Restriction.CODES.contains(code)) {
          errors.add(f + ".code", "unknown restriction '" + code + "'; one of " + Restriction.CODES);
        }
        String description = text(r, "description", errors, "other".equals(code), f + ".description");
        Double km = null;
        JsonNode d = r.get("distanceKm");
        if (d != null && !d.isNull()) {
          if (!d.isNumber() || d.asDouble() <= 0 || d.asDouble() > 500) {
            errors.add(f + ".distanceKm", "must be a number of kilometres in (0, 500]");
          } else {
            km = d.asDouble();
          }
        } else if ("aircraft_standoff".equals(code)) {
          errors.add(f + ".distanceKm", "is required for aircraft_standoff (e.g. 10)");
        }
        restrictions.add(new Restriction(code, description, km));
      }
    }
    List<String> parties = parties(body, "parties", errors, null);
    errors.throwIfAny();
    Instant now = now();
    Pause p = new Pause(UUID.randomUUID(), name, organisation, account, area, from, to, List.copyOf(restrictions),
        parties.stream().map(c -> new Pause.PauseParty(c, null, null)).toList(), now);
    String salt = HumanitarianEntries.salt();
    long entry = repo.inTransaction(h -> {
      repo.insertPause(h, p, salt);
      return HumanitarianRepository.enqueue(h, HumanitarianEntries.entry("pause.created", organisation,
          p.id().toString(), now, HumanitarianCanonicalForm.pauseCreated(p, salt)));
    });
    ledger.signal();
    recheck(p.validFrom(), p.validTo(), p.area(), PauseBreach.reachMetres(p), Targets.pause(p));
    return new Written<>(p, entry);
  }

  /** A named party's officer agrees to the pause. */
  public Written<Pause> agree(UUID id, String party, String account) {
    if (party == null) {
      throw ValidationException.of("party", "your account acts for no party; only a named party's officer agrees");
    }
    Pause p = repo.pause(id).orElseThrow(() -> new ProblemHandlers.NotFound("no pause " + id));
    if (p.parties().stream().noneMatch(x -> x.party().equals(party))) {
      throw ValidationException.of("party", party + " is not named to agree to pause " + id);
    }
    Instant now = now();
    long entry = repo.inTransaction(h -> {
      if (!repo.agree(h, id, party, account, now)) {
        return -1L;
      }
      return HumanitarianRepository.enqueue(h, HumanitarianEntries.entry("pause.agreed", party, id + "/" + party, now,
          HumanitarianCanonicalForm.pauseAgreed(id, party, account, now)));
    });
    if (entry < 0) {
      throw ValidationException.of("party", party + " already agreed to this pause");
    }
    ledger.signal();
    return new Written<>(repo.pause(id).orElseThrow(), entry);
  }

  // ---------------------------------------------------------------- corridors

  /** Body: name, route (GeoJSON LineString), opensAt, closesAt (HH:MM UTC), status (default open), reason. */
  public Written<Corridor> createCorridor(JsonNode body, String organisation, String account) {
    requireObject(body);
    Errors errors = new Errors();
    KnownFields.check(body, Set.of("name", "route", "opensAt", "closesAt", "status", "reason"), "", errors);
    requireOrganisation(organisation);
    String name = text(body, "name", errors, true, "name", TextLimits.NAME);
    Geometry route = line(body.get("route"), "route", errors);
    LocalTime opens = time(body, "opensAt", errors);
    LocalTime closes = time(body, "closesAt", errors);
    CorridorStatus status = CorridorStatus.OPEN;
    String s = text(body, "status", errors, false);
    if (s != null) {
      status = CorridorStatus.parse(s).orElse(null);
      if (status == null) {
        errors.add("status", "must be open, suspended or closed");
      }
    }
    String reason = text(body, "reason", errors, status != null && status != CorridorStatus.OPEN);
    errors.throwIfAny();
    Instant now = now();
    Corridor c = new Corridor(UUID.randomUUID(), name, organisation, account, route, opens, closes, status, reason, now,
        now, List.of(new Corridor.StatusChange(status, reason, now, account)));
    String salt = HumanitarianEntries.salt();
    long entry = repo.inTransaction(h -> {
      repo.insertCorridor(h, c, salt);
      return HumanitarianRepository.enqueue(h, HumanitarianEntries.entry("corridor.created", organisation,
          c.id().toString(), now, HumanitarianCanonicalForm.corridorCreated(c, salt)));
    });
    ledger.signal();
    changed(new ProtectedChange(now, null, route));
    recheck(now, null, route, deconfliction.thresholdMetres(), Targets.corridor(c));
    return new Written<>(c, entry);
  }

  /** Body: status (open | suspended | closed), reason (required unless opening). */
  public Written<Corridor> setCorridorStatus(UUID id, JsonNode body, String party, String account) {
    requireObject(body);
    Errors errors = new Errors();
    KnownFields.check(body, Set.of("status", "reason"), "", errors);
    String s = text(body, "status", errors, true);
    CorridorStatus status = s == null ? null : CorridorStatus.parse(s).orElse(null);
    if (s != null && status == null) {
      errors.add("status", "must be open, suspended or closed");
    }
    String reason = text(body, "reason", errors, status != null && status != CorridorStatus.OPEN);
    errors.throwIfAny();
    Corridor c = repo.corridor(id).orElseThrow(() -> new ProblemHandlers.NotFound("no corridor " + id));
    Instant now = now();
    Corridor.StatusChange change = new Corridor.StatusChange(status, reason, now, account);
    String leafParty = party != null ? party : c.organisation();
    long entry = repo.inTransaction(h -> {
      repo.setCorridorStatus(h, id, change);
      return HumanitarianRepository.enqueue(h, HumanitarianEntries.entry("corridor.status", leafParty,
          id + "/" + HumanitarianEntries.suffix(), now, HumanitarianCanonicalForm.corridorStatus(id, change)));
    });
    ledger.signal();
    changed(new ProtectedChange(now, null, c.route()));
    Corridor updated = repo.corridor(id).orElseThrow();
    if (status == CorridorStatus.OPEN) {
      recheck(now, null, updated.route(), deconfliction.thresholdMetres(), Targets.corridor(updated));
    }
    return new Written<>(updated, entry);
  }

  // ---------------------------------------------------------------- convoys

  /**
   * Body: name, kind (convoy | medical_evacuation | staff_movement, default convoy), route
   * (GeoJSON LineString), windowFrom, windowTo, cargo, beneficiaries, escort {unStaff, detail},
   * parties [codes to notify].
   */
  public Written<Convoy> createConvoy(JsonNode body, String organisation, String account) {
    requireObject(body);
    Errors errors = new Errors();
    KnownFields.check(body, Set.of("name", "kind", "route", "windowFrom", "windowTo", "cargo", "beneficiaries", "escort",
        "parties"), "", errors);
    requireOrganisation(organisation);
    String name = text(body, "name", errors, true, "name", TextLimits.NAME);
    NotificationType kind = NotificationType.CONVOY;
    String k = text(body, "kind", errors, false);
    if (k != null) {
      kind = NotificationType.parse(k).filter(NotificationType::isMovement).orElse(null);
      if (kind == null) {
        errors.add("kind", "must be convoy, medical_evacuation or staff_movement");
      }
    }
    Geometry route = line(body.get("route"), "route", errors);
    Instant from = instant(body, "windowFrom", errors, true);
    Instant to = instant(body, "windowTo", errors, true);
    if (from != null && to != null && !to.isAfter(from)) {
      errors.add("windowTo", "must be after windowFrom");
    }
    String cargo = text(body, "cargo", errors, false);
    Integer beneficiaries = integer(body, "beneficiaries", 0, 10_000_000, errors);
    boolean un = false;
    String escortDetail = null;
    JsonNode escort = body.get("escort");
    if (escort != null && !escort.isNull()) {
      if (!escort.isObject()) {
        errors.add("escort", "must be an object {unStaff, detail}");
      } else {
        KnownFields.check(escort, Set.of("unStaff", "detail"), "escort.", errors);
        JsonNode u = escort.get("unStaff");
        if (u != null && !u.isBoolean()) {
          errors.add("escort.unStaff", "must be true or false");
        }
        un = u != null && u.asBoolean();
        escortDetail = text(escort, "detail", errors, false, "escort.detail");
      }
    }
    List<String> parties = parties(body, "parties", errors, organisation);
    errors.throwIfAny();
    Instant now = now();
    Convoy c = new Convoy(UUID.randomUUID(), name, kind, organisation, account, route, from, to, cargo, beneficiaries,
        un, escortDetail, parties, ConvoyStatus.REQUESTED, null, now, List.of(), List.of());
    String salt = HumanitarianEntries.salt();
    long entry = repo.inTransaction(h -> {
      repo.insertConvoy(h, c, salt);
      repo.addConvoyEvent(h, c.id(), "requested", now, null, null, account);
      return HumanitarianRepository.enqueue(h, HumanitarianEntries.entry("convoy.created", organisation,
          c.id().toString(), now, HumanitarianCanonicalForm.convoyCreated(c, salt)));
    });
    ledger.signal();
    return new Written<>(repo.convoy(c.id()).orElseThrow(), entry);
  }

  /**
   * A timeline event. Body: type (notified | departed | checkpoint | arrived | aborted), at
   * (default now), checkpoint (its name, for checkpoint), note. "notified" sends the movement
   * notification to the convoy's parties; "acknowledged" follows from their answers.
   */
  public synchronized Written<Convoy> convoyEvent(UUID id, JsonNode body, String account) {
    requireObject(body);
    Errors errors = new Errors();
    KnownFields.check(body, Set.of("type", "at", "checkpoint", "note", "acknowledgeWithinHours"), "", errors);
    String type = text(body, "type", errors, true);
    Instant at = instant(body, "at", errors, false);
    String checkpoint = text(body, "checkpoint", errors, "checkpoint".equals(type), "checkpoint", TextLimits.NAME);
    String note = text(body, "note", errors, false);
    Integer hours = integer(body, "acknowledgeWithinHours", 1, 24 * 30, errors);
    ConvoyStatus target = null;
    if (type != null) {
      switch (type) {
        case "notified" -> target = ConvoyStatus.NOTIFIED;
        case "departed" -> target = ConvoyStatus.DEPARTED;
        case "arrived" -> target = ConvoyStatus.ARRIVED;
        case "aborted" -> target = ConvoyStatus.ABORTED;
        case "checkpoint" -> target = null;
        default -> errors.add("type", "must be notified, departed, checkpoint, arrived or aborted");
      }
    }
    errors.throwIfAny();
    Convoy c = repo.convoy(id).orElseThrow(() -> new ProblemHandlers.NotFound("no convoy " + id));
    Instant now = now();
    Instant when = at == null ? now : at;
    if (when.isAfter(now.plus(Duration.ofMinutes(5)))) {
      throw ValidationException.of("at", "is in the future");
    }
    Convoy.Event last = c.lastMovementEvent();
    if (last != null && when.isBefore(last.at())) {
      throw ValidationException.of("at", "must not be before the convoy's " + last.type() + " event at " + last.at()
          + ": a convoy's timeline runs forward");
    }
    if (type.equals("checkpoint") && c.status() != ConvoyStatus.DEPARTED) {
      throw ValidationException.of("type", "a checkpoint is passed in transit; the convoy is " + c.status().code());
    }
    if (target != null && !ConvoyStatus.from(target).contains(c.status())) {
      throw ValidationException.of("type", "a " + c.status().code() + " convoy cannot become " + target.code()
          + "; allowed from " + ConvoyStatus.from(target).stream().map(ConvoyStatus::code).sorted().toList());
    }
    Notification notification = null;
    if (target == ConvoyStatus.NOTIFIED) {
      int h = hours != null ? hours : settings.movementAckHours();
      notification = buildNotification(UUID.randomUUID(), c.kind(), c.name(), c.organisation(), account, c.route(),
          c.windowFrom(), c.windowTo(), now.plus(Duration.ofHours(h)), note, c.id(), c.parties(), now);
    }
    ConvoyStatus next = target == null ? c.status() : target;
    Notification sent = notification;
    long entry = repo.inTransaction(h -> {
      if (sent != null) {
        insertNotification(h, sent);
      }
      return convoyEvent(h, c, type, next, when, checkpoint, note, account, sent == null ? null : sent.id());
    });
    ledger.signal();
    Convoy updated = repo.convoy(id).orElseThrow();
    if (target == ConvoyStatus.DEPARTED) {
      recheck(when, null, updated.route(), deconfliction.thresholdMetres(), Targets.convoy(updated));
    }
    return new Written<>(updated, entry);
  }

  private long convoyEvent(org.jdbi.v3.core.Handle h, Convoy c, String type, ConvoyStatus status, Instant at,
      String checkpoint, String note, String account, UUID notification) {
    if (status != c.status() || notification != null) {
      repo.setConvoyStatus(h, c.id(), status, notification);
    }
    int seq = repo.addConvoyEvent(h, c.id(), type, at, checkpoint, note, account);
    Convoy.Event e = new Convoy.Event(seq, type, at, checkpoint, note, account);
    return HumanitarianRepository.enqueue(h, HumanitarianEntries.entry("convoy.status", c.organisation(),
        c.id() + "/e" + seq, now(), HumanitarianCanonicalForm.convoyEvent(c.id(), e, status.code())));
  }

  /** Links a report to a convoy by hand. Body: reportId. */
  public Written<Convoy> linkReport(UUID id, JsonNode body, String account) {
    requireObject(body);
    Errors errors = new Errors();
    KnownFields.check(body, Set.of("reportId"), "", errors);
    String r = text(body, "reportId", errors, true);
    UUID report = null;
    if (r != null) {
      try {
        report = UUID.fromString(r);
      } catch (IllegalArgumentException e) {
        errors.add("reportId", "must be a report id (UUID)");
      }
    }
    errors.throwIfAny();
    Convoy c = repo.convoy(id).orElseThrow(() -> new ProblemHandlers.NotFound("no convoy " + id));
    if (!repo.reportExists(report)) {
      throw ValidationException.of("reportId", "no report " + report);
    }
    Convoy.LinkedReport link = new Convoy.LinkedReport(report, now(), account, "manual");
    long entry = repo.inTransaction(h -> link(h, c, link));
    if (entry < 0) {
      throw ValidationException.of("reportId", "report " + report + " is already linked to this convoy");
    }
    ledger.signal();
    return new Written<>(repo.convoy(id).orElseThrow(), entry);
  }

  /** Links and ledgers; the entry id, or -1 when the report was linked already. */
  private long link(org.jdbi.v3.core.Handle h, Convoy c, Convoy.LinkedReport link) {
    if (!repo.linkReport(h, c.id(), link)) {
      return -1L;
    }
    return HumanitarianRepository.enqueue(h, HumanitarianEntries.entry("convoy.report_linked", LedgerEntries.MONITOR_PARTY,
        c.id() + "/" + HumanitarianEntries.suffix(), link.linkedAt(),
        HumanitarianCanonicalForm.convoyReportLinked(c.id(), link)));
  }

  // ---------------------------------------------------------------- deconfliction

  /**
   * Flags stored reports against notified sites and movements, pauses, corridors and convoys in
   * transit; each new flag is an alert (with its ledger leaf) and a convoy's also links the report
   * to it. Called after reports are stored; never throws (the reports are already committed).
   */
  public void deconflict(List<Report> reports) {
    if (reports.isEmpty()) {
      return;
    }
    try {
      List<ReportedEvent> events = reports.stream().map(ReportedEvent::of).toList();
      Instant first = events.stream().map(ReportedEvent::at).min(Instant::compareTo).orElseThrow();
      Instant last = events.stream().map(ReportedEvent::at).max(Instant::compareTo).orElseThrow();
      Targets targets = new Targets(repo.notificationsOverlapping(first, last), repo.pausesOverlapping(first, last),
          repo.allCorridors(), repo.convoysInTransitDuring(first, last));
      if (targets.isEmpty()) {
        return;
      }
      int raised = raise(events, targets);
      if (raised > 0) {
        LOG.info("deconfliction: {} alert(s) raised for {} report(s)", raised, reports.size());
      }
    } catch (RuntimeException e) {
      LOG.error("deconfliction failed for {} report(s); the reports are stored, alerts may be missing", reports.size(), e);
    }
  }

  /** The protected things reports are measured against. */
  private record Targets(List<Notification> notifications, List<Pause> pauses, List<Corridor> corridors,
      List<Convoy> convoys) {
    static Targets notification(Notification n) {
      return new Targets(List.of(n), List.of(), List.of(), List.of());
    }

    static Targets pause(Pause p) {
      return new Targets(List.of(), List.of(p), List.of(), List.of());
    }

    static Targets corridor(Corridor c) {
      return new Targets(List.of(), List.of(), List.of(c), List.of());
    }

    static Targets convoy(Convoy c) {
      return new Targets(List.of(), List.of(), List.of(), List.of(c));
    }

    boolean isEmpty() {
      return notifications.isEmpty() && pauses.isEmpty() && corridors.isEmpty() && convoys.isEmpty();
    }
  }

  /**
   * Deconflicts the reports already stored whose event lies in [from, to) ({@code to} null: until
   * a day ahead, as far as a report may be dated) within {@code widenMetres} of {@code near}'s box
   * against a protected thing just created or changed, so a site notified after a strike on it is
   * flagged as one notified before. Alerts already raised are not raised again. Never throws: the
   * change is committed.
   */
  private void recheck(Instant from, Instant to, Geometry near, double widenMetres, Targets targets) {
    try {
      Instant until = to != null ? to : now().plus(REPORTS_AHEAD);
      Envelope box = NearestProtected.searchBox(near.getEnvelopeInternal(), widenMetres);
      List<ReportedEvent> batch = new ArrayList<>();
      int[] raised = {0};
      repo.forEachReportedWithin(from, until, box, event -> {
        batch.add(event);
        if (batch.size() >= RECHECK_BATCH) {
          raised[0] += raise(batch, targets);
          batch.clear();
        }
      });
      raised[0] += raise(batch, targets);
      if (raised[0] > 0) {
        LOG.info("deconfliction: {} alert(s) raised for reports stored before a change", raised[0]);
      }
    } catch (RuntimeException e) {
      LOG.error("deconfliction of stored reports after a change failed; alerts may be missing", e);
    }
  }

  /** Stores an alert (with its leaf) for each new hit, linking convoy hits; returns how many were new. */
  private int raise(List<ReportedEvent> events, Targets targets) {
    Map<UUID, Convoy> convoys = new java.util.HashMap<>();
    targets.convoys().forEach(c -> convoys.put(c.id(), c));
    int raised = 0;
    for (ReportedEvent event : events) {
      for (Deconfliction.Hit hit : deconfliction.check(event, targets.notifications(), targets.pauses(),
          targets.corridors(), targets.convoys())) {
        Instant now = now();
        Alert alert = new Alert(UUID.randomUUID(), event.reportId(), hit.targetType(), hit.targetId(), hit.targetName(),
            hit.organisation(), hit.distanceMetres(), event.category() + " report " + hit.reason(), event.at(), now);
        try {
          boolean stored = repo.inTransaction(h -> {
            if (!repo.insertAlert(h, alert)) {
              return false;
            }
            HumanitarianRepository.enqueue(h, HumanitarianEntries.entry("alert.raised", LedgerEntries.MONITOR_PARTY,
                alert.id().toString(), now, HumanitarianCanonicalForm.alertRaised(alert)));
            if (hit.targetType().equals("convoy")) {
              link(h, convoys.get(hit.targetId()), new Convoy.LinkedReport(event.reportId(), now, "deconfliction", "auto"));
            }
            return true;
          });
          raised += stored ? 1 : 0;
        } catch (org.jdbi.v3.core.statement.StatementException e) {
          // the same alert raised at once by a report's storing and a change's re-check: the unique key keeps one
          LOG.warn("alert for report {} and {} {} not stored: {}", event.reportId(), hit.targetType(), hit.targetId(),
              e.getMessage());
        }
      }
    }
    if (raised > 0) {
      ledger.signal();
    }
    return raised;
  }

  public List<Alert> alerts(String organisation, String targetType, UUID targetId, UUID reportId, int limit) {
    return repo.alerts(organisation, targetType, targetId, reportId, limit);
  }

  // ---------------------------------------------------------------- parsing helpers

  private static String codes() {
    return java.util.Arrays.stream(NotificationType.values()).map(NotificationType::code).toList().toString();
  }

  private static void requireObject(JsonNode body) {
    if (body == null || !body.isObject()) {
      throw ValidationException.of("body", "must be a JSON object");
    }
  }

  private static void requireOrganisation(String organisation) {
    if (organisation == null) {
      throw ValidationException.of("organisation", "your account belongs to no organisation (party); ask an admin to set one");
    }
  }


  private static String text(JsonNode body, String field, Errors errors, boolean required) {
    return text(body, field, errors, required, field);
  }

  private static String text(JsonNode body, String field, Errors errors, boolean required, String name) {
    return text(body, field, errors, required, name, MAX_TEXT);
  }

  private static String text(JsonNode body, String field, Errors errors, boolean required, String name, int max) {
    JsonNode n = body.get(field);
    if (n == null || n.isNull() || (n.isTextual() && n.asText().isBlank())) {
      if (required) {
        errors.add(name, "is required");
      }
      return null;
    }
    if (!n.isTextual()) {
      errors.add(name, "must be a string");
      return null;
    }
    if (!TextLimits.fits(n.asText(), max)) {
      errors.add(name, "is longer than " + max + " characters");
      return null;
    }
    return n.asText().strip();
  }

  private static Instant instant(JsonNode body, String field, Errors errors, boolean required) {
    String t = text(body, field, errors, required);
    if (t == null) {
      return null;
    }
    try {
      return java.time.OffsetDateTime.parse(t).toInstant().truncatedTo(ChronoUnit.MILLIS);
    } catch (DateTimeParseException e) {
      errors.add(field, "must be an ISO 8601 instant with offset, e.g. 2016-10-20T08:00:00Z; got '" + t + "'");
      return null;
    }
  }

  private static LocalTime time(JsonNode body, String field, Errors errors) {
    String t = text(body, field, errors, true);
    if (t == null) {
      return null;
    }
    if (!t.matches("\\d{2}:\\d{2}")) {
      errors.add(field, "must be HH:MM (UTC), got '" + t + "'");
      return null;
    }
    try {
      return LocalTime.parse(t);
    } catch (DateTimeParseException e) {
      errors.add(field, "must be HH:MM (UTC), got '" + t + "'");
      return null;
    }
  }

  private static Integer integer(JsonNode body, String field, int min, int max, Errors errors) {
    JsonNode n = body.get(field);
    if (n == null || n.isNull()) {
      return null;
    }
    if (!n.isIntegralNumber() || n.asLong() < min || n.asLong() > max) {
      errors.add(field, "must be a whole number from " + min + " to " + max);
      return null;
    }
    return n.asInt();
  }

  private List<String> parties(JsonNode body, String field, Errors errors, String organisation) {
    JsonNode n = body.get(field);
    if (n == null || !n.isArray() || n.isEmpty()) {
      errors.add(field, "is required: the codes of the parties named for the area, e.g. [\"RUS\", \"TUR\"]");
      return List.of();
    }
    Set<String> out = new LinkedHashSet<>();
    for (int i = 0; i < n.size(); i++) {
      JsonNode p = n.get(i);
      if (!p.isTextual() || references.party(p.asText()).isEmpty()) {
        errors.add(field + "[" + i + "]", "unknown party " + p);
      } else if (p.asText().equals(organisation)) {
        errors.add(field + "[" + i + "]", "the notifying organisation does not notify itself");
      } else if (!out.add(p.asText())) {
        errors.add(field + "[" + i + "]", "party " + p.asText() + " is named twice");
      }
    }
    return List.copyOf(out);
  }

  private static Geometry point(JsonNode n, String field, Errors errors) {
    if (n == null || !n.isObject()) {
      errors.add(field, "is required: {\"latitude\": .., \"longitude\": ..}");
      return null;
    }
    JsonNode lat = n.get("latitude");
    JsonNode lon = n.get("longitude");
    if (lat == null || !lat.isNumber() || Math.abs(lat.asDouble()) > 90) {
      errors.add(field + ".latitude", "must be a number from -90 to 90");
      return null;
    }
    if (lon == null || !lon.isNumber() || Math.abs(lon.asDouble()) > 180) {
      errors.add(field + ".longitude", "must be a number from -180 to 180");
      return null;
    }
    return FACTORY.createPoint(new Coordinate(lon.asDouble(), lat.asDouble()));
  }

  private static Geometry line(JsonNode n, String field, Errors errors) {
    Geometry g = geoJson(n, field, errors, "a GeoJSON LineString");
    if (g != null && g.getDimension() != 1) {
      errors.add(field, "must be a GeoJSON LineString or MultiLineString, got " + g.getGeometryType());
      return null;
    }
    return g;
  }

  private static Geometry area(JsonNode n, String field, Errors errors) {
    Geometry g = geoJson(n, field, errors, "a GeoJSON Polygon");
    if (g != null && g.getDimension() != 2) {
      errors.add(field, "must be a GeoJSON Polygon or MultiPolygon, got " + g.getGeometryType());
      return null;
    }
    return g;
  }

  private static Geometry geoJson(JsonNode n, String field, Errors errors, String what) {
    if (n == null || !n.isObject()) {
      errors.add(field, "is required: " + what);
      return null;
    }
    try {
      return ZoneGeometry.levant().parse(n.toString());
    } catch (ValidationException e) {
      for (FieldError fe : e.errors()) {
        errors.add(field, fe.reason());
      }
      return null;
    }
  }

  /** Optional helper for pages: the convoy's movement notification, if sent. */
  public Optional<Notification> notificationOf(Convoy c) {
    return c.notificationId() == null ? Optional.empty() : repo.notification(c.notificationId());
  }
}
