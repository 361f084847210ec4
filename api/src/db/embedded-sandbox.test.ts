import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cronCommandSchema, databaseSchema, logRetentionSchema } from '@turno/shared';
import { createApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import { createLogger } from '../log.ts';
import { syncInfraDrills } from '../probes/infra/drill-sync.ts';
import { createRuntime, type Runtime } from '../runtime.ts';
import { bearer, signIn } from '../testing/index.ts';

const growPath = '/api/databases/flotas-develop/grow-storage';

/** `npm start` with no configuration, stopped and started again on the same data folder. */
describe('the sandbox on the embedded database across a restart', () => {
  let runtime: Runtime | undefined;
  let dir: string | undefined;
  afterEach(async () => {
    await runtime?.close();
    runtime = undefined;
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function start(dataDir: string) {
    await runtime?.close();
    const config = loadConfig({ TURNO_DATA_DIR: dataDir, DEV_SIGN_IN: 'on' });
    runtime = await createRuntime(config, createLogger({ level: 'silent' }));
    const app = createApp(runtime.deps);
    const send = async (user: string, method: string, path: string, body?: unknown) => {
      const headers = { ...bearer(await signIn(app, user)), 'content-type': 'application/json' };
      const payload = body === undefined ? {} : { body: JSON.stringify(body) };
      const response = await app.request(path, { method, headers, ...payload });
      return { status: response.status, body: await response.json() as unknown };
    };
    const primary = async () => {
      const { body } = await send('observador', 'GET', '/api/databases');
      return databaseSchema.array().parse(body).find((d) => d.id === 'flotas-develop');
    };
    const command = async (id: string) => cronCommandSchema
      .parse((await send('observador', 'GET', `/api/cron-host/commands/${id}`)).body);
    return { deps: runtime.deps, send, primary, command };
  }

  it('keeps grown storage, a pm2 flush and log retention, and plays no drill again',
    async () => {
      dir = mkdtempSync(join(tmpdir(), 'turno-embedded-sandbox-'));
      const first = await start(dir);
      await first.send('operador', 'POST', '/api/drills/rds-storage-low', { on: true });
      const drilled = await first.primary();
      const grow = (targetGiB: number) => ({ confirm: 'flotas-develop', targetGiB });
      const grown = await first.send('admin', 'POST', growPath, grow(120));
      const flush = await first.send('operador', 'POST', '/api/cron-host/commands',
        { kind: 'pm2-flush' });
      const retention = await first.send('admin', 'PUT', '/api/logs/retention', { days: 30 });
      const flushId = (flush.body as { commandId: string }).commandId;

      const second = await start(dir);
      await syncInfraDrills(second.deps);
      const restarted = await second.primary();
      const again = await second.send('admin', 'POST', growPath, grow(140));
      const kept = logRetentionSchema.parse((await second.send('observador', 'GET',
        '/api/logs/retention')).body);
      const flushed = await vi.waitFor(async () => {
        const found = await second.command(flushId);
        if (found.status !== 'success') throw new Error(`flush ${found.status}`);
        return found;
      }, { timeout: 15_000, interval: 250 });

      expect([grown.status, flush.status, retention.status]).toEqual([200, 202, 200]);
      expect(drilled?.freeStorageGiB).toBeCloseTo(7, 0);
      const size = restarted?.pendingModifiedValues.allocatedStorageGiB
        ?? restarted?.allocatedStorageGiB;
      expect(size).toBe(120);
      // 7 GiB the drill left, plus the 20 grown: the drill is not played on the new size.
      expect(restarted?.freeStorageGiB).toBeCloseTo(27, 0);
      expect(restarted?.growStorage.allowed).toBe(false);
      expect(again.status).toBe(409);
      expect(kept.days).toBe(30);
      expect(flushed.output?.kind).toBe('pm2-flush');
    });
});
