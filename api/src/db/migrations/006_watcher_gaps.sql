-- Up Migration

-- Sync_error ids missing below the cursor when it moved past them: a row whose transaction
-- commits after a higher id was read shows up later. The watcher reads them again by id until
-- they appear or their grace period ends (a rolled-back insert leaves an id that never will).
CREATE TABLE turno.watcher_gaps (
  sync_error_id bigint PRIMARY KEY,
  noticed_at    timestamptz NOT NULL
);
CREATE INDEX watcher_gaps_noticed_at ON turno.watcher_gaps (noticed_at);

-- Down Migration
DROP TABLE turno.watcher_gaps;
