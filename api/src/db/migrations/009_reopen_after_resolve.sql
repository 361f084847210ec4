-- Up Migration

-- Resolved by a person rather than by its quiet period or a probe: errors after that are
-- news, and reopen the alert as open, to be pushed again.
ALTER TABLE turno.alerts ADD COLUMN resolved_by_hand boolean NOT NULL DEFAULT false;
UPDATE turno.alerts SET resolved_by_hand = true
  WHERE state = 'resolved' AND resolved_by NOT IN ('watcher', 'merged')
    AND resolved_by NOT LIKE 'probe:%';
-- When the alert last reopened, and who had resolved it by hand (null: it had by itself).
ALTER TABLE turno.alerts ADD COLUMN reopened_at timestamptz;
ALTER TABLE turno.alerts ADD COLUMN reopened_after_by text;

-- The step this round of pushes began with: 0, or past every step sent before a reopening.
ALTER TABLE turno.alert_notify ADD COLUMN first_step integer NOT NULL DEFAULT 0;
ALTER TABLE turno.notifications DROP CONSTRAINT notifications_kind_check;
ALTER TABLE turno.notifications ADD CONSTRAINT notifications_kind_check
  CHECK (kind IN ('alert', 'renotify', 'escalate', 'reopened'));

-- Down Migration
DELETE FROM turno.notifications WHERE kind = 'reopened';
ALTER TABLE turno.notifications DROP CONSTRAINT notifications_kind_check;
ALTER TABLE turno.notifications ADD CONSTRAINT notifications_kind_check
  CHECK (kind IN ('alert', 'renotify', 'escalate'));
ALTER TABLE turno.alert_notify DROP COLUMN first_step;
ALTER TABLE turno.alerts DROP COLUMN reopened_after_by;
ALTER TABLE turno.alerts DROP COLUMN reopened_at;
ALTER TABLE turno.alerts DROP COLUMN resolved_by_hand;
