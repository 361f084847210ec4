import type pg from 'pg';
import { loadSandboxSchedules, persistingScheduler } from './sandbox-persistence.ts';
import { encodeSnapshot, reviveDates, type SandboxSnapshot } from './sandbox-snapshot.ts';
import { createSandboxCloud, type SandboxCloud, type SandboxCloudOptions } from './sandbox.ts';

const settingKey = 'sandbox.state';
/** Bumped when the snapshot's shape changes: an older one is set aside for a fresh sandbox. */
const snapshotVersion = 1;

/** The snapshot last stored and its revision, which orders writes that cross on the way. */
export interface SavedSandbox {
  revision: number;
  snapshot: SandboxSnapshot;
}

/** The sandbox's RDS, EC2, cron host, logs and drills as last stored, or undefined. */
export async function loadSandboxState(pool: pg.Pool): Promise<SavedSandbox | undefined> {
  const { rows } = await pool.query<{ value: unknown }>(
    'SELECT value FROM turno.settings WHERE key = $1', [settingKey],
  );
  const value = rows[0]?.value as Partial<{ version: number; revision: number; sandbox: unknown }>
    | undefined;
  if (value?.version !== snapshotVersion || typeof value.revision !== 'number') return undefined;
  const snapshot = reviveDates(value.sandbox) as SandboxSnapshot | null;
  if (!snapshot?.rds || !snapshot.ec2 || !snapshot.cronHost || !snapshot.logs) return undefined;
  return { revision: value.revision, snapshot };
}

// A write that was overtaken (it waited for the database while a later one went through)
// must not put the older state back.
const upsert = `INSERT INTO turno.settings (key, value) VALUES ($1, $2)
  ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value
  WHERE (turno.settings.value->>'revision')::bigint < (EXCLUDED.value->>'revision')::bigint
    OR turno.settings.value->>'version' IS DISTINCT FROM EXCLUDED.value->>'version'`;

/**
 * The sandbox, storing its state after each change an action makes (grow storage, a pm2 flush
 * or any command, log retention) and after drills change it (`persist`, from drill-sync).
 * Like the schedules, the write happens before the action answers; on the embedded database
 * an action lends its locked client to it (gated-pool.ts withLentClient).
 */
export function persistingSandbox(
  sandbox: SandboxCloud, pool: pg.Pool, saved?: SavedSandbox,
): SandboxCloud {
  let revision = saved?.revision ?? 0;
  let last = encodeSnapshot(saved?.snapshot ?? sandbox.snapshot());

  async function persist(): Promise<void> {
    const text = encodeSnapshot(sandbox.snapshot());
    if (text === last) return;
    last = text;
    revision += 1;
    const value = `{"version":${snapshotVersion},"revision":${revision},"sandbox":${text}}`;
    try {
      await pool.query(upsert, [settingKey, value]);
    } catch (error) {
      // Not stored: the next change tries again with everything.
      if (last === text) last = '';
      throw error;
    }
  }

  const thenPersist = <A extends unknown[], R>(work: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      const result = await work(...args);
      await persist();
      return result;
    };

  const { rds, cronHost, logs } = sandbox;
  return {
    ...sandbox,
    rds: { ...rds, modifyStorage: thenPersist(rds.modifyStorage) },
    // A poll is what finishes a command in the sandbox, a flush emptying the logs with it.
    cronHost: {
      ...cronHost,
      startCommand: thenPersist(cronHost.startCommand),
      getCommand: thenPersist(cronHost.getCommand),
    },
    logs: { ...logs, setRetention: thenPersist(logs.setRetention) },
    persist,
  };
}

/**
 * The sandbox as the last run left it, schedules included, that stores every change in
 * `turno.settings`: without it a restart would show 100 GiB while the audit says 120.
 */
export async function openPersistedSandbox(
  pool: pg.Pool, options: SandboxCloudOptions = {},
): Promise<SandboxCloud> {
  const schedules = await loadSandboxSchedules(pool);
  const saved = await loadSandboxState(pool);
  const sandbox = createSandboxCloud({
    ...options,
    ...(schedules ? { schedules } : {}),
    ...(saved ? { restore: saved.snapshot } : {}),
  });
  const persisted = persistingSandbox(sandbox, pool, saved);
  return { ...persisted, scheduler: persistingScheduler(sandbox.scheduler, pool) };
}
