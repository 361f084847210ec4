import { escapeLiteral, type Pool, type PoolClient, type QueryResult } from 'pg';

/**
 * A SELECT whose values are written into its text as literals, and how to read its rows, so
 * that several can go to PostgreSQL together (`readTogether`).
 */
export interface Statement<T> {
  text: string;
  read(rows: unknown[]): T;
}

export function statement<R, T>(text: string, read: (rows: R[]) => T): Statement<T> {
  return { text, read: (rows) => read(rows as R[]) };
}

/** A string as a SQL literal, quotes and backslashes escaped. */
export function literal(value: string): string {
  return escapeLiteral(value);
}

/**
 * Runs the statements as one simple query: one round trip on one connection rather than one
 * each, and one implicit transaction, so they read one snapshot. Their results come back in
 * order; the simple protocol takes no parameters, hence the literals.
 */
export async function readTogether<T extends unknown[]>(
  db: Pool | PoolClient, statements: { [K in keyof T]: Statement<T[K]> },
): Promise<T> {
  const list = statements as Array<Statement<unknown>>;
  const answer = (await db.query(list.map((s) => s.text).join(';\n'))) as unknown as
    QueryResult | QueryResult[];
  const results = Array.isArray(answer) ? answer : [answer];
  if (results.length !== list.length) {
    throw new Error(`${list.length} statements answered ${results.length} results`);
  }
  return list.map((s, index) => s.read(results[index]?.rows ?? [])) as T;
}
