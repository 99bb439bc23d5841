package org.truce.store.humanitarian;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.truce.core.geo.GeoPoint;
import org.truce.core.humanitarian.Alert;
import org.truce.core.humanitarian.Convoy;
import org.truce.core.humanitarian.ConvoyStatus;
import org.truce.core.humanitarian.Corridor;
import org.truce.core.humanitarian.CorridorStatus;
import org.truce.core.humanitarian.HumanitarianCanonicalForm;
import org.truce.core.humanitarian.Notification;
import org.truce.core.humanitarian.NotificationType;
import org.truce.core.humanitarian.PartyResponse;
import org.truce.core.humanitarian.Pause;
import org.truce.core.humanitarian.ReportedEvent;
import org.truce.core.humanitarian.Response;
import org.truce.core.humanitarian.Restriction;
import org.truce.store.db.Database;
import org.truce.store.ledger.LedgerQueue;
import org.truce.store.ledger.PendingEntry;

/**
 * Humanitarian records. Writes take the caller's {@link Handle} so a service can put a record,
 * its ledger entry and any follow-on change (a convoy acknowledged by all) in one transaction
 * opened with {@link #inTransaction}; reads open their own.
 */
public final class HumanitarianRepository {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int LIST_LIMIT = 1000;
  private final Database db;

  public HumanitarianRepository(Database db) {
    this.db = db;
  }

  public <T> T inTransaction(Function<Handle, T> work) {
    return db.jdbi().inTransaction(work::apply);
  }

  public static long enqueue(Handle h, PendingEntry entry) {
    return LedgerQueue.enqueue(h, entry);
  }

  // ---- notifications

  public void insertNotification(Handle h, Notification n) {
    h.createUpdate("INSERT INTO hum_notification (id, type, name, organisation, notified_by, geometry_wkt, governorate,"
            + " valid_from, valid_to, acknowledge_by, note, convoy_id, salt, created_at) VALUES (:id, :type, :name, :org,"
            + " :by, :wkt, :gov, :from, :to, :ackBy, :note, CAST(:convoy AS UUID), :salt, :created)")
        .bind("id", n.id()).bind("type", n.type().name()).bind("name", n.name()).bind("org", n.organisation())
        .bind("by", n.notifiedBy()).bind("wkt", HumanitarianCanonicalForm.wkt(n.geometry()))
        .bind("gov", n.governorate()).bind("from", ts(n.validFrom())).bind("to", ts(n.validTo()))
        .bind("ackBy", ts(n.acknowledgeBy())).bind("note", n.note()).bindByType("convoy", n.convoyId(), UUID.class)
        .bind("salt", n.salt()).bind("created", ts(n.createdAt())).execute();
    for (PartyResponse r : n.responses()) {
      h.createUpdate("INSERT INTO hum_notification_party (notification_id, party_code, status) VALUES (:n, :p, :s)")
          .bind("n", n.id()).bind("p", r.party()).bind("s", r.status().name()).execute();
    }
  }

  /**
   * Records a party's answer (or silence) when its current state is one of {@code from}; false
   * when it is not (already answered, or not a notified party). A silence also sets
   * {@code silent_at}, which a later answer leaves in place.
   */
  public boolean respond(Handle h, UUID notification, PartyResponse r, List<Response> from) {
    String silence = r.status() == Response.SILENT ? ", silent_at = :at" : "";
    return h.createUpdate("UPDATE hum_notification_party SET status = :s, responded_at = :at, responded_by = :by,"
            + " reason = :reason" + silence + " WHERE notification_id = :n AND party_code = :p AND status IN (<from>)")
        .bind("s", r.status().name()).bind("at", ts(r.at())).bind("by", r.by()).bind("reason", r.reason())
        .bind("n", notification).bind("p", r.party())
        .bindList("from", from.stream().map(Response::name).toList()).execute() == 1;
  }

  public Optional<Notification> notification(UUID id) {
    return notifications("WHERE n.id = :id", Map.of("id", id)).stream().findFirst();
  }

  public List<Notification> notifications() {
    return notifications("", Map.of());
  }

