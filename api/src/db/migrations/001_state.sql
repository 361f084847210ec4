-- Up Migration
CREATE SCHEMA IF NOT EXISTS turno;

-- Keys Turno generates on first start (VAPID pair, JWT signing secret): one row per key.
CREATE TABLE turno.settings (
  key        text PRIMARY KEY,
  value      jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE turno.push_subscriptions (
  id                bigserial PRIMARY KEY,
  endpoint          text NOT NULL UNIQUE,
  p256dh            text NOT NULL,
  auth              text NOT NULL,
  user_name         text NOT NULL,
  created_at        timestamptz NOT NULL DEFAULT now(),
  last_delivered_at timestamptz,
  last_failure_at   timestamptz,
  last_failure      text,
  backoff_until     timestamptz
);

-- Down Migration
DROP TABLE turno.push_subscriptions;
DROP TABLE turno.settings;
