import type { CronCommandKind, ValidCommandArgs } from '../cron-host.ts';

/** Whose pm2 daemon the scripts talk to: the inventory's `ssm-user` and its PM2_HOME. */
export interface Pm2Target {
  user: string;
  home: string;
}

export const inventoryPm2Target: Pm2Target = { user: 'ssm-user', home: '/home/ssm-user/.pm2' };

/** The exit code of every "the daemon is not running" failure, so the route can name it. */
export const daemonDownExit = 64;

const safeUser = /^[a-z_][a-z0-9_-]{0,31}$/;
const safeHome = /^\/[A-Za-z0-9._/-]+$/;

// Keeps the env (with its secrets) on the host: only the fields Turno shows cross SSM.
const jlistFilter = 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{'
  + 'const a=JSON.parse(s.slice(s.indexOf("[")));process.stdout.write(JSON.stringify(a.map(p=>({'
  + 'pm_id:p.pm_id,name:p.name,pm2_env:{status:(p.pm2_env||{}).status,'
  + 'restart_time:(p.pm2_env||{}).restart_time,pm_uptime:(p.pm2_env||{}).pm_uptime},'
  + 'monit:{memory:(p.monit||{}).memory}})))+"\\n")})';

/**
 * Run Command runs as root with no HOME: a bare `pm2` would start a new, empty daemon and
 * report success. So every pm2 call runs as the app user against its PM2_HOME, and only after
 * the daemon's socket and pid file show it alive (`pm2 ping` would start one).
 */
function prelude(target: Pm2Target): string[] {
  const down = (why: string) =>
    `echo "turno: the pm2 daemon of $app_user is not running (${why})" >&2; exit ${daemonDownExit}`;
  return [
    'set -eu',
    `app_user=${quote(target.user)}`,
    `PM2_HOME=${quote(target.home)}`,
    'if [ ! -S "$PM2_HOME/rpc.sock" ]; then',
    `  ${down('no socket $PM2_HOME/rpc.sock')}`,
    'fi',
    'pid=$(cat "$PM2_HOME/pm2.pid" 2>/dev/null || true)',
    'case "$pid" in',
    `  ''|*[!0-9]*) ${down('no pid in $PM2_HOME/pm2.pid')} ;;`,
    'esac',
    'if ! kill -0 "$pid" 2>/dev/null; then',
    `  ${down('pid $pid in $PM2_HOME/pm2.pid is gone')}`,
    'fi',
    'pm2_bin=$(command -v pm2 || true)',
    'if [ -z "$pm2_bin" ]; then echo "turno: pm2 is not on the PATH" >&2; exit 65; fi',
    'as_app() {',
    '  sudo -n -H -u "$app_user" env PM2_HOME="$PM2_HOME" PATH="$PATH" "$pm2_bin" "$@"',
    '}',
  ];
}

const diskLine = (label: string) => `echo "turno:${label} $(df -P -k / | tail -n 1)"`;

/** The fixed script for a kind, as the lines of AWS-RunShellScript's `commands`. */
export function pm2Script(
  kind: CronCommandKind, args: ValidCommandArgs, target: Pm2Target = inventoryPm2Target,
): string[] {
  if (!safeUser.test(target.user) || !safeHome.test(target.home)) {
    throw new Error('pm2 target user or home has characters a script must not carry');
  }
  switch (kind) {
    case 'disk':
      return ['set -eu', 'df -P -k /'];
    case 'pm2-list':
      return [...prelude(target), `as_app jlist | node -e '${jlistFilter}'`];
    case 'pm2-logs': {
      const id = wholeNumber(args.process, 'process');
      const lines = wholeNumber(args.lines, 'lines');
      // SSM keeps the first 24,000 characters of output: send the newest end instead.
      return [
        ...prelude(target),
        `as_app logs ${id} --lines ${lines} --nostream --raw 2>&1 | tail -c 20000`,
      ];
    }
    case 'pm2-flush':
      return [...prelude(target), diskLine('disk-before'), 'as_app flush', diskLine('disk-after')];
  }
}

function wholeNumber(value: number | undefined, name: string): string {
  if (value === undefined || !Number.isSafeInteger(value) || value < 0) {
    throw new Error(`${name} must be a whole number`);
  }
  return String(value);
}

function quote(value: string): string {
  return `'${value.replaceAll("'", `'\\''`)}'`;
}
