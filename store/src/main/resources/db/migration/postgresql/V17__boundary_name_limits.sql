-- An imported boundary's name is copied into the governorate and district of every report located
-- in it, and into an incident's and a notified site's governorate (VARCHAR(200)). The server holds
-- boundary names to 200 characters (code points, as PostgreSQL counts VARCHAR(n)) and codes to 64,
-- so a name which fits the boundary table fits wherever it is copied: nothing to widen here. H2,
-- which counts UTF-16 units, widens the same columns in its V17; this one keeps the versions in
-- step and says on each column what the server holds it to.
COMMENT ON COLUMN admin_boundary.name IS 'at most 200 characters, checked by the server: copied into report.governorate and report.district';
COMMENT ON COLUMN admin_boundary.pcode IS 'at most 64 characters, checked by the server';
COMMENT ON COLUMN admin_boundary.parent_pcode IS 'at most 64 characters, checked by the server';
COMMENT ON COLUMN admin_boundary.country_code IS 'ISO 3166 alpha-2, checked by the server';
COMMENT ON COLUMN report.governorate IS 'an imported admin boundary''s name (at most 200 characters, checked on import) or the gazetteer''s';
COMMENT ON COLUMN report.district IS 'an imported admin boundary''s name (at most 200 characters, checked on import) or the gazetteer''s';
