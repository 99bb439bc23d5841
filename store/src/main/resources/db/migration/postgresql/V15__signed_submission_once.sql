-- A party-signed submission is accepted once: signed_digest is the SHA-256 (hex) of the signing
-- key id ("PARTY/keyid"), a newline and the exact signed body, unique, so the same signed bytes
-- replayed are refused. Reports stored before keep theirs; a replay already stored (a later copy
-- of the same key and body) is left without one.
ALTER TABLE report ADD COLUMN signed_digest VARCHAR(64);
UPDATE report r SET signed_digest = encode(sha256(convert_to(r.signing_key_id || E'\n', 'UTF8') || r.submitted_body), 'hex')
 WHERE r.submitted_body IS NOT NULL AND r.signing_key_id IS NOT NULL
   AND NOT EXISTS (SELECT 1 FROM report e WHERE e.signing_key_id = r.signing_key_id AND e.submitted_body = r.submitted_body
     AND (e.registered_at < r.registered_at OR e.registered_at = r.registered_at AND e.id < r.id));
CREATE UNIQUE INDEX report_signed_digest_idx ON report (signed_digest);
