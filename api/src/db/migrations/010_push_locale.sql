-- Up Migration

-- The app's language on each device, so its notifications speak it; devices subscribed
-- before the app said so get the app's first language.
ALTER TABLE turno.push_subscriptions ADD COLUMN locale text NOT NULL DEFAULT 'es-MX'
  CHECK (locale IN ('es-MX', 'en'));

-- Down Migration
ALTER TABLE turno.push_subscriptions DROP COLUMN locale;
