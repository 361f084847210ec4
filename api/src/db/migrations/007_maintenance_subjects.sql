-- Up Migration

-- Every name and id the window's resources go by (flotas-cron-arc and its instance id, a
-- schedule and its function): what alerts are matched against. `resources` keeps the names
-- people chose, for display.
ALTER TABLE turno.maintenance_windows ADD COLUMN covers text[];
UPDATE turno.maintenance_windows SET covers = resources;
ALTER TABLE turno.maintenance_windows ALTER COLUMN covers SET NOT NULL;

-- What a probe's alert is about (the cron instance), replaced each run like probe_resources;
-- the rest of its resources is context (the pm2 process, the busiest function). Empty: every
-- resource counts, as for Sync_error alerts.
ALTER TABLE turno.alerts ADD COLUMN probe_subjects text[] NOT NULL DEFAULT '{}';

-- Down Migration
ALTER TABLE turno.alerts DROP COLUMN probe_subjects;
ALTER TABLE turno.maintenance_windows DROP COLUMN covers;
