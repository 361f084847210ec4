import type { MaintenanceResource, MaintenanceResourceKind } from '@turno/shared';
import { functionFromTargetArn } from '../cloud/lambda-arn.ts';
import { errorFields } from '../log.ts';
import { cronDiskProbeName, pm2ProbeName } from '../probes/infra/probe-names.ts';
import type { AppDeps } from '../types.ts';

/** A resource a maintenance window may name, and every name alerts may call it by. */
export interface CatalogEntry extends MaintenanceResource {
  /** What a window naming it covers: its names and ids, and what runs on it. */
  covers: string[];
}

export interface Catalog {
  entries: CatalogEntry[];
  /** False when part of the cloud did not answer: a name missing may still exist. */
  complete: boolean;
}

/** The messaging services the probes and Sync_error alerts name. */
const services = ['ultramsg', 'gmail'];
/** Probes whose checks run on the cron instance: a window on it expects them to fail. */
const cronHostProbes = [pm2ProbeName, cronDiskProbeName];
/** Functions named by Sync_error rows this recent are offered beside the scheduled ones. */
const recentFunctionsDays = 30;

const entry = (
  kind: MaintenanceResourceKind, name: string, aliases: string[] = [], more: string[] = [],
): CatalogEntry => ({
  kind, name, aliases: aliases.filter((alias) => alias !== name),
  covers: [...new Set([name, ...aliases, ...more])],
});

/**
 * Everything a window may name, as people know it: EC2 instances by Name tag, RDS ids,
 * schedules, functions, data sources, messaging services and Turno's own probes. A part the
 * cloud cannot list now is left out and the catalog marked incomplete.
 */
export async function resourceCatalog(deps: AppDeps): Promise<Catalog> {
  let complete = true;
  const part = async <T>(name: string, read: () => Promise<T[]>): Promise<T[]> => {
    try {
      return await read();
    } catch (error) {
      complete = false;
      deps.log.warn('maintenance.catalog_part_failed', { part: name, ...errorFields(error) });
      return [];
    }
  };
  const { cloud, config } = deps;
  const [instances, databases, schedules, seen, probes] = await Promise.all([
    part('instances', () => cloud.ec2.listInstances()),
    part('databases', () => cloud.rds.listDatabases()),
    part('schedules', () => cloud.scheduler.listSchedules()),
    part('functions', () => recentFunctions(deps)),
    part('probes', () => probeNames(deps)),
  ]);
  const cron = cloud.cronHost.instanceId;
  const entries: CatalogEntry[] = instances.map((instance) => entry(
    'instance', instance.name, [instance.id], instance.id === cron ? cronHostProbes : [],
  ));
  if (!instances.some((instance) => instance.id === cron)) {
    entries.push(entry('instance', cron, [], cronHostProbes));
  }
  entries.push(...databases.map((db) => entry('database', db.id)));
  const scheduled = schedules.map((s) => ({ s, fn: functionFromTargetArn(s.TargetArn) }));
  const functions = new Set([...scheduled.flatMap(({ fn }) => (fn ? [fn] : [])), ...seen]);
  entries.push(...[...functions].sort().map((name) => entry('function', name)));
  // A schedule only starts its function: a window on it covers that function's alerts.
  entries.push(...scheduled.map(({ s, fn }) =>
    entry('schedule', `${s.GroupName}/${s.Name}`, [s.Name], fn ? [fn] : [])));
  entries.push(...Object.entries(config.dataSources)
    .map(([id, name]) => entry('data-source', name, [id])));
  entries.push(...services.map((name) => entry('service', name)));
  entries.push(...probes.filter((name) => !services.includes(name))
    .map((name) => entry('probe', name)));
  return { entries, complete };
}

async function recentFunctions(deps: AppDeps): Promise<string[]> {
  const since = new Date(deps.now().getTime() - recentFunctionsDays * 86_400_000);
  const { rows } = await deps.statePool.query<{ name: string }>(
    `SELECT DISTINCT function_name AS name FROM turno.seen_errors
      WHERE function_name IS NOT NULL AND created_at >= $1 LIMIT 200`,
    [since],
  );
  return rows.map((row) => row.name);
}

/** The probes the watcher runs here, as their runs recorded them. */
async function probeNames(deps: AppDeps): Promise<string[]> {
  const { rows } = await deps.statePool.query<{ probe: string }>(
    'SELECT probe FROM turno.probe_runs ORDER BY probe',
  );
  return rows.map((row) => row.probe);
}

/**
 * The entries each name stands for, and the names that stand for none. A name matches an
 * entry's own name first, else its aliases, ignoring case: "I-0A1B…" is flotas-cron-arc.
 */
export function resolveNames(
  catalog: readonly CatalogEntry[], names: readonly string[],
): { entries: CatalogEntry[]; unknown: string[] } {
  const found = new Set<CatalogEntry>();
  const unknown: string[] = [];
  for (const name of names) {
    const wanted = name.trim().toLowerCase();
    const own = catalog.filter((one) => one.name.toLowerCase() === wanted);
    const matches = own.length > 0 ? own
      : catalog.filter((one) => one.aliases.some((alias) => alias.toLowerCase() === wanted));
    if (matches.length === 0) unknown.push(name);
    for (const match of matches) found.add(match);
  }
  return { entries: [...found], unknown };
}
