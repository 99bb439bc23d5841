-- An imported boundary's name is copied into the governorate and district of every report located
-- in it, and into an incident's and a notified site's governorate. The server holds boundary names
-- to 200 characters (code points) and codes to 64, so that a name which fits the boundary table
-- fits wherever it is copied. H2 counts VARCHAR(n) in UTF-16 units, where an emoji takes two:
-- these columns are twice as wide here (as in V16); the limits themselves are unchanged.
ALTER TABLE admin_boundary ALTER COLUMN name SET DATA TYPE VARCHAR(400);
ALTER TABLE admin_boundary ALTER COLUMN pcode SET DATA TYPE VARCHAR(128);
ALTER TABLE admin_boundary ALTER COLUMN parent_pcode SET DATA TYPE VARCHAR(128);
ALTER TABLE report ALTER COLUMN governorate SET DATA TYPE VARCHAR(400);
ALTER TABLE report ALTER COLUMN district SET DATA TYPE VARCHAR(400);
ALTER TABLE incident ALTER COLUMN governorate SET DATA TYPE VARCHAR(400);
ALTER TABLE hum_notification ALTER COLUMN governorate SET DATA TYPE VARCHAR(400);
