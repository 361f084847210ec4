import type { Pool, PoolClient } from 'pg';
import type { Bilingual } from '@turno/shared';
import { inTransaction } from '../db/transaction.ts';
import type { AppDeps } from '../types.ts';
import { syncErrorDrills } from '../watcher/drills.ts';
import { infraDrills } from './infra/drills.ts';
import { messagingDrills } from './messaging/drills.ts';
import { makeProbeDue } from './probe-store.ts';

/** A way to break one probe's sandbox on purpose, for on-call training (Simulacros). */
export interface Drill {
  /** kebab-case and stable: the route's `:name` and the key of its stored state. */
  name: string;
  /**
   * The probe it breaks, or that shows its effect: turning the drill on or off makes that probe
   * due at once. Null for a drill only the watcher's Sync_error pass shows.
   */
  probe: string | null;
  title: Bilingual;
  /** What the technician should see happen, in both languages. */
  description: Bilingual;
  /** Called after the state is stored, for a sandbox held in memory; optional. */
  apply?(deps: AppDeps, on: boolean): Promise<void>;
  /** Whether this deployment's sandbox can play it; always, when left out. */
  available?(deps: AppDeps): boolean;
}

export interface DrillState {
  on: boolean;
  /** When it was turned on (ISO), null when off. */
  since: string | null;
}

/** Every drill; each area adds its own list here. */
export const drills: readonly Drill[] = [...messagingDrills, ...infraDrills, ...syncErrorDrills];

const settingKey = 'sandbox.drills';

type Db = Pool | PoolClient;
type Stored = Record<string, { since: string }>;

export function findDrill(name: string): Drill | undefined {
  return drills.find((drill) => drill.name === name);
}

/** True when this deployment's sandbox can play the drill. */
export function drillAvailable(deps: AppDeps, drill: Drill): boolean {
  return drill.available?.(deps) ?? true;
}

/** The drills that are on, by name, with the time each was turned on. */
export async function readDrillStates(db: Db): Promise<Stored> {
  const { rows } = await db.query<{ value: unknown }>(
    'SELECT value FROM turno.settings WHERE key = $1', [settingKey],
  );
  const value = rows[0]?.value;
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? value as Stored : {};
}

/** When the drill was turned on, or null while it is off: sandboxes read it on every answer. */
export async function drillSince(db: Db, name: string): Promise<Date | null> {
  const since = (await readDrillStates(db))[name]?.since;
  return since ? new Date(since) : null;
}

/**
 * Turns a drill on or off and makes its probe due, so the next watcher run shows the effect.
 * Turning on a drill that is on keeps its first time.
 */
export async function setDrill(
  deps: AppDeps, drill: Drill, on: boolean, now: Date,
): Promise<{ before: DrillState; after: DrillState }> {
  const change = await inTransaction(deps.statePool, async (client) => {
    await client.query(
      `INSERT INTO turno.settings (key, value) VALUES ($1, '{}'::jsonb)
        ON CONFLICT (key) DO NOTHING`,
      [settingKey],
    );
    const { rows } = await client.query<{ value: Stored }>(
      'SELECT value FROM turno.settings WHERE key = $1 FOR UPDATE', [settingKey],
    );
    const stored = rows[0]?.value ?? {};
    const before = stateOf(stored, drill.name);
    const next: Stored = { ...stored };
    if (on) next[drill.name] = stored[drill.name] ?? { since: now.toISOString() };
    else delete next[drill.name];
    const after = stateOf(next, drill.name);
    await client.query('UPDATE turno.settings SET value = $2 WHERE key = $1',
      [settingKey, JSON.stringify(next)]);
    if (drill.probe !== null) await makeProbeDue(client, drill.probe);
    return { before, after };
  });
  await drill.apply?.(deps, on);
  return change;
}

function stateOf(stored: Stored, name: string): DrillState {
  const since = stored[name]?.since ?? null;
  return { on: since !== null, since };
}
