-- Up Migration

-- Everyone who signed in or called the API, with the role they had the last time: Cognito's
-- users cannot be listed from configuration, and the people on call must be able to
-- acknowledge (operator or admin).
CREATE TABLE turno.users (
  user_name     text PRIMARY KEY,
  role          text NOT NULL CHECK (role IN ('viewer', 'operator', 'admin')),
  first_seen_at timestamptz NOT NULL,
  last_seen_at  timestamptz NOT NULL
);

-- Down Migration
DROP TABLE turno.users;
