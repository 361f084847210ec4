import type pg from 'pg';
import type { ScheduleDocument, SchedulerPort } from './types.ts';

const settingKey = 'sandbox.schedules';
const dateFields = ['StartDate', 'EndDate', 'CreationDate', 'LastModificationDate'] as const;

/**
 * The sandbox's schedules as last saved in `turno.settings`, or undefined on a first start.
 * Without this a restart would show a paused schedule as enabled while the audit says paused.
 */
export async function loadSandboxSchedules(
  pool: pg.Pool,
): Promise<ScheduleDocument[] | undefined> {
  const { rows } = await pool.query<{ value: unknown }>(
    'SELECT value FROM turno.settings WHERE key = $1', [settingKey],
  );
  const saved = rows[0]?.value;
  if (!Array.isArray(saved)) return undefined;
  return saved.map((document: Record<string, unknown>) => {
    const revived: Record<string, unknown> = { ...document };
    for (const field of dateFields) {
      const value = document[field];
      if (typeof value === 'string') revived[field] = new Date(value);
    }
    return revived as unknown as ScheduleDocument;
  });
}

/** Saves every schedule after each successful write, so the sandbox survives a restart. */
export function persistingScheduler(scheduler: SchedulerPort, pool: pg.Pool): SchedulerPort {
  return {
    listSchedules: () => scheduler.listSchedules(),
    getSchedule: (group, name) => scheduler.getSchedule(group, name),
    async updateSchedule(update, budget) {
      await scheduler.updateSchedule(update, budget);
      const summaries = await scheduler.listSchedules();
      const documents = await Promise.all(
        summaries.map((summary) => scheduler.getSchedule(summary.GroupName, summary.Name)),
      );
      await pool.query(
        `INSERT INTO turno.settings (key, value) VALUES ($1, $2)
          ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`,
        [settingKey, JSON.stringify(documents.filter(Boolean))],
      );
    },
  };
}
