import { afterEach, describe, expect, it } from 'vitest';
import { createTestDeps, type TestDeps } from '../testing/index.ts';
import { literal, readTogether, statement } from './statements.ts';

let deps: TestDeps | undefined;

afterEach(async () => {
  await deps?.close();
  deps = undefined;
});

const word = (text: string) => statement(`SELECT ${literal(text)} AS word`,
  (rows: Array<{ word: string }>) => rows[0]?.word);

describe('readTogether', () => {
  it('sends the statements as one query and reads each result with its own statement',
    async () => {
      deps = await createTestDeps();
      const client = await deps.statePool.connect();
      let sent = 0;
      const query = client.query.bind(client) as (...args: unknown[]) => unknown;
      Object.assign(client, {
        query: (...args: unknown[]) => { sent += 1; return query(...args); },
      });

      const [one, count, quoted] = await readTogether(client, [
        word('uno'),
        statement('SELECT count(*)::int AS n FROM generate_series(1, 3)',
          (rows: Array<{ n: number }>) => rows[0]?.n),
        word(`it's \\ "quoted"`),
      ]).finally(() => client.release());

      expect([one, count, quoted]).toEqual(['uno', 3, `it's \\ "quoted"`]);
      expect(sent).toBe(1);
    });

  it('reads a lone statement as well', async () => {
    deps = await createTestDeps();

    expect(await readTogether(deps.statePool, [word('solo')])).toEqual(['solo']);
  });
});
