import pg from 'pg';
import type { ColdStartCase } from './cold-start.ts';
import type { FakeAws } from './fake-aws.ts';

/** The calls Estado makes to read the cloud itself: RDS, CloudWatch and Scheduler. */
const cloudReads = (aws: FakeAws) => Object.entries(aws.calls())
  .filter(([operation]) => operation !== 'GetSecretValue')
  .reduce((sum, [, count]) => sum + count, 0);

/**
 * The api's case twice over one database: as deployed, the watcher keeps Estado's snapshot
 * (turno.estado_snapshot) fresh, so a cold start reads no cloud; `live` removes it first, as
 * when the watcher has stopped or an action has just changed something. Live starts store
 * what they read as the watcher does, so each round's `live` leaves the snapshot `fromSnapshot`
 * starts with. Each side checks, after its start, that the cloud was read or left alone.
 */
export function estadoCases(
  base: ColdStartCase, databaseUrl: string, aws: FakeAws,
): { live: ColdStartCase; fromSnapshot: ColdStartCase; close: () => Promise<void> } {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
  let readsBefore = 0;
  const count = async () => { readsBefore = cloudReads(aws); };
  const expectReads = (read: boolean) => async () => {
    if ((cloudReads(aws) > readsBefore) !== read) {
      throw new Error(read ? 'a live Estado start read no cloud'
        : 'a start from the snapshot read the cloud');
    }
  };
  return {
    live: {
      ...base,
      before: async () => {
        // Before the warm-up's first start has migrated the database there is no table yet.
        await pool.query('DELETE FROM turno.estado_snapshot').catch((error: unknown) => {
          if ((error as { code?: string }).code !== '42P01') throw error;
        });
        await count();
      },
      after: expectReads(true),
    },
    fromSnapshot: {
      ...base,
      before: async () => {
        const { rows } = await pool.query<{ parts: number }>(
          `SELECT count(*)::int AS parts FROM turno.estado_snapshot
            WHERE read_at > now() - interval '60 seconds'`,
        );
        if (rows[0]?.parts !== 2) throw new Error('no fresh Estado snapshot before the start');
        await count();
      },
      after: expectReads(false),
    },
    close: () => pool.end(),
  };
}
