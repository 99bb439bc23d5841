-- The last incident code number given per country and year: one row locked by each creation, so a
-- new code costs the same at the millionth incident as at the first (finding the highest number so
-- far walked every incident of the year on H2). Seeded from the incidents already stored.
CREATE TABLE incident_code_counter (
  country_code  VARCHAR(3) NOT NULL,
  code_year     INTEGER NOT NULL,
  last_number   INTEGER NOT NULL,
  PRIMARY KEY (country_code, code_year)
);
INSERT INTO incident_code_counter (country_code, code_year, last_number)
  SELECT country_code, code_year, MAX(code_number) FROM incident GROUP BY country_code, code_year;
