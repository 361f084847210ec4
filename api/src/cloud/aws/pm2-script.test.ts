import { spawnSync } from 'node:child_process';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseOutput } from './pm2-output.ts';
import { daemonDownExit, pm2Script, type Pm2Target } from './pm2-script.ts';

const fakeSudo = `#!/bin/sh
printf 'sudo %s\\n' "$*" >> "$TURNO_TEST_RECORD"
user=root
while [ $# -gt 0 ]; do
  case "$1" in
    -n|-H) shift ;;
    -u) user=$2; shift 2 ;;
    *) break ;;
  esac
done
FAKE_SUDO_USER=$user exec "$@"
`;

// Prints a whole jlist, env included, as pm2 does: the script must keep the env on the host.
const fakePm2 = `#!/bin/sh
printf 'pm2 %s | user=%s | PM2_HOME=%s\\n' "$*" "\${FAKE_SUDO_USER:-root}" "\${PM2_HOME:-unset}" \\
  >> "$TURNO_TEST_RECORD"
case "$1" in
  jlist) printf '%s\\n' '[{"pm_id":0,"name":"Linde-Ocurrences","monit":{"memory":69101568},' \\
    '"pm2_env":{"status":"online","restart_time":3,"pm_uptime":1700000000000,' \\
    '"DB_PASSWORD":"hunter2-secret"}}]' ;;
  flush) echo '[PM2] Flushing /home/ssm-user/.pm2/pm2.log' ;;
  logs) echo 'main: 30.151s' ;;
esac
`;

const shells = ['bash', 'dash'].filter((shell) => spawnSync(shell, ['-c', 'true']).status === 0);

describe('pm2Script (text)', () => {
  it('runs pm2 as ssm-user with its PM2_HOME, after checking the daemon is alive', () => {
    const script = pm2Script('pm2-flush', { lines: 100 }).join('\n');

    expect(script).toContain("app_user='ssm-user'");
    expect(script).toContain("PM2_HOME='/home/ssm-user/.pm2'");
    expect(script).toContain(
      'sudo -n -H -u "$app_user" env PM2_HOME="$PM2_HOME" PATH="$PATH" "$pm2_bin" "$@"');
    expect(script.indexOf('rpc.sock')).toBeLessThan(script.indexOf('as_app flush'));
    expect(script).toContain('kill -0 "$pid"');
    expect(script).not.toMatch(/pm2 ping/);
  });

  it('puts only the validated numbers of a log request into the script', () => {
    const script = pm2Script('pm2-logs', { process: 2, lines: 50 });

    expect(script.at(-1)).toBe('as_app logs 2 --lines 50 --nostream --raw 2>&1 | tail -c 20000');
  });

  it.each([
    ['a negative process', { process: -1, lines: 10 }],
    ['a fractional process', { process: 1.5, lines: 10 }],
    ['no process', { lines: 10 }],
  ])('refuses to write a log script for %s', (_name, args) => {
    expect(() => pm2Script('pm2-logs', args)).toThrow(/whole number/);
  });

  it('refuses a target whose user or home could break out of the quotes', () => {
    const target = { user: "ssm-user'; rm -rf /", home: '/home/ssm-user/.pm2' };

    expect(() => pm2Script('pm2-list', { lines: 1 }, target)).toThrow(/characters/);
  });

  it('reads the disk with df alone, without touching pm2', () => {
    expect(pm2Script('disk', { lines: 1 })).toEqual(['set -eu', 'df -P -k /']);
  });
});