  /** Notifications whose window overlaps [from, to] (for deconflicting events in that span); not capped. */
  public List<Notification> notificationsOverlapping(Instant from, Instant to) {
    return notifications("WHERE n.valid_from <= :to AND (n.valid_to IS NULL OR n.valid_to > :from)",
        Map.of("from", ts(from), "to", ts(to)), Integer.MAX_VALUE);
  }

  /** Notifications sent to {@code party} that it has not answered (pending or silent). */
  public List<Notification> unansweredBy(String party) {
    return notifications("WHERE EXISTS (SELECT 1 FROM hum_notification_party q WHERE q.notification_id = n.id"
        + " AND q.party_code = :party AND q.status IN ('PENDING', 'SILENT'))", Map.of("party", party));
  }

  /** A party's answer still pending after the notification's deadline. */
  public record Overdue(UUID notification, String party, Instant deadline) {}

  public List<Overdue> overdue(Instant now) {
    return db.jdbi().withHandle(h -> h.createQuery("SELECT q.notification_id, q.party_code, n.acknowledge_by"
            + " FROM hum_notification_party q JOIN hum_notification n ON n.id = q.notification_id"
            + " WHERE q.status = 'PENDING' AND n.acknowledge_by <= :now")
        .bind("now", ts(now))
        .map((rs, ctx) -> new Overdue(rs.getObject(1, UUID.class), rs.getString(2), instant(rs, "acknowledge_by")))
        .list());
  }

  private List<Notification> notifications(String where, Map<String, Object> binds) {
    return notifications(where, binds, LIST_LIMIT);
  }

