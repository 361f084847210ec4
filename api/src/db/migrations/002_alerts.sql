-- Up Migration

-- One row: how far the watcher has read Sync_error, and how its last run went (for Estado).
CREATE TABLE turno.watcher_state (
  id                 smallint PRIMARY KEY DEFAULT 1 CHECK (id = 1),
  last_sync_error_id bigint,
  last_run_at        timestamptz,
  last_error         text,
  last_error_at      timestamptz
);
INSERT INTO turno.watcher_state (id) VALUES (1);

CREATE TABLE turno.alerts (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  category        text NOT NULL,
  card            text,
  severity        text NOT NULL,
  state           text NOT NULL DEFAULT 'open'
                  CHECK (state IN ('open', 'acknowledged', 'resolved')),
  count           integer NOT NULL DEFAULT 0,
  first_seen      timestamptz NOT NULL,
  last_seen       timestamptz NOT NULL,
  -- Turno's clock when rows last joined the alert: the quiet period runs from here.
  active_at       timestamptz NOT NULL,
  opened_at       timestamptz NOT NULL,
  acknowledged_at timestamptz,
  acknowledged_by text,
  resolved_at     timestamptz,
  resolved_by     text,
  pushed_at       timestamptz
);
-- At most one live alert per cause, whatever runs at the same time.
CREATE UNIQUE INDEX alerts_one_live_per_category ON turno.alerts (category)
  WHERE state <> 'resolved';
CREATE INDEX alerts_opened_at ON turno.alerts (opened_at DESC);

-- Sync_error rows the watcher has read, classified and redacted (never the raw json_data).
CREATE TABLE turno.seen_errors (
  sync_error_id  bigint PRIMARY KEY,
  category       text NOT NULL,
  card           text,
  severity       text NOT NULL,
  function_name  text,
  data_source_id integer,
  created_at     timestamptz NOT NULL,
  text           text NOT NULL,
  alert_id       uuid REFERENCES turno.alerts (id) ON DELETE SET NULL,
  seen_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX seen_errors_unalerted ON turno.seen_errors (category, created_at)
  WHERE alert_id IS NULL;
CREATE INDEX seen_errors_alert ON turno.seen_errors (alert_id, created_at);

CREATE TABLE turno.audit_log (
  id      bigserial PRIMARY KEY,
  at      timestamptz NOT NULL DEFAULT now(),
  actor   text NOT NULL,
  role    text NOT NULL,
  action  text NOT NULL,
  target  text NOT NULL,
  before  jsonb,
  after   jsonb,
  outcome text NOT NULL CHECK (outcome IN ('ok', 'failed')),
  detail  text
);
CREATE INDEX audit_log_at ON turno.audit_log (at DESC, id DESC);

-- A double tap sends one Idempotency-Key twice: the primary key lets only one request act.
CREATE TABLE turno.idempotency_keys (
  actor      text NOT NULL,
  key        text NOT NULL,
  action     text NOT NULL,
  target     text NOT NULL,
  status     integer,
  response   jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (actor, key)
);
CREATE INDEX idempotency_keys_created_at ON turno.idempotency_keys (created_at);

-- Down Migration
DROP TABLE turno.idempotency_keys;
DROP TABLE turno.audit_log;
DROP TABLE turno.seen_errors;
DROP TABLE turno.alerts;
DROP TABLE turno.watcher_state;
