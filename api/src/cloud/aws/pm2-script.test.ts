import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Pm2Target } from '@turno/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseOutput } from './pm2-output.ts';
import { daemonDownExit, notFoundExit, pm2FailedExit, pm2Script } from './pm2-script.ts';

// -H gives the command the app user's home, where its login shell finds nvm's PATH.
const fakeSudo = `#!/bin/sh
printf 'sudo %s\\n' "$*" >> "$TURNO_TEST_RECORD"
user=root
while [ $# -gt 0 ]; do
  case "$1" in
    -n) shift ;;
    -H) HOME=$TURNO_TEST_HOME; export HOME; shift ;;
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
  flush) if [ -e "$PM2_HOME/flush-fails" ]; then
      echo '[PM2][ERROR] EACCES: permission denied, open /home/ssm-user/.pm2/logs/a-out.log'
      exit 2
    fi
    echo '[PM2] Flushing /home/ssm-user/.pm2/pm2.log' ;;
  logs) if [ "$2" = 9 ]; then echo '[PM2][ERROR] process or namespace 9 not found'; exit 1; fi
    echo 'main: 30.151s' ;;
esac
`;

const shells = ['bash', 'dash'].filter((shell) => spawnSync(shell, ['-c', 'true']).status === 0);

describe('pm2Script (text)', () => {
  it('runs pm2 as ssm-user with its PM2_HOME, after checking the daemon is alive', () => {
    const script = pm2Script('pm2-flush', { lines: 100 }).join('\n');

    expect(script).toContain("app_user='ssm-user'");
    expect(script).toContain("PM2_HOME='/home/ssm-user/.pm2'");
    expect(script).toContain("pm2_bin=''");
    expect(script).toContain('sudo -n -H -u "$app_user" env PM2_HOME="$PM2_HOME" '
      + 'PATH="$bin_dir:$PATH" "$pm2_bin" "$@"');
    expect(script.indexOf('rpc.sock')).toBeLessThan(script.indexOf('as_app flush'));
    expect(script).toContain('kill -0 "$pid"');
    expect(script).toContain('/proc/$pid/cmdline');
    expect(script).not.toMatch(/pm2 ping/);
  });

  it('puts only the validated numbers of a log request into the script', () => {
    const script = pm2Script('pm2-logs', { process: 2, lines: 50 });

    expect(script).toContain('log=$(as_app logs 2 --lines 50 --nostream --raw 2>&1) || {');
    expect(script.at(-1)).toBe(`printf '%s\\n' "$log" | tail -c 20000`);
  });

  it.each([
    ['a negative process', { process: -1, lines: 10 }],
    ['a fractional process', { process: 1.5, lines: 10 }],
    ['no process', { lines: 10 }],
  ])('refuses to write a log script for %s', (_name, args) => {
    expect(() => pm2Script('pm2-logs', args)).toThrow(/whole number/);
  });

  it.each([
    ['user', { user: "ssm-user'; rm -rf /", home: '/home/ssm-user/.pm2', pm2Bin: null }],
    ['binary', { user: 'ssm-user', home: '/home/ssm-user/.pm2', pm2Bin: "/bin/pm2'; reboot" }],
  ])('refuses a target whose %s could break out of the quotes', (_name, target) => {
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
  let daemon: ChildProcess | undefined;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'turno-pm2-'));
    target = { user: 'ssm-user', home: join(dir, '.pm2'), pm2Bin: null };
    await writeFile(join(dir, 'record'), '');
    for (const sub of ['.pm2', 'bin', 'nvm/bin', 'home']) {
      await mkdir(join(dir, sub), { recursive: true });
    }
    // As nvm sets it up: pm2 and node in one directory on the app user's login PATH only.
    const login = `PATH="${join(dir, 'nvm', 'bin')}:$PATH"; export PATH\n`;
    await writeFile(join(dir, 'home', '.bash_profile'), login);
    await writeFile(join(dir, 'home', '.profile'), login);
    await symlink(process.execPath, join(dir, 'nvm', 'bin', 'node'));
    for (const [file, text] of [['bin/sudo', fakeSudo], ['nvm/bin/pm2', fakePm2]] as const) {
      await writeFile(join(dir, file), text);
      await chmod(join(dir, file), 0o755);
    }
  });

  afterEach(async () => {
    await new Promise<void>((resolve) => (socket ? socket.close(() => resolve()) : resolve()));
    socket = undefined;
    daemon?.kill();
    daemon = undefined;
    await rm(dir, { recursive: true, force: true });
  });

  /** A process whose command line says PM2, as the God Daemon's title does. */
  function pm2Daemon(): number {
    const title = 'PM2 v5.3.0: God Daemon';
    daemon = spawn(process.execPath, ['-e', 'setInterval(() => {}, 60_000)', title],
      { stdio: 'ignore' });
    if (daemon.pid === undefined) throw new Error('no daemon pid');
    return daemon.pid;
  }

  async function startDaemon(pid = pm2Daemon()): Promise<void> {
    socket = createServer();
    await new Promise<void>((resolve) => socket?.listen(join(target.home, 'rpc.sock'), resolve));
    await writeFile(join(target.home, 'pm2.pid'), `${pid}\n`);
  }

  async function run(kind: Parameters<typeof pm2Script>[0], args = { lines: 20 }) {
    const file = join(dir, '_script.sh');
    await writeFile(file, pm2Script(kind, args, target).join('\n'));
    // As Run Command runs it: root's PATH (no pm2, no nvm), no HOME, no PM2_HOME.
    const env = {
      PATH: `${join(dir, 'bin')}:/usr/bin:/bin`,
      TURNO_TEST_RECORD: join(dir, 'record'),
      TURNO_TEST_HOME: join(dir, 'home'),
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

  it('fails clearly and never flushes when the pid now belongs to another process', async () => {
    await startDaemon(process.pid);

    const { code, stderr, record } = await run('pm2-flush');

    expect(code).toBe(daemonDownExit);
    expect(stderr).toContain(`pid ${process.pid} in ${target.home}/pm2.pid is not a PM2 process`);
    expect(record).not.toContain('pm2 flush');
  });

  it('flushes as ssm-user with PM2_HOME set, finding pm2 on its login PATH', async () => {
    await startDaemon();

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

  it('fails with the pm2-failed code and pm2\'s own words when pm2 flush fails', async () => {
    await startDaemon();
    await writeFile(join(target.home, 'flush-fails'), '');

    const { code, stdout, stderr, record } = await run('pm2-flush');

    expect(record).toContain('pm2 flush | user=ssm-user');
    expect(code).toBe(pm2FailedExit);
    expect(stderr).toContain('EACCES: permission denied');
    expect(stderr).toContain('turno: pm2 flush failed (exit 2)');
    expect(stdout).not.toContain('turno:disk-after');
  });

  it('uses the configured pm2 where no PATH has it', async () => {
    await startDaemon();
    await mkdir(join(dir, 'opt'));
    await writeFile(join(dir, 'opt', 'pm2'), fakePm2);
    await chmod(join(dir, 'opt', 'pm2'), 0o755);
    await rm(join(dir, 'nvm', 'bin', 'pm2'));
    target = { ...target, pm2Bin: join(dir, 'opt', 'pm2') };

    const { code, record } = await run('pm2-flush');

    expect(code).toBe(0);
    expect(record).toContain(`pm2 flush | user=ssm-user | PM2_HOME=${target.home}\n`);
  });

  it('says so when neither the configuration nor the app user can find pm2', async () => {
    await startDaemon();
    await rm(join(dir, 'nvm', 'bin', 'pm2'));

    const { code, stderr, record } = await run('pm2-flush');

    expect(code).toBe(notFoundExit);
    expect(stderr).toContain('pm2 is not on the PATH of ssm-user');
    expect(record).not.toContain('pm2 flush');
  });

  it('lists processes without letting their environment leave the host', async () => {
    await startDaemon();

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
    await startDaemon();

    const { code, stdout, record } = await run('pm2-logs', { process: 2, lines: 50 } as never);

    expect(code).toBe(0);
    expect(record).toContain('pm2 logs 2 --lines 50 --nostream --raw | user=ssm-user');
    expect(stdout).toBe('main: 30.151s\n');
  });

  it('fails with pm2\'s own words when pm2 logs fails', async () => {
    await startDaemon();

    const { code, stdout, stderr } = await run('pm2-logs', { process: 9, lines: 50 } as never);

    expect(code).toBe(pm2FailedExit);
    expect(stdout).toBe('');
    expect(stderr).toContain('process or namespace 9 not found');
    expect(stderr).toContain('turno: pm2 logs failed (exit 1)');
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
