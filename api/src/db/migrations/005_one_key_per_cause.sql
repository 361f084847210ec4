-- Up Migration

-- Everyone who saw the alert's cause: 'sync-error', 'probe:<name>'. One cause is one alert.
ALTER TABLE turno.alerts ADD COLUMN origins text[] NOT NULL DEFAULT '{}';
-- Probe sightings: Sync_error alerts count their rows, so a shared alert adds both.
ALTER TABLE turno.alerts ADD COLUMN probe_count integer NOT NULL DEFAULT 0;
-- What the probe sees now (replaced each run); resources adds the Sync_error functions.
ALTER TABLE turno.alerts ADD COLUMN probe_resources text[] NOT NULL DEFAULT '{}';
UPDATE turno.alerts SET
  origins = CASE WHEN origin = 'probe' THEN ARRAY['probe:' || probe] ELSE ARRAY['sync-error'] END,
  probe_count = CASE WHEN origin = 'probe' THEN count ELSE 0 END,
  probe_resources = CASE WHEN origin = 'probe' THEN resources ELSE '{}' END;

-- Probe keys were "probe:<probe>:<key>[:<scope>]"; they become "<category>[:<scope>]".
ALTER TABLE turno.alerts ADD COLUMN rekey text;
UPDATE turno.alerts SET rekey = CASE
    WHEN category = 'probe-failed' THEN 'probe-failed:' || probe
    WHEN category = 'rds-storage-full' THEN 'database-disk-full'
    WHEN dedup_key ~ '^probe:[^:]+:[^:]+:.' THEN
      category || ':' || substring(dedup_key FROM '^probe:[^:]+:[^:]+:(.+)$')
    ELSE category
  END
  WHERE origin = 'probe' AND dedup_key LIKE 'probe:%';
-- Two live probe alerts that are now one cause (both databases full): the first one stays.
UPDATE turno.alerts SET state = 'resolved', resolved_at = now(), resolved_by = 'merged'
  WHERE id IN (
    SELECT id FROM (
      SELECT id, row_number() OVER (PARTITION BY rekey ORDER BY opened_at, id) AS n
      FROM turno.alerts WHERE rekey IS NOT NULL AND state <> 'resolved'
    ) AS ranked WHERE n > 1
  );
-- A live Sync_error alert of the same cause takes in the live probe alert's sightings.
UPDATE turno.alerts AS a SET
    origins = a.origins || p.origins, probe = p.probe, probe_count = p.probe_count,
    count = a.count + p.probe_count, probe_resources = p.probe_resources,
    resources = ARRAY(SELECT DISTINCT unnest(a.resources || p.resources) ORDER BY 1)
  FROM turno.alerts AS p
  WHERE p.rekey = a.dedup_key AND p.id <> a.id AND a.rekey IS NULL
    AND a.state <> 'resolved' AND p.state <> 'resolved';
UPDATE turno.alerts AS p SET state = 'resolved', resolved_at = now(), resolved_by = 'merged'
  FROM turno.alerts AS a
  WHERE p.rekey = a.dedup_key AND p.id <> a.id AND a.rekey IS NULL
    AND a.state <> 'resolved' AND p.state <> 'resolved';
UPDATE turno.alerts SET dedup_key = rekey WHERE rekey IS NOT NULL;
ALTER TABLE turno.alerts DROP COLUMN rekey;

-- When a probe was first claimed and its interval then: a probe that finishes no run for two
-- intervals is overdue, whoever reads it (Estado, the watcher).
ALTER TABLE turno.probe_runs ADD COLUMN since timestamptz;
ALTER TABLE turno.probe_runs ADD COLUMN interval_seconds integer;
UPDATE turno.probe_runs SET since = coalesce(last_run_at, next_run_at, now());

-- Down Migration
ALTER TABLE turno.probe_runs DROP COLUMN interval_seconds, DROP COLUMN since;
UPDATE turno.alerts SET dedup_key = 'probe:' || probe || ':' || dedup_key
  WHERE origin = 'probe' AND dedup_key NOT LIKE 'probe:%';
ALTER TABLE turno.alerts DROP COLUMN probe_resources, DROP COLUMN probe_count,
  DROP COLUMN origins;
