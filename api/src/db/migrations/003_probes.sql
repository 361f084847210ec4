-- Up Migration

-- One live alert per cause. Sync_error causes keep their category as key; probes and
-- per-provider causes add their own ("probe:ultramsg", "provider-forbidden:MIX").
ALTER TABLE turno.alerts ADD COLUMN dedup_key text;
UPDATE turno.alerts SET dedup_key = category;
ALTER TABLE turno.alerts ALTER COLUMN dedup_key SET NOT NULL;
ALTER TABLE turno.alerts ADD COLUMN origin text NOT NULL DEFAULT 'sync-error'
  CHECK (origin IN ('sync-error', 'probe'));
ALTER TABLE turno.alerts ADD COLUMN probe text;
-- What a probe saw, redacted: a status pair, a retry time, a provider. Never a token.
ALTER TABLE turno.alerts ADD COLUMN detail jsonb;
-- Named resources the alert concerns, for maintenance windows: functions, instances, services.
ALTER TABLE turno.alerts ADD COLUMN resources text[] NOT NULL DEFAULT '{}';
-- A cause that comes back soon after resolving reopens its alert: how often that happened.
ALTER TABLE turno.alerts ADD COLUMN reopened integer NOT NULL DEFAULT 0;
DROP INDEX turno.alerts_one_live_per_category;
CREATE UNIQUE INDEX alerts_one_live_per_key ON turno.alerts (dedup_key)
  WHERE state <> 'resolved';
CREATE INDEX alerts_key_resolved ON turno.alerts (dedup_key, resolved_at DESC);

-- The last run of each probe, for Estado and for the cadence: one row per probe.
CREATE TABLE turno.probe_runs (
  probe         text PRIMARY KEY,
  last_run_at   timestamptz,
  next_run_at   timestamptz,
  outcome       text CHECK (outcome IN ('ok', 'problem', 'failed')),
  -- What Estado shows: the probe's own words and numbers, redacted.
  summary       jsonb,
  last_ok_at    timestamptz,
  last_failure  text,
  failures      integer NOT NULL DEFAULT 0
);

-- Down Migration
DROP TABLE turno.probe_runs;
DROP INDEX turno.alerts_key_resolved;
DROP INDEX turno.alerts_one_live_per_key;
CREATE UNIQUE INDEX alerts_one_live_per_category ON turno.alerts (category)
  WHERE state <> 'resolved';
ALTER TABLE turno.alerts DROP COLUMN reopened, DROP COLUMN resources, DROP COLUMN detail,
  DROP COLUMN probe, DROP COLUMN origin, DROP COLUMN dedup_key;
