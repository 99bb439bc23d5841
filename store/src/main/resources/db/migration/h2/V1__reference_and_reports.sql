-- Reference data, reports and the ledger queue (H2: geometry logic runs in Java with JTS).


CREATE TABLE party (
  code        VARCHAR(16) PRIMARY KEY,
  name        VARCHAR(200) NOT NULL,
  kind        VARCHAR(20)  NOT NULL,
  source      TEXT
);

CREATE TABLE actor (
  code             VARCHAR(32) PRIMARY KEY,
  name             VARCHAR(200) NOT NULL,
  status           VARCHAR(16)  NOT NULL,
  affiliated_party VARCHAR(16),
  names_json       TEXT NOT NULL,
  source           TEXT
);

CREATE TABLE agreement (
  code            VARCHAR(32) PRIMARY KEY,
  title           TEXT NOT NULL,
  signed_on       DATE,
  in_force_from   TIMESTAMP WITH TIME ZONE,
  guarantors      TEXT NOT NULL,
  parties         TEXT NOT NULL,
  zone_codes      TEXT NOT NULL,
  summary         TEXT,
  open_text       BOOLEAN NOT NULL,
  source          TEXT
);

CREATE TABLE zone (
  code            VARCHAR(64) PRIMARY KEY,
  name            VARCHAR(200) NOT NULL,
  type            VARCHAR(32)  NOT NULL,
  agreement_code  VARCHAR(32),
  actor_code      VARCHAR(32)
);

CREATE TABLE zone_version (
  zone_code    VARCHAR(64) NOT NULL REFERENCES zone(code),
  version      INTEGER NOT NULL,
  geom         GEOMETRY NOT NULL,
  valid_from   TIMESTAMP WITH TIME ZONE NOT NULL,
  valid_to     TIMESTAMP WITH TIME ZONE,
  approximate  BOOLEAN NOT NULL,
  source       TEXT,
  PRIMARY KEY (zone_code, version)
);

CREATE TABLE report (
  id                 UUID PRIMARY KEY,
  seq                BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,
  reporting_party    VARCHAR(16) NOT NULL REFERENCES party(code),
  occurred_at        TIMESTAMP WITH TIME ZONE NOT NULL,
  time_precision     VARCHAR(8) NOT NULL,
  latitude           DOUBLE PRECISION NOT NULL,
  longitude          DOUBLE PRECISION NOT NULL,
  geom               GEOMETRY NOT NULL,
  geo_precision      VARCHAR(16) NOT NULL,
  place_name         TEXT,
  resolved_place     TEXT,
  category           VARCHAR(32) NOT NULL,
  alleged_violator   VARCHAR(32) REFERENCES actor(code),
  target             VARCHAR(32) REFERENCES actor(code),
  killed_low         INTEGER NOT NULL,
  killed_best        INTEGER NOT NULL,
  killed_high        INTEGER NOT NULL,
  injured_low        INTEGER NOT NULL,
  injured_best       INTEGER NOT NULL,
  injured_high       INTEGER NOT NULL,
  narrative          TEXT NOT NULL,
  sources_json       TEXT NOT NULL,
  supersedes         UUID REFERENCES report(id),
  registered_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  submitted_by       VARCHAR(200),
  signature          TEXT,
  signing_key_id     VARCHAR(200),
  country_code       VARCHAR(3),
  country_name       VARCHAR(200),
  governorate        VARCHAR(200),
  district           VARCHAR(200),
  admin_approximate  BOOLEAN NOT NULL,
  loc_distance_km    DOUBLE PRECISION,
  content_hash       VARBINARY(1048576) NOT NULL
);
CREATE INDEX report_occurred_idx ON report (occurred_at);
CREATE INDEX report_party_idx ON report (reporting_party, occurred_at);
CREATE INDEX report_category_idx ON report (category, occurred_at);
CREATE INDEX report_governorate_idx ON report (governorate);
CREATE UNIQUE INDEX report_supersedes_idx ON report (supersedes);

CREATE TABLE report_zone (
  report_id  UUID NOT NULL REFERENCES report(id),
  zone_code  VARCHAR(64) NOT NULL REFERENCES zone(code),
  PRIMARY KEY (report_id, zone_code)
);
CREATE INDEX report_zone_zone_idx ON report_zone (zone_code);

-- Every change of the record, in commit order; leaf_index is assigned when the sequencer
-- integrates the entry into the Merkle log.
CREATE TABLE ledger_entry (
  entry_id      BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  leaf_index    BIGINT UNIQUE,
  kind          VARCHAR(64) NOT NULL,
  record_id     VARCHAR(64) NOT NULL,
  content_hash  VARBINARY(1048576) NOT NULL,
  entry         VARBINARY(1048576) NOT NULL,
  created_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ledger_entry_pending_idx ON ledger_entry (entry_id);
CREATE INDEX ledger_entry_record_idx ON ledger_entry (record_id);

-- The log's published state; advanced only by compare-and-swap on version.
CREATE TABLE log_state (
  id        INTEGER PRIMARY KEY CHECK (id = 1),
  size      BIGINT NOT NULL,
  root      VARBINARY(1048576) NOT NULL,
  version   BIGINT NOT NULL,
  checkpoint TEXT
);
