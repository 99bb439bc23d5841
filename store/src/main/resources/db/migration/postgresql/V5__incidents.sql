-- Incidents (PostgreSQL): the adjudicated events linking reports, with every party's position, the grading,
-- investigations and the evidence vault. Every change is an incident_event row holding the exact
-- canonical JSON whose SHA-256 is in its ledger leaf.

CREATE TABLE incident (
  id             UUID PRIMARY KEY,
  seq            BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,
  code           VARCHAR(32) NOT NULL UNIQUE,
  country_code   VARCHAR(3) NOT NULL,
  code_year      INTEGER NOT NULL,
  code_number    INTEGER NOT NULL,
  status         VARCHAR(16) NOT NULL,
  merged_into    UUID REFERENCES incident(id),
  family         VARCHAR(32) NOT NULL,
  category       VARCHAR(32) NOT NULL,
  occurred_from  TIMESTAMP WITH TIME ZONE NOT NULL,
  occurred_to    TIMESTAMP WITH TIME ZONE NOT NULL,
  latitude       DOUBLE PRECISION NOT NULL,
  longitude      DOUBLE PRECISION NOT NULL,
  governorate    VARCHAR(200),
  grading        VARCHAR(16),
  attribution    VARCHAR(16),
  disputed       BOOLEAN NOT NULL,
  version        INTEGER NOT NULL,
  created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at     TIMESTAMP WITH TIME ZONE NOT NULL,
  UNIQUE (country_code, code_year, code_number)
);
CREATE INDEX incident_occurred_idx ON incident (occurred_from);
CREATE INDEX incident_status_idx ON incident (status, occurred_from);

-- A report's membership of an incident (a report belongs to exactly one), with the report's
-- matching footprint copied so candidate search reads one indexed table: family, how precisely
-- the time is known (span_class) and the start of its time window.
CREATE TABLE incident_report (
  report_id        UUID PRIMARY KEY REFERENCES report(id),
  incident_id      UUID NOT NULL REFERENCES incident(id),
  family           VARCHAR(32) NOT NULL,
  category         VARCHAR(32) NOT NULL,
  span_class       SMALLINT NOT NULL,
  t_from           TIMESTAMP WITH TIME ZONE NOT NULL,
  t_to             TIMESTAMP WITH TIME ZONE NOT NULL,
  latitude         DOUBLE PRECISION NOT NULL,
  longitude        DOUBLE PRECISION NOT NULL,
  radius_m         INTEGER NOT NULL,
  reporting_party  VARCHAR(16) NOT NULL,
  alleged_violator VARCHAR(32),
  how              VARCHAR(16) NOT NULL,
  score            DOUBLE PRECISION,
  linked_at        TIMESTAMP WITH TIME ZONE NOT NULL,
  linked_by        VARCHAR(200) NOT NULL
);
CREATE INDEX incident_report_match_idx ON incident_report (family, span_class, t_from);
CREATE INDEX incident_report_incident_idx ON incident_report (incident_id);

-- Candidate incidents proposed for a report that was not linked automatically.
CREATE TABLE incident_candidate (
  report_id    UUID NOT NULL REFERENCES report(id),
  incident_id  UUID NOT NULL REFERENCES incident(id),
  score        DOUBLE PRECISION NOT NULL,
  reasons      TEXT NOT NULL,
  status       VARCHAR(16) NOT NULL,
  proposed_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  decided_at   TIMESTAMP WITH TIME ZONE,
  decided_by   VARCHAR(200),
  PRIMARY KEY (report_id, incident_id)
);
CREATE INDEX incident_candidate_status_idx ON incident_candidate (status, proposed_at);
CREATE INDEX incident_candidate_incident_idx ON incident_candidate (incident_id);

-- The versioned history: one row per change, content = the canonical JSON the ledger hashes.
CREATE TABLE incident_event (
  incident_id      UUID NOT NULL REFERENCES incident(id),
  version          INTEGER NOT NULL,
  kind             VARCHAR(64) NOT NULL,
  at               TIMESTAMP WITH TIME ZONE NOT NULL,
  account          VARCHAR(200) NOT NULL,
  party            VARCHAR(32) NOT NULL,
  content          TEXT NOT NULL,
  content_hash     BYTEA NOT NULL,
  ledger_entry_id  BIGINT NOT NULL,
  PRIMARY KEY (incident_id, version)
);

