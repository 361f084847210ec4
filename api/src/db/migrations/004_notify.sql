-- Up Migration

-- The weekly on-call rotation and the notify policy: one row, edited by an admin.
CREATE TABLE turno.oncall_rotation (
  id              smallint PRIMARY KEY DEFAULT 1 CHECK (id = 1),
  members         text[] NOT NULL DEFAULT '{}',
  -- Handoff in Mexico City time: ISO weekday (Monday = 1) and hour.
  handoff_weekday smallint NOT NULL DEFAULT 1 CHECK (handoff_weekday BETWEEN 1 AND 7),
  handoff_hour    smallint NOT NULL DEFAULT 9 CHECK (handoff_hour BETWEEN 0 AND 23),
  -- The Mexico City date whose handoff starts members[1]'s week.
  anchor          date NOT NULL DEFAULT DATE '2026-01-05',
  repeat_minutes  integer NOT NULL DEFAULT 5 CHECK (repeat_minutes BETWEEN 1 AND 120),
  escalate_after  integer NOT NULL DEFAULT 2 CHECK (escalate_after BETWEEN 0 AND 20),
  updated_at      timestamptz,
  updated_by      text
);
INSERT INTO turno.oncall_rotation (id) VALUES (1);

-- Someone else on call for a while (a swap, a holiday); the newest covering override wins.
CREATE TABLE turno.oncall_overrides (
  id         bigserial PRIMARY KEY,
  user_name  text NOT NULL,
  starts_at  timestamptz NOT NULL,
  ends_at    timestamptz NOT NULL CHECK (ends_at > starts_at),
  reason     text,
  created_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX oncall_overrides_ends_at ON turno.oncall_overrides (ends_at);

-- Each alert's place in its re-notify and escalation steps, and its snooze.
CREATE TABLE turno.alert_notify (
  alert_id      uuid PRIMARY KEY REFERENCES turno.alerts (id) ON DELETE CASCADE,
  -- Step 0 is the first push; the claim moves next_step, so two watchers send a step once.
  next_step     integer NOT NULL DEFAULT 1,
  -- NULL: nothing pending (acknowledged, or every step sent).
  next_at       timestamptz,
  snoozed_until timestamptz,
  snoozed_by    text
);
CREATE INDEX alert_notify_due ON turno.alert_notify (next_at) WHERE next_at IS NOT NULL;

-- Every push of an alert to a person: the unique key is the claim, so nothing goes twice.
CREATE TABLE turno.notifications (
  id        bigserial PRIMARY KEY,
  alert_id  uuid NOT NULL REFERENCES turno.alerts (id) ON DELETE CASCADE,
  -- '*' when no rotation is set and every subscribed device is told.
  user_name text NOT NULL,
  step      integer NOT NULL,
  kind      text NOT NULL CHECK (kind IN ('alert', 'renotify', 'escalate')),
  outcome   text NOT NULL
            CHECK (outcome IN ('sending', 'sent', 'quiet', 'no-device', 'failed')),
  delivered integer NOT NULL DEFAULT 0,
  at        timestamptz NOT NULL,
  UNIQUE (alert_id, user_name, step)
);

-- Alerts for these resources are opened but not pushed while the window lasts.
CREATE TABLE turno.maintenance_windows (
  id         bigserial PRIMARY KEY,
  starts_at  timestamptz NOT NULL,
  ends_at    timestamptz NOT NULL CHECK (ends_at > starts_at),
  resources  text[] NOT NULL CHECK (cardinality(resources) > 0),
  reason     text NOT NULL,
  created_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  ended_by   text
);
CREATE INDEX maintenance_windows_ends_at ON turno.maintenance_windows (ends_at);

-- Each person's quiet hours, Mexico City time; start > end spans midnight.
CREATE TABLE turno.quiet_hours (
  user_name  text PRIMARY KEY,
  start_hour smallint NOT NULL CHECK (start_hour BETWEEN 0 AND 23),
  end_hour   smallint NOT NULL CHECK (end_hour BETWEEN 0 AND 23),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (start_hour <> end_hour)
);

-- Down Migration
DROP TABLE turno.quiet_hours;
DROP TABLE turno.maintenance_windows;
DROP TABLE turno.notifications;
DROP TABLE turno.alert_notify;
DROP TABLE turno.oncall_overrides;
DROP TABLE turno.oncall_rotation;
