-- Accounts, API tokens, web sessions, party signing keys and the audit trail.
CREATE TABLE account (
  username         VARCHAR(64) PRIMARY KEY,
  display_name     VARCHAR(200) NOT NULL,
  party_code       VARCHAR(16) REFERENCES party(code),
  roles            VARCHAR(200) NOT NULL,
  password_hash    VARCHAR(300),
  disabled         BOOLEAN NOT NULL,
  failed_attempts  INTEGER NOT NULL,
  locked_until     TIMESTAMP WITH TIME ZONE,
  created_at       TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Only the SHA-256 of a token is stored; the token itself is shown once.
CREATE TABLE api_token (
  token_hash    VARCHAR(64) PRIMARY KEY,
  token_id      VARCHAR(32) NOT NULL UNIQUE,
  username      VARCHAR(64) NOT NULL REFERENCES account(username),
  name          VARCHAR(200) NOT NULL,
  roles         VARCHAR(200) NOT NULL,
  created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  expires_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  revoked_at    TIMESTAMP WITH TIME ZONE,
  last_used_at  TIMESTAMP WITH TIME ZONE
);

CREATE TABLE web_session (
  session_hash  VARCHAR(64) PRIMARY KEY,
  username      VARCHAR(64) NOT NULL REFERENCES account(username),
  csrf_token    VARCHAR(64) NOT NULL,
  created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  expires_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE party_key (
  key_id         VARCHAR(8) NOT NULL,
  party_code     VARCHAR(16) NOT NULL REFERENCES party(code),
  verifier_key   VARCHAR(300) NOT NULL,
  registered_by  VARCHAR(64) NOT NULL,
  registered_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  revoked_at     TIMESTAMP WITH TIME ZONE,
  PRIMARY KEY (party_code, key_id)
);

CREATE TABLE audit_event (
  id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at             TIMESTAMP WITH TIME ZONE NOT NULL,
  username       VARCHAR(64),
  party_code     VARCHAR(16),
  action         VARCHAR(64) NOT NULL,
  resource_type  VARCHAR(64),
  resource_id    VARCHAR(200),
  outcome        VARCHAR(16) NOT NULL,
  detail         TEXT,
  remote_address VARCHAR(64)
);
CREATE INDEX audit_event_at_idx ON audit_event (at);
CREATE INDEX audit_event_user_idx ON audit_event (username, at);
CREATE INDEX audit_event_resource_idx ON audit_event (resource_type, resource_id);

-- The exact bytes a party signed, kept so anyone can re-verify its signature later.
ALTER TABLE report ADD COLUMN submitted_body BYTEA;
