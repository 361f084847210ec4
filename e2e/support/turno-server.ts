import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';
import { createTestDatabase } from './database.ts';
import { freePort } from './free-port.ts';
import { waitFor } from './wait-for.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const webDist = join(root, 'web/dist/index.html');

export interface RunningTurno {
  url: string;
  /** A pool on this instance's own database (Sync_error and Turno's schema). */
  db: pg.Pool;
  /** The server's output so far, for error messages. */
  output(limit?: number): string;
  stop(): Promise<void>;
}

export interface StartOptions {
  env?: Record<string, string>;
  /** A CA certificate (PEM) the server must trust, such as a local push service's. */
  trustCa?: string;
  timeoutMs?: number;
}

/** Starts the real server (`api/src/server.ts`) on a free port with a database of its own. */
export async function startTurno(
  { env = {}, trustCa, timeoutMs = 60_000 }: StartOptions = {},
): Promise<RunningTurno> {
  if (!existsSync(webDist)) {
    throw new Error(`${webDist} is missing: run \`npm run build\` first (npm test does).`);
  }
  const database = await createTestDatabase();
  const scratch = await mkdtemp(join(tmpdir(), 'turno-e2e-'));
  const dataDir = join(scratch, 'data');
  await mkdir(dataDir);
  const caFile = join(scratch, 'ca.pem');
  if (trustCa) await writeFile(caFile, trustCa);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;

  const log: string[] = [];
  const child = spawn(process.execPath, ['--import', 'tsx', 'api/src/server.ts'], {
    cwd: root,
    env: {
      ...parentEnv(),
      LOG_LEVEL: 'info',
      PORT: String(port),
      DATABASE_URL: database.url,
      WATCH_INTERVAL_S: '1',
      TURNO_DATA_DIR: dataDir,
      PUBLIC_URL: url,
      // The local push service stands in for a browser's: trust its certificate and its host.
      ...(trustCa ? { NODE_EXTRA_CA_CERTS: caFile, PUSH_SERVICE_HOSTS: '127.0.0.1' } : {}),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => log.push(chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => log.push(chunk.toString()));
  const output = (limit = 4000) => log.join('').slice(-limit);

  const stop = async (): Promise<void> => {
    await stopProcess(child);
    await database.drop();
    await rm(scratch, { recursive: true, force: true });
  };

  try {
    await waitFor(async () => {
      const response = await fetch(`${url}/api/health`);
      return response.ok ? true : undefined;
    }, {
      timeoutMs,
      intervalMs: 200,
      what: `GET ${url}/api/health`,
      giveUpIf: () => (child.exitCode === null ? undefined : `exited with ${child.exitCode}`),
    });
  } catch (error) {
    await stop();
    throw new Error(`Turno did not start: ${(error as Error).message}\n${output()}`);
  }

  return { url, db: database.pool, output, stop };
}

/** The test runner's environment without Vitest's markers, which quieten the server's log. */
function parentEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith('VITEST')),
  );
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}
