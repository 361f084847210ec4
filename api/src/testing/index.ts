/**
 * Helpers for API tests against the real PostgreSQL server (127.0.0.1:5432, TEST_DATABASE_URL):
 * - `createTestDatabase()`: a fresh `turno_test_<random>` with the runbook's Sync_error rows;
 *   `drop()` removes it.
 * - `createTestDeps(options)`: AppDeps over such a database (migrated, keys generated, sandbox
 *   cloud, recording pusher); `close()` ends the pools and drops the database.
 * - `signIn(app, user)` → bearer token via dev sign-in; `bearer(token)` → the header.
 * - `createRecordingPusher()`: an AlertPusher that keeps what it was asked to send.
 */
export { createTestDatabase, serverUrl, type TestDatabase } from './database.ts';
export {
  bearer, createTestDeps, signIn, testConfig, type TestDeps, type TestDepsOptions,
} from './deps.ts';
export { createRecordingPusher, type RecordingPusher } from './recording-pusher.ts';
