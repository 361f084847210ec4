-- Up Migration

-- What Estado last read from the cloud (RDS with its CloudWatch metrics, the paused
-- schedules), kept so that a cold api container answers Estado without loading an AWS SDK
-- client. `audit_mark` is the newest audit id when the reading began: an action since then
-- makes the reading unusable. `format` lets a new release ignore an older release's shape.
CREATE TABLE turno.estado_snapshot (
  part       text PRIMARY KEY CHECK (part IN ('databases', 'paused-schedules')),
  format     integer NOT NULL,
  audit_mark text NOT NULL,
  read_at    timestamptz NOT NULL,
  value      jsonb NOT NULL
);

-- One row: when a watcher last took on refreshing the snapshot, so two at once read AWS once.
CREATE TABLE turno.estado_snapshot_refresh (
  id         boolean PRIMARY KEY DEFAULT true CHECK (id),
  claimed_at timestamptz NOT NULL
);

-- Down Migration
DROP TABLE turno.estado_snapshot_refresh;
DROP TABLE turno.estado_snapshot;
