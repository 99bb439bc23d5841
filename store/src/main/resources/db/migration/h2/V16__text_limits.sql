-- The server refuses a name longer than its column, counted in characters (code points) as
-- PostgreSQL counts VARCHAR(n). H2 counts VARCHAR(n) in UTF-16 units, where an emoji takes two,
-- so a name at the limit written with emoji did not fit here: these columns are twice as wide in
-- H2, the limit itself is unchanged (TextLimits in core).
ALTER TABLE zone ALTER COLUMN name SET DATA TYPE VARCHAR(400);
ALTER TABLE hum_notification ALTER COLUMN name SET DATA TYPE VARCHAR(400);
ALTER TABLE hum_pause ALTER COLUMN name SET DATA TYPE VARCHAR(400);
ALTER TABLE hum_corridor ALTER COLUMN name SET DATA TYPE VARCHAR(400);
ALTER TABLE hum_convoy ALTER COLUMN name SET DATA TYPE VARCHAR(400);
ALTER TABLE hum_convoy_event ALTER COLUMN checkpoint SET DATA TYPE VARCHAR(400);
ALTER TABLE hum_alert ALTER COLUMN target_name SET DATA TYPE VARCHAR(400);
ALTER TABLE investigation ALTER COLUMN assignee SET DATA TYPE VARCHAR(400);
ALTER TABLE account ALTER COLUMN display_name SET DATA TYPE VARCHAR(400);
ALTER TABLE api_token ALTER COLUMN name SET DATA TYPE VARCHAR(400);
ALTER TABLE party_key ALTER COLUMN verifier_key SET DATA TYPE VARCHAR(600);
ALTER TABLE evidence ALTER COLUMN original_name SET DATA TYPE VARCHAR(600);