  private List<Notification> notifications(String where, Map<String, Object> binds, int limit) {
    return db.jdbi().withHandle(h -> {
      var q = h.createQuery("SELECT n.* FROM hum_notification n " + where + " ORDER BY n.created_at DESC, n.id"
          + (limit == Integer.MAX_VALUE ? "" : " FETCH FIRST " + limit + " ROWS ONLY"));
      binds.forEach(q::bind);
      List<Notification> rows = q.map((rs, ctx) -> notificationRow(rs)).list();
      if (rows.isEmpty()) {
        return rows;
      }
      Map<UUID, List<PartyResponse>> responses = new LinkedHashMap<>();
      h.createQuery("SELECT * FROM hum_notification_party WHERE notification_id IN (<ids>) ORDER BY party_code")
          .bindList("ids", rows.stream().map(Notification::id).toList())
          .map((rs, ctx) -> Map.entry(rs.getObject("notification_id", UUID.class), new PartyResponse(
              rs.getString("party_code"), Response.valueOf(rs.getString("status")), instant(rs, "responded_at"),
              rs.getString("responded_by"), rs.getString("reason"), instant(rs, "silent_at"))))
          .forEach(e -> responses.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
      return rows.stream().map(n -> new Notification(n.id(), n.type(), n.name(), n.organisation(), n.notifiedBy(),
          n.geometry(), n.governorate(), n.validFrom(), n.validTo(), n.acknowledgeBy(), n.note(), n.convoyId(), n.salt(),
          n.createdAt(), List.copyOf(responses.getOrDefault(n.id(), List.of())))).toList();
    });
  }

  private static Notification notificationRow(ResultSet rs) throws SQLException {
    return new Notification(rs.getObject("id", UUID.class), NotificationType.valueOf(rs.getString("type")),
        rs.getString("name"), rs.getString("organisation"), rs.getString("notified_by"),
        geometry(rs.getString("geometry_wkt")), rs.getString("governorate"), instant(rs, "valid_from"),
        instant(rs, "valid_to"), instant(rs, "acknowledge_by"), rs.getString("note"),
        rs.getObject("convoy_id", UUID.class), rs.getString("salt"), instant(rs, "created_at"), List.of());
  }

  // ---- pauses

  public void insertPause(Handle h, Pause p, String salt) {
    ArrayNode rs = JSON.createArrayNode();
    for (Restriction r : p.restrictions()) {
      var o = rs.addObject();
      o.put("code", r.code());
      o.put("description", r.description());
      o.put("distanceKm", r.distanceKm());
    }
    h.createUpdate("INSERT INTO hum_pause (id, name, organisation, requested_by, area_wkt, valid_from, valid_to,"
            + " restrictions_json, salt, created_at) VALUES (:id, :name, :org, :by, :wkt, :from, :to, :rs, :salt, :created)")
        .bind("id", p.id()).bind("name", p.name()).bind("org", p.organisation()).bind("by", p.requestedBy())
        .bind("wkt", HumanitarianCanonicalForm.wkt(p.area())).bind("from", ts(p.validFrom()))
        .bind("to", ts(p.validTo())).bind("rs", rs.toString()).bind("salt", salt)
        .bind("created", ts(p.createdAt())).execute();
    for (Pause.PauseParty party : p.parties()) {
      h.createUpdate("INSERT INTO hum_pause_party (pause_id, party_code) VALUES (:p, :c)")
          .bind("p", p.id()).bind("c", party.party()).execute();
    }
  }

  /** Records a named party's agreement; false when it is not named or already agreed. */
  public boolean agree(Handle h, UUID pause, String party, String by, Instant at) {
    return h.createUpdate("UPDATE hum_pause_party SET agreed_at = :at, agreed_by = :by WHERE pause_id = :p"
            + " AND party_code = :c AND agreed_at IS NULL")
        .bind("at", ts(at)).bind("by", by).bind("p", pause).bind("c", party).execute() == 1;
  }

  public Optional<Pause> pause(UUID id) {
    return pauses("WHERE p.id = :id", Map.of("id", id)).stream().findFirst();
  }

  public List<Pause> pauses() {
    return pauses("", Map.of());
  }

  /** Pauses whose window overlaps [from, to]; not capped. */
  public List<Pause> pausesOverlapping(Instant from, Instant to) {
    return pauses("WHERE p.valid_from <= :to AND p.valid_to > :from", Map.of("from", ts(from), "to", ts(to)),
        Integer.MAX_VALUE);
  }

  private List<Pause> pauses(String where, Map<String, Object> binds) {
    return pauses(where, binds, LIST_LIMIT);
  }

  private List<Pause> pauses(String where, Map<String, Object> binds, int limit) {
    return db.jdbi().withHandle(h -> {
      var q = h.createQuery("SELECT p.* FROM hum_pause p " + where + " ORDER BY p.valid_from DESC, p.id"
          + (limit == Integer.MAX_VALUE ? "" : " FETCH FIRST " + limit + " ROWS ONLY"));
      binds.forEach(q::bind);
      List<Pause> rows = q.map((rs, ctx) -> new Pause(rs.getObject("id", UUID.class), rs.getString("name"),
          rs.getString("organisation"), rs.getString("requested_by"), geometry(rs.getString("area_wkt")),
          instant(rs, "valid_from"), instant(rs, "valid_to"), restrictions(rs.getString("restrictions_json")),
          List.of(), instant(rs, "created_at"))).list();
      if (rows.isEmpty()) {
        return rows;
      }
      Map<UUID, List<Pause.PauseParty>> parties = new LinkedHashMap<>();
      h.createQuery("SELECT * FROM hum_pause_party WHERE pause_id IN (<ids>) ORDER BY party_code")
          .bindList("ids", rows.stream().map(Pause::id).toList())
          .map((rs, ctx) -> Map.entry(rs.getObject("pause_id", UUID.class), new Pause.PauseParty(
              rs.getString("party_code"), instant(rs, "agreed_at"), rs.getString("agreed_by"))))
          .forEach(e -> parties.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
      return rows.stream().map(p -> new Pause(p.id(), p.name(), p.organisation(), p.requestedBy(), p.area(),
          p.validFrom(), p.validTo(), p.restrictions(), List.copyOf(parties.getOrDefault(p.id(), List.of())),
          p.createdAt())).toList();
    });
  }

  /** A pause's restrictions as stored in {@code restrictions_json}: [{code, description, distanceKm}]. */
  public static List<Restriction> restrictions(String json) {
    try {
      List<Restriction> out = new ArrayList<>();
      for (JsonNode r : JSON.readTree(json)) {
        out.add(new Restriction(r.path("code").asText(), r.path("description").isNull() ? null : r.path("description").asText(),
            r.path("distanceKm").isNumber() ? r.path("distanceKm").asDouble() : null));
      }
      return List.copyOf(out);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("stored pause restrictions are not JSON", e);
    }
  }

  // ---- corridors

  public void insertCorridor(Handle h, Corridor c, String salt) {
    h.createUpdate("INSERT INTO hum_corridor (id, name, organisation, created_by, route_wkt, opens_at, closes_at, status,"
            + " status_reason, status_at, salt, created_at) VALUES (:id, :name, :org, :by, :wkt, :opens, :closes, :status,"
            + " :reason, :at, :salt, :created)")
        .bind("id", c.id()).bind("name", c.name()).bind("org", c.organisation()).bind("by", c.createdBy())
        .bind("wkt", HumanitarianCanonicalForm.wkt(c.route())).bind("opens", c.opensAt().toString())
        .bind("closes", c.closesAt().toString()).bind("status", c.status().name()).bind("reason", c.statusReason())
        .bind("at", ts(c.statusAt())).bind("salt", salt).bind("created", ts(c.createdAt())).execute();
    insertStatus(h, c.id(), new Corridor.StatusChange(c.status(), c.statusReason(), c.statusAt(), c.createdBy()));
  }

  public void setCorridorStatus(Handle h, UUID id, Corridor.StatusChange s) {
    h.createUpdate("UPDATE hum_corridor SET status = :s, status_reason = :r, status_at = :at WHERE id = :id")
        .bind("s", s.status().name()).bind("r", s.reason()).bind("at", ts(s.at())).bind("id", id).execute();
    insertStatus(h, id, s);
  }

  private static void insertStatus(Handle h, UUID id, Corridor.StatusChange s) {
    h.createUpdate("INSERT INTO hum_corridor_status (corridor_id, status, reason, at, changed_by) VALUES (:c, :s, :r, :at, :by)")
        .bind("c", id).bind("s", s.status().name()).bind("r", s.reason()).bind("at", ts(s.at())).bind("by", s.by())
        .execute();
  }

  public Optional<Corridor> corridor(UUID id) {
    return corridors("WHERE c.id = :id", Map.of("id", id)).stream().findFirst();
  }

  public List<Corridor> corridors() {
    return corridors("", Map.of());
  }

  /** Every corridor, not capped: for measuring events against all of them. */
  public List<Corridor> allCorridors() {
    return corridors("", Map.of(), Integer.MAX_VALUE);
  }

  private List<Corridor> corridors(String where, Map<String, Object> binds) {
    return corridors(where, binds, LIST_LIMIT);
  }

  private List<Corridor> corridors(String where, Map<String, Object> binds, int limit) {
    return db.jdbi().withHandle(h -> {
      var q = h.createQuery("SELECT c.* FROM hum_corridor c " + where + " ORDER BY c.created_at DESC, c.id"
          + (limit == Integer.MAX_VALUE ? "" : " FETCH FIRST " + limit + " ROWS ONLY"));
      binds.forEach(q::bind);
      List<Corridor> rows = q.map((rs, ctx) -> new Corridor(rs.getObject("id", UUID.class), rs.getString("name"),
          rs.getString("organisation"), rs.getString("created_by"), geometry(rs.getString("route_wkt")),
          LocalTime.parse(rs.getString("opens_at")), LocalTime.parse(rs.getString("closes_at")),
          CorridorStatus.valueOf(rs.getString("status")), rs.getString("status_reason"), instant(rs, "status_at"),
          instant(rs, "created_at"), List.of())).list();
      if (rows.isEmpty()) {
        return rows;
      }
      Map<UUID, List<Corridor.StatusChange>> history = new LinkedHashMap<>();
      h.createQuery("SELECT * FROM hum_corridor_status WHERE corridor_id IN (<ids>) ORDER BY id")
          .bindList("ids", rows.stream().map(Corridor::id).toList())
          .map((rs, ctx) -> Map.entry(rs.getObject("corridor_id", UUID.class), new Corridor.StatusChange(
              CorridorStatus.valueOf(rs.getString("status")), rs.getString("reason"), instant(rs, "at"),
              rs.getString("changed_by"))))
          .forEach(e -> history.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
      return rows.stream().map(c -> new Corridor(c.id(), c.name(), c.organisation(), c.createdBy(), c.route(),
          c.opensAt(), c.closesAt(), c.status(), c.statusReason(), c.statusAt(), c.createdAt(),
          List.copyOf(history.getOrDefault(c.id(), List.of())))).toList();
    });
  }

  // ---- convoys

  public void insertConvoy(Handle h, Convoy c, String salt) {
    h.createUpdate("INSERT INTO hum_convoy (id, name, kind, organisation, requested_by, route_wkt, window_from, window_to,"
            + " cargo, beneficiaries, un_escort, escort_detail, parties, status, salt, created_at) VALUES (:id, :name,"
            + " :kind, :org, :by, :wkt, :from, :to, :cargo, :ben, :un, :escort, :parties, :status, :salt, :created)")
        .bind("id", c.id()).bind("name", c.name()).bind("kind", c.kind().name()).bind("org", c.organisation())
        .bind("by", c.requestedBy()).bind("wkt", HumanitarianCanonicalForm.wkt(c.route()))
        .bind("from", ts(c.windowFrom())).bind("to", ts(c.windowTo())).bind("cargo", c.cargo())
        .bindByType("ben", c.beneficiaries(), Integer.class).bind("un", c.unEscort()).bind("escort", c.escortDetail())
        .bind("parties", String.join(",", c.parties())).bind("status", c.status().name()).bind("salt", salt)
        .bind("created", ts(c.createdAt())).execute();
  }

  /**
   * Locks the convoy's row for the rest of the transaction and returns its status, so answers
   * arriving at once (on any node) decide "acknowledged by all" one after the other.
   */
  public ConvoyStatus lockConvoy(Handle h, UUID id) {
    return ConvoyStatus.valueOf(h.createQuery("SELECT status FROM hum_convoy WHERE id = :id FOR UPDATE")
        .bind("id", id).mapTo(String.class).one());
  }

  /** Whether every notified party has acknowledged, as seen inside the caller's transaction. */
  public boolean acknowledgedByAll(Handle h, UUID notification) {
    return h.createQuery("SELECT COUNT(*) FROM hum_notification_party WHERE notification_id = :n AND status <> 'ACKNOWLEDGED'")
        .bind("n", notification).mapTo(Integer.class).one() == 0;
  }

  public void setConvoyStatus(Handle h, UUID id, ConvoyStatus status, UUID notification) {
    h.createUpdate("UPDATE hum_convoy SET status = :s, notification_id = COALESCE(CAST(:n AS UUID), notification_id) WHERE id = :id")
        .bind("s", status.name()).bindByType("n", notification, UUID.class).bind("id", id).execute();
  }

  /** Appends a timeline event with the next sequence number, which it returns. */
  public int addConvoyEvent(Handle h, UUID convoy, String type, Instant at, String checkpoint, String note, String by) {
    int seq = h.createQuery("SELECT COALESCE(MAX(seq), 0) + 1 FROM hum_convoy_event WHERE convoy_id = :c")
        .bind("c", convoy).mapTo(Integer.class).one();
    h.createUpdate("INSERT INTO hum_convoy_event (convoy_id, seq, type, at, checkpoint, note, by_account)"
            + " VALUES (:c, :seq, :type, :at, :cp, :note, :by)")
        .bind("c", convoy).bind("seq", seq).bind("type", type).bind("at", ts(at)).bind("cp", checkpoint)
        .bind("note", note).bind("by", by).execute();
    return seq;
  }

  /** Links a report; false when it was linked already. */
  public boolean linkReport(Handle h, UUID convoy, Convoy.LinkedReport r) {
    boolean exists = h.createQuery("SELECT COUNT(*) FROM hum_convoy_report WHERE convoy_id = :c AND report_id = :r")
        .bind("c", convoy).bind("r", r.reportId()).mapTo(Integer.class).one() > 0;
    if (exists) {
      return false;
    }
    h.createUpdate("INSERT INTO hum_convoy_report (convoy_id, report_id, linked_at, linked_by, how)"
            + " VALUES (:c, :r, :at, :by, :how)")
        .bind("c", convoy).bind("r", r.reportId()).bind("at", ts(r.linkedAt())).bind("by", r.linkedBy())
        .bind("how", r.how()).execute();
    return true;
  }

  /**
   * Streams the stored reports whose event lies in [from, to) inside {@code box} (longitude x,
   * latitude y), by the index on the event time: what a protected thing created or changed after
   * them may concern.
   */
  public void forEachReportedWithin(Instant from, Instant to, Envelope box, Consumer<ReportedEvent> consumer) {
    db.jdbi().useHandle(h -> h.createQuery("SELECT id, latitude, longitude, occurred_at, category, loc_distance_km FROM report"
            + " WHERE occurred_at >= :from AND occurred_at < :to AND longitude BETWEEN :w AND :e"
            + " AND latitude BETWEEN :s AND :n ORDER BY occurred_at, id")
        .bind("from", ts(from)).bind("to", ts(to)).bind("w", box.getMinX()).bind("e", box.getMaxX())
        .bind("s", box.getMinY()).bind("n", box.getMaxY()).setFetchSize(1000)
        .map((rs, ctx) -> new ReportedEvent(rs.getObject("id", UUID.class),
            new GeoPoint(rs.getDouble("latitude"), rs.getDouble("longitude")), instant(rs, "occurred_at"),
            rs.getString("category"), (Double) rs.getObject("loc_distance_km", Double.class)))
        .forEach(consumer));
  }

  public boolean reportExists(UUID report) {
    return db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM report WHERE id = :id").bind("id", report)
        .mapTo(Integer.class).one() > 0);
  }

  public Optional<Convoy> convoy(UUID id) {
    return convoys("WHERE c.id = :id", Map.of("id", id)).stream().findFirst();
  }

  public List<Convoy> convoys() {
    return convoys("", Map.of(), LIST_LIMIT);
  }

  /**
   * Convoys that can have been in transit at some time in [from, to]: departed by {@code to} and
   * not arrived or aborted by {@code from}. Not capped, so an old convoy still on the road is
   * measured however many were requested since.
   */
  public List<Convoy> convoysInTransitDuring(Instant from, Instant to) {
    return convoys("WHERE EXISTS (SELECT 1 FROM hum_convoy_event d WHERE d.convoy_id = c.id AND d.type = 'departed'"
        + " AND d.at <= :to) AND NOT EXISTS (SELECT 1 FROM hum_convoy_event e WHERE e.convoy_id = c.id"
        + " AND e.type IN ('arrived', 'aborted') AND e.at <= :from)", Map.of("from", ts(from), "to", ts(to)),
        Integer.MAX_VALUE);
  }

  private List<Convoy> convoys(String where, Map<String, Object> binds) {
    return convoys(where, binds, LIST_LIMIT);
  }

  private List<Convoy> convoys(String where, Map<String, Object> binds, int limit) {
    return db.jdbi().withHandle(h -> {
      var q = h.createQuery("SELECT c.* FROM hum_convoy c " + where + " ORDER BY c.created_at DESC, c.id"
          + (limit == Integer.MAX_VALUE ? "" : " FETCH FIRST " + limit + " ROWS ONLY"));
      binds.forEach(q::bind);
      List<Convoy> rows = q.map((rs, ctx) -> new Convoy(rs.getObject("id", UUID.class), rs.getString("name"),
          NotificationType.valueOf(rs.getString("kind")), rs.getString("organisation"), rs.getString("requested_by"),
          geometry(rs.getString("route_wkt")), instant(rs, "window_from"), instant(rs, "window_to"),
          rs.getString("cargo"), (Integer) rs.getObject("beneficiaries", Integer.class), rs.getBoolean("un_escort"),
          rs.getString("escort_detail"), Arrays.stream(rs.getString("parties").split(",")).filter(s -> !s.isEmpty()).toList(),
          ConvoyStatus.valueOf(rs.getString("status")), rs.getObject("notification_id", UUID.class),
          instant(rs, "created_at"), List.of(), List.of())).list();
      if (rows.isEmpty()) {
        return rows;
      }
      List<UUID> ids = rows.stream().map(Convoy::id).toList();
      Map<UUID, List<Convoy.Event>> events = new LinkedHashMap<>();
      h.createQuery("SELECT * FROM hum_convoy_event WHERE convoy_id IN (<ids>) ORDER BY seq").bindList("ids", ids)
          .map((rs, ctx) -> Map.entry(rs.getObject("convoy_id", UUID.class), new Convoy.Event(rs.getInt("seq"),
              rs.getString("type"), instant(rs, "at"), rs.getString("checkpoint"), rs.getString("note"),
              rs.getString("by_account"))))
          .forEach(e -> events.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
      Map<UUID, List<Convoy.LinkedReport>> reports = new LinkedHashMap<>();
      h.createQuery("SELECT * FROM hum_convoy_report WHERE convoy_id IN (<ids>) ORDER BY linked_at, report_id")
          .bindList("ids", ids)
          .map((rs, ctx) -> Map.entry(rs.getObject("convoy_id", UUID.class), new Convoy.LinkedReport(
              rs.getObject("report_id", UUID.class), instant(rs, "linked_at"), rs.getString("linked_by"),
              rs.getString("how"))))
          .forEach(e -> reports.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
      return rows.stream().map(c -> new Convoy(c.id(), c.name(), c.kind(), c.organisation(), c.requestedBy(), c.route(),
          c.windowFrom(), c.windowTo(), c.cargo(), c.beneficiaries(), c.unEscort(), c.escortDetail(), c.parties(),
          c.status(), c.notificationId(), c.createdAt(), List.copyOf(events.getOrDefault(c.id(), List.of())),
          List.copyOf(reports.getOrDefault(c.id(), List.of())))).toList();
    });
  }

  // ---- alerts

  /** Stores an alert unless one for the same report and target exists; true when stored. */
  public boolean insertAlert(Handle h, Alert a) {
    boolean exists = h.createQuery("SELECT COUNT(*) FROM hum_alert WHERE report_id = :r AND target_type = :t"
            + " AND target_id = :id").bind("r", a.reportId()).bind("t", a.targetType()).bind("id", a.targetId())
        .mapTo(Integer.class).one() > 0;
    if (exists) {
      return false;
    }
    h.createUpdate("INSERT INTO hum_alert (id, report_id, target_type, target_id, target_name, organisation, distance_m,"
            + " reason, report_occurred_at, raised_at) VALUES (:id, :r, :t, :tid, :tn, :org, :d, :reason, :occ, :at)")
        .bind("id", a.id()).bind("r", a.reportId()).bind("t", a.targetType()).bind("tid", a.targetId())
        .bind("tn", a.targetName()).bind("org", a.organisation()).bind("d", a.distanceMetres())
        .bind("reason", a.reason()).bind("occ", ts(a.reportOccurredAt())).bind("at", ts(a.raisedAt())).execute();
    return true;
  }

  /**
   * Alerts, newest first, filtered by any of: the notifier's organisation, the target, the report.
   */
  public List<Alert> alerts(String organisation, String targetType, UUID targetId, UUID reportId, int limit) {
    StringBuilder sql = new StringBuilder("SELECT * FROM hum_alert WHERE 1=1");
    Map<String, Object> binds = new LinkedHashMap<>();
    if (organisation != null) {
      sql.append(" AND organisation = :org");
      binds.put("org", organisation);
    }
    if (targetType != null) {
      sql.append(" AND target_type = :tt");
      binds.put("tt", targetType);
    }
    if (targetId != null) {
      sql.append(" AND target_id = :tid");
      binds.put("tid", targetId);
    }
    if (reportId != null) {
      sql.append(" AND report_id = :rid");
      binds.put("rid", reportId);
    }
    sql.append(" ORDER BY raised_at DESC, id FETCH FIRST ").append(limit).append(" ROWS ONLY");
    return db.jdbi().withHandle(h -> {
      var q = h.createQuery(sql.toString());
      binds.forEach(q::bind);
      return q.map((rs, ctx) -> new Alert(rs.getObject("id", UUID.class), rs.getObject("report_id", UUID.class),
          rs.getString("target_type"), rs.getObject("target_id", UUID.class), rs.getString("target_name"),
          rs.getString("organisation"), rs.getDouble("distance_m"), rs.getString("reason"),
          instant(rs, "report_occurred_at"), instant(rs, "raised_at"))).list();
    });
  }

  // ---- helpers

  private static Timestamp ts(Instant i) {
    return i == null ? null : Timestamp.from(i);
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }

  private static Geometry geometry(String wkt) {
    try {
      return new WKTReader().read(wkt);
    } catch (ParseException e) {
      throw new IllegalStateException("stored shape is not WKT", e);
    }
  }
}