describe.each(shells)('pm2Script run under %s with fake sudo and pm2', (shell) => {
  let dir: string;
  let target: Pm2Target;
  let socket: Server | undefined;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'turno-pm2-'));
    target = { user: 'ssm-user', home: join(dir, '.pm2') };
    await writeFile(join(dir, 'record'), '');
    await rm(target.home, { recursive: true, force: true });
    spawnSync('mkdir', ['-p', target.home, join(dir, 'bin')]);
    for (const [name, text] of [['sudo', fakeSudo], ['pm2', fakePm2]] as const) {
      await writeFile(join(dir, 'bin', name), text);
      await chmod(join(dir, 'bin', name), 0o755);
    }
  });

  afterEach(async () => {
    await new Promise<void>((resolve) => (socket ? socket.close(() => resolve()) : resolve()));
    socket = undefined;
    await rm(dir, { recursive: true, force: true });
  });

  async function startDaemon(pid: number): Promise<void> {
    socket = createServer();
    await new Promise<void>((resolve) => socket?.listen(join(target.home, 'rpc.sock'), resolve));
    await writeFile(join(target.home, 'pm2.pid'), `${pid}\n`);
  }

  async function run(kind: Parameters<typeof pm2Script>[0], args = { lines: 20 }) {
    const file = join(dir, '_script.sh');
    await writeFile(file, pm2Script(kind, args, target).join('\n'));
    // As Run Command runs it: root's PATH, no HOME, no PM2_HOME.
    const env = {
      PATH: `${join(dir, 'bin')}:${dirname(process.execPath)}:/usr/bin:/bin`,
      TURNO_TEST_RECORD: join(dir, 'record'),
    };
    const result = spawnSync(shell, [file], { env, encoding: 'utf8' });
    const record = await readFile(join(dir, 'record'), 'utf8');
    return { code: result.status, stdout: result.stdout, stderr: result.stderr, record };
  }

  it('fails clearly and never flushes when the daemon has no socket', async () => {
    const { code, stderr, record } = await run('pm2-flush');

    expect(code).toBe(daemonDownExit);
    expect(stderr).toMatch(/pm2 daemon of ssm-user is not running \(no socket/);
    expect(record).not.toContain('flush');
    expect(record).toBe('');
  });

  it('fails clearly and never flushes when the pid in pm2.pid is gone', async () => {
    const gone = spawnSync('true').pid;
    await startDaemon(gone);

    const { code, stderr, record } = await run('pm2-flush');

    expect(code).toBe(daemonDownExit);
    expect(stderr).toContain(`pid ${gone} in ${target.home}/pm2.pid is gone`);
    expect(record).not.toContain('pm2 flush');
  });

  it('flushes as ssm-user with PM2_HOME set when the daemon runs', async () => {
    await startDaemon(process.pid);

    const { code, stdout, record } = await run('pm2-flush');

    expect(code).toBe(0);
    expect(record).toContain('sudo -n -H -u ssm-user env');
    expect(record).toContain(`pm2 flush | user=ssm-user | PM2_HOME=${target.home}\n`);
    const output = parseOutput('pm2-flush', stdout, new Date());
    expect(output).toMatchObject({ kind: 'pm2-flush' });
    if (output.kind !== 'pm2-flush') throw new Error('not a flush');
    expect(output.diskBefore?.usePercent).toBeGreaterThan(0);
    expect(output.diskAfter?.sizeGiB).toBe(output.diskBefore?.sizeGiB);
  });

  it('lists processes without letting their environment leave the host', async () => {
    await startDaemon(process.pid);

    const { code, stdout, record } = await run('pm2-list');

    expect(code).toBe(0);
    expect(record).toContain(`pm2 jlist | user=ssm-user | PM2_HOME=${target.home}`);
    expect(stdout).not.toContain('hunter2');
    expect(parseOutput('pm2-list', stdout, new Date(1_700_000_060_000))).toEqual({
      kind: 'pm2-list',
      processes: [{
        id: 0, name: 'Linde-Ocurrences', status: 'online', memoryMb: 65.9, restarts: 3,
        uptimeSeconds: 60,
      }],
    });
  });

  it('tails one process log with the numbers it was given', async () => {
    await startDaemon(process.pid);

    const { code, stdout, record } = await run('pm2-logs', { process: 2, lines: 50 } as never);

    expect(code).toBe(0);
    expect(record).toContain('pm2 logs 2 --lines 50 --nostream --raw | user=ssm-user');
    expect(stdout).toBe('main: 30.151s\n');
  });

  it('reads the root filesystem with df', async () => {
    const { code, stdout } = await run('disk');

    expect(code).toBe(0);
    const output = parseOutput('disk', stdout, new Date());
    if (output.kind !== 'disk') throw new Error('not disk');
    expect(output.disk.usePercent).toBeGreaterThanOrEqual(0);
    expect(output.disk.usePercent).toBeLessThanOrEqual(100);
    expect(output.disk.sizeGiB).toBeGreaterThan(0);
  });
});
