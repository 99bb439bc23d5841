-- Administrative boundary polygons imported from OCHA COD-AB or geoBoundaries (P-coded).
CREATE TABLE admin_boundary (
  pcode         VARCHAR(64) PRIMARY KEY,
  name          VARCHAR(300) NOT NULL,
  level         INTEGER NOT NULL CHECK (level IN (1, 2)),
  parent_pcode  VARCHAR(64),
  country_code  VARCHAR(3),
  geom          geometry(Geometry, 4326) NOT NULL,
  source        TEXT
);
CREATE INDEX admin_boundary_geom_idx ON admin_boundary USING GIST (geom);