CREATE TABLE incident_position (
  id             UUID PRIMARY KEY,
  incident_id    UUID NOT NULL REFERENCES incident(id),
  party          VARCHAR(16) NOT NULL REFERENCES party(code),
  stance         VARCHAR(16) NOT NULL,
  actor_code     VARCHAR(32) REFERENCES actor(code),
  reasoning      TEXT NOT NULL,
  evidence_json  TEXT NOT NULL,
  stated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  stated_by      VARCHAR(200) NOT NULL,
  superseded_by  UUID REFERENCES incident_position(id),
  version        INTEGER NOT NULL
);
CREATE INDEX incident_position_incident_idx ON incident_position (incident_id, party);

CREATE TABLE incident_assessment (
  id               UUID PRIMARY KEY,
  incident_id      UUID NOT NULL REFERENCES incident(id),
  grading          VARCHAR(16) NOT NULL,
  attribution      VARCHAR(16) NOT NULL,
  attributed_actor VARCHAR(32) REFERENCES actor(code),
  killed_low       INTEGER,
  killed_best      INTEGER,
  killed_high      INTEGER,
  injured_low      INTEGER,
  injured_best     INTEGER,
  injured_high     INTEGER,
  casualty_reason  TEXT,
  reasoning        TEXT NOT NULL,
  assessed_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  assessed_by      VARCHAR(200) NOT NULL,
  version          INTEGER NOT NULL
);
CREATE INDEX incident_assessment_incident_idx ON incident_assessment (incident_id, version);

CREATE TABLE investigation (
  id            UUID PRIMARY KEY,
  incident_id   UUID NOT NULL REFERENCES incident(id),
  status        VARCHAR(16) NOT NULL,
  mandate       TEXT NOT NULL,
  assignee      VARCHAR(200),
  deadline      TIMESTAMP WITH TIME ZONE,
  opened_at     TIMESTAMP WITH TIME ZONE NOT NULL,
  opened_by     VARCHAR(200) NOT NULL,
  concluded_at  TIMESTAMP WITH TIME ZONE,
  finding       TEXT
);
CREATE INDEX investigation_incident_idx ON investigation (incident_id);
CREATE INDEX investigation_open_idx ON investigation (status, deadline);

CREATE TABLE investigation_step (
  id                BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  investigation_id  UUID NOT NULL REFERENCES investigation(id),
  kind              VARCHAR(16) NOT NULL,
  party             VARCHAR(16),
  text              TEXT NOT NULL,
  at                TIMESTAMP WITH TIME ZONE NOT NULL,
  account           VARCHAR(200) NOT NULL,
  version           INTEGER NOT NULL
);
CREATE INDEX investigation_step_idx ON investigation_step (investigation_id, id);

CREATE TABLE evidence (
  id             UUID PRIMARY KEY,
  incident_id    UUID NOT NULL REFERENCES incident(id),
  sha256         VARCHAR(64) NOT NULL,
  kind           VARCHAR(16) NOT NULL,
  media_type     VARCHAR(100) NOT NULL,
  size_bytes     BIGINT NOT NULL,
  original_name  VARCHAR(300),
  source_url     TEXT,
  captured_at    TIMESTAMP WITH TIME ZONE,
  description    TEXT NOT NULL,
  sensitivity    VARCHAR(100) NOT NULL,
  derived_from   UUID REFERENCES evidence(id),
  uploaded_by    VARCHAR(200) NOT NULL,
  uploader_party VARCHAR(32),
  uploaded_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  version        INTEGER NOT NULL
);
CREATE INDEX evidence_incident_idx ON evidence (incident_id);
CREATE INDEX evidence_sha256_idx ON evidence (sha256);

-- Who viewed, downloaded or exported which evidence and when; each row is also a ledger leaf.
CREATE TABLE custody_log (
  id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  evidence_id      UUID NOT NULL REFERENCES evidence(id),
  action           VARCHAR(16) NOT NULL,
  account          VARCHAR(200) NOT NULL,
  party            VARCHAR(32) NOT NULL,
  at               TIMESTAMP WITH TIME ZONE NOT NULL,
  content          TEXT NOT NULL,
  ledger_entry_id  BIGINT NOT NULL
);
CREATE INDEX custody_log_evidence_idx ON custody_log (evidence_id, id);
