-- A party recorded as silent keeps that record when it answers late: silent_at is the deadline it
-- let pass, kept beside the later acknowledgement or refusal.
ALTER TABLE hum_notification_party ADD COLUMN silent_at TIMESTAMP WITH TIME ZONE;
