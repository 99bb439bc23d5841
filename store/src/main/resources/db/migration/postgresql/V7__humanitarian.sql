-- Humanitarian notification and deconfliction: notified sites and movements with each notified
-- party's answer, pauses, corridors, convoys with their timeline and linked reports, and alerts.
-- Shapes are kept as WKT text (deconfliction runs in Java with JTS on both databases); each row
-- with coordinates has a random salt that goes into its ledger leaf's content hash.
CREATE TABLE hum_notification (
  id              UUID PRIMARY KEY,
  type            VARCHAR(32) NOT NULL,
  name            VARCHAR(200) NOT NULL,
  organisation    VARCHAR(16) NOT NULL REFERENCES party(code),
  notified_by     VARCHAR(64) NOT NULL,
  geometry_wkt    TEXT NOT NULL,
  governorate     VARCHAR(200),
  valid_from      TIMESTAMP WITH TIME ZONE NOT NULL,
  valid_to        TIMESTAMP WITH TIME ZONE,
  acknowledge_by  TIMESTAMP WITH TIME ZONE NOT NULL,
  note            TEXT,
  convoy_id       UUID,
  salt            VARCHAR(64) NOT NULL,
  created_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX hum_notification_window_idx ON hum_notification (valid_from, valid_to);

CREATE TABLE hum_notification_party (
  notification_id UUID NOT NULL REFERENCES hum_notification(id),
  party_code      VARCHAR(16) NOT NULL REFERENCES party(code),
  status          VARCHAR(16) NOT NULL,
  responded_at    TIMESTAMP WITH TIME ZONE,
  responded_by    VARCHAR(64),
  reason          TEXT,
  PRIMARY KEY (notification_id, party_code)
);
CREATE INDEX hum_notification_party_status_idx ON hum_notification_party (party_code, status);

CREATE TABLE hum_pause (
  id                 UUID PRIMARY KEY,
  name               VARCHAR(200) NOT NULL,
  organisation       VARCHAR(16) NOT NULL REFERENCES party(code),
  requested_by       VARCHAR(64) NOT NULL,
  area_wkt           TEXT NOT NULL,
  valid_from         TIMESTAMP WITH TIME ZONE NOT NULL,
  valid_to           TIMESTAMP WITH TIME ZONE NOT NULL,
  restrictions_json  TEXT NOT NULL,
  salt               VARCHAR(64) NOT NULL,
  created_at         TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE hum_pause_party (
  pause_id    UUID NOT NULL REFERENCES hum_pause(id),
  party_code  VARCHAR(16) NOT NULL REFERENCES party(code),
  agreed_at   TIMESTAMP WITH TIME ZONE,
  agreed_by   VARCHAR(64),
  PRIMARY KEY (pause_id, party_code)
);

CREATE TABLE hum_corridor (
  id             UUID PRIMARY KEY,
  name           VARCHAR(200) NOT NULL,
  organisation   VARCHAR(16) NOT NULL REFERENCES party(code),
  created_by     VARCHAR(64) NOT NULL,
  route_wkt      TEXT NOT NULL,
  opens_at       VARCHAR(5) NOT NULL,
  closes_at      VARCHAR(5) NOT NULL,
  status         VARCHAR(16) NOT NULL,
  status_reason  TEXT,
  status_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  salt           VARCHAR(64) NOT NULL,
  created_at     TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE hum_corridor_status (
  id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  corridor_id  UUID NOT NULL REFERENCES hum_corridor(id),
  status       VARCHAR(16) NOT NULL,
  reason       TEXT,
  at           TIMESTAMP WITH TIME ZONE NOT NULL,
  changed_by   VARCHAR(64) NOT NULL
);

CREATE TABLE hum_convoy (
  id               UUID PRIMARY KEY,
  name             VARCHAR(200) NOT NULL,
  kind             VARCHAR(32) NOT NULL,
  organisation     VARCHAR(16) NOT NULL REFERENCES party(code),
  requested_by     VARCHAR(64) NOT NULL,
  route_wkt        TEXT NOT NULL,
  window_from      TIMESTAMP WITH TIME ZONE NOT NULL,
  window_to        TIMESTAMP WITH TIME ZONE NOT NULL,
  cargo            TEXT,
  beneficiaries    INTEGER,
  un_escort        BOOLEAN NOT NULL,
  escort_detail    TEXT,
  parties          VARCHAR(400) NOT NULL,
  status           VARCHAR(16) NOT NULL,
  notification_id  UUID REFERENCES hum_notification(id),
  salt             VARCHAR(64) NOT NULL,
  created_at       TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE hum_convoy_event (
  convoy_id   UUID NOT NULL REFERENCES hum_convoy(id),
  seq         INTEGER NOT NULL,
  type        VARCHAR(16) NOT NULL,
  at          TIMESTAMP WITH TIME ZONE NOT NULL,
  checkpoint  VARCHAR(200),
  note        TEXT,
  by_account  VARCHAR(64) NOT NULL,
  PRIMARY KEY (convoy_id, seq)
);

CREATE TABLE hum_convoy_report (
  convoy_id  UUID NOT NULL REFERENCES hum_convoy(id),
  report_id  UUID NOT NULL REFERENCES report(id),
  linked_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  linked_by  VARCHAR(64) NOT NULL,
  how        VARCHAR(16) NOT NULL,
  PRIMARY KEY (convoy_id, report_id)
);

CREATE TABLE hum_alert (
  id                  UUID PRIMARY KEY,
  report_id           UUID NOT NULL REFERENCES report(id),
  target_type         VARCHAR(16) NOT NULL,
  target_id           UUID NOT NULL,
  target_name         VARCHAR(200) NOT NULL,
  organisation        VARCHAR(16) NOT NULL,
  distance_m          DOUBLE PRECISION NOT NULL,
  reason              TEXT NOT NULL,
  report_occurred_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  raised_at           TIMESTAMP WITH TIME ZONE NOT NULL,
  UNIQUE (report_id, target_type, target_id)
);
CREATE INDEX hum_alert_org_idx ON hum_alert (organisation, raised_at);
CREATE INDEX hum_alert_target_idx ON hum_alert (target_type, target_id);
