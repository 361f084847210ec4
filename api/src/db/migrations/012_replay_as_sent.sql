-- Up Migration

-- A replayed answer is sent as the first one was: json keeps the text with its key order,
-- where jsonb sorts keys and a double tap's second answer read differently from its first.
ALTER TABLE turno.idempotency_keys ALTER COLUMN response TYPE json USING response::json;

-- Down Migration
ALTER TABLE turno.idempotency_keys ALTER COLUMN response TYPE jsonb USING response::jsonb;
