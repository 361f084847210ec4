import type { ProbeName, ProbeSummaryOf } from '@turno/shared';
import { functionFromTargetArn } from '../../cloud/lambda-arn.ts';
import { isManaged } from '../../actions/schedule-view.ts';
import type { AppDeps } from '../../types.ts';
import type { Probe, ProbeResult } from '../types.ts';
import type { InfraConfig } from './config.ts';
import { stillFiring } from './schedule-ends.ts';

export const allFunctionsProbeName = 'all-functions' satisfies ProbeName;

/** One function erring is its own cause's alert; "every function" needs at least two. */
const minFunctions = 2;

interface Failing {
  name: string;
  errors: number;
}

/**
 * Every Lambda failing at once, a critical alert that reaches people in their quiet hours:
 * each enabled managed schedule's function has Sync_error rows inside the window. Reads the
 * schedules' list, each enabled managed schedule once per change of it (its end date), and
 * Turno's copy of Sync_error, which the watcher has just filled.
 */
export function allFunctionsProbe(config: InfraConfig['allFunctions']): Probe {
  return {
    name: allFunctionsProbeName,
    intervalSeconds: config.intervalSeconds,
    async run(deps, now): Promise<ProbeResult> {
      const functions = await enabledFunctions(deps, now);
      const since = new Date(now.getTime() - config.windowSeconds * 1000);
      const failing = await failingSince(deps, functions, since);
      const summary: ProbeSummaryOf<typeof allFunctionsProbeName> = {
        functions: functions.length, failing: failing.length,
        windowMinutes: Math.round(config.windowSeconds / 60),
      };
      if (functions.length < minFunctions || failing.length < functions.length) {
        return { findings: [], summary };
      }
      const common = await commonCause(deps, functions, since);
      return {
        findings: [{
          category: 'all-functions-failing', resources: functions,
          detail: {
            functions: functions.length, windowMinutes: summary.windowMinutes,
            errors: failing.reduce((sum, one) => sum + one.errors, 0),
            commonCategory: common?.category ?? null, commonCard: common?.card ?? null,
          },
        }],
        summary,
      };
    },
  };
}

/** Functions of the managed schedules that are on and not past their end date, by name. */
async function enabledFunctions(deps: AppDeps, now: Date): Promise<string[]> {
  const { scheduler } = deps.cloud;
  const enabled = (await scheduler.listSchedules())
    .filter((s) => s.State === 'ENABLED' && isManaged(deps.config.managedSchedules,
      s.GroupName, s.Name));
  // An ENABLED schedule past its EndDate never starts its function: it cannot be "failing".
  const names = (await stillFiring(scheduler, enabled, now))
    .map((s) => functionFromTargetArn(s.TargetArn))
    .filter((name): name is string => name !== null);
  return [...new Set(names)].sort();
}

async function failingSince(deps: AppDeps, functions: string[], since: Date): Promise<Failing[]> {
  if (functions.length === 0) return [];
  const { rows } = await deps.statePool.query<Failing>(
    `SELECT function_name AS name, count(*)::int AS errors FROM turno.seen_errors
      WHERE function_name = ANY($1::text[]) AND created_at >= $2
      GROUP BY function_name`,
    [functions, since],
  );
  return rows;
}

/** The cause most of those rows share (card T.12.2: "the error that repeats most"). */
async function commonCause(deps: AppDeps, functions: string[], since: Date) {
  const { rows } = await deps.statePool.query<{ category: string; card: string | null }>(
    `SELECT category, card FROM turno.seen_errors
      WHERE function_name = ANY($1::text[]) AND created_at >= $2
      GROUP BY category, card ORDER BY count(*) DESC, category LIMIT 1`,
    [functions, since],
  );
  return rows[0] ?? null;
}
