import { inventoryPm2Target, pm2TargetRules, type Pm2Target } from '@turno/shared';
import type { CronCommandKind, ValidCommandArgs } from '../cron-host.ts';

/** The exit code of every "the daemon is not running" failure, so the route can name it. */
export const daemonDownExit = 64;
/** pm2 or node cannot be found for the app user. */
export const notFoundExit = 65;
/** pm2 itself failed; its own words are on stderr. */
export const pm2FailedExit = 66;

// Keeps the env (with its secrets) on the host: only the fields Turno shows cross SSM.
const jlistFilter = 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{'
  + 'const a=JSON.parse(s.slice(s.indexOf("[")));process.stdout.write(JSON.stringify(a.map(p=>({'
  + 'pm_id:p.pm_id,name:p.name,pm2_env:{status:(p.pm2_env||{}).status,'
  + 'restart_time:(p.pm2_env||{}).restart_time,pm_uptime:(p.pm2_env||{}).pm_uptime},'
  + 'monit:{memory:(p.monit||{}).memory}})))+"\\n")})';

/**
 * Run Command runs as root with no HOME and root's PATH: a bare `pm2` would start a new, empty
 * daemon and report success, and pm2 installed with nvm is not on that PATH at all. So pm2 and
 * node are looked up by the app user's login shell (or pm2 is configured), every pm2 call runs
 * as that user against its PM2_HOME, and only after the daemon's socket and pid file show it
 * alive and the pid is really PM2's (a reused pid answers `kill -0` too; `pm2 ping` would
 * start a daemon).
 */
function prelude(target: Pm2Target): string[] {
  return [
    'set -eu',
    `app_user=${quote(target.user)}`,
    `PM2_HOME=${quote(target.home)}`,
    `pm2_bin=${quote(target.pm2Bin ?? '')}`,
    'down() {',
    '  echo "turno: the pm2 daemon of $app_user is not running ($1)" >&2',
    `  exit ${daemonDownExit}`,
    '}',
    `missing() { echo "turno: $1" >&2; exit ${notFoundExit}; }`,
    `failed() { echo "turno: pm2 $1 failed (exit $2)" >&2; exit ${pm2FailedExit}; }`,
    'if [ ! -S "$PM2_HOME/rpc.sock" ]; then down "no socket $PM2_HOME/rpc.sock"; fi',
    'pid=$(cat "$PM2_HOME/pm2.pid" 2>/dev/null || true)',
    'case "$pid" in',
    `  ''|*[!0-9]*) down "no pid in $PM2_HOME/pm2.pid" ;;`,
    'esac',
    'if ! kill -0 "$pid" 2>/dev/null; then down "pid $pid in $PM2_HOME/pm2.pid is gone"; fi',
    `if ! tr '\\000' ' ' < "/proc/$pid/cmdline" 2>/dev/null | grep -q 'PM2'; then`,
    '  down "pid $pid in $PM2_HOME/pm2.pid is not a PM2 process"',
    'fi',
    'user_shell=$(command -v bash || command -v sh)',
    'user_lookup() {',
    '  sudo -n -H -u "$app_user" "$user_shell" -lc "command -v $1" </dev/null 2>/dev/null \\',
    '    | tail -n 1 || true',
    '}',
    'if [ -z "$pm2_bin" ]; then pm2_bin=$(user_lookup pm2); fi',
    'case "$pm2_bin" in',
    '  /*) [ -x "$pm2_bin" ] || missing "$pm2_bin is not an executable" ;;',
    '  *) missing "pm2 is not on the PATH of $app_user" ;;',
    'esac',
    'bin_dir=$(dirname "$pm2_bin")',
    // pm2 starts with `#!/usr/bin/env node`: the node beside it (nvm's) must come first.
    'as_app() {',
    '  sudo -n -H -u "$app_user" env PM2_HOME="$PM2_HOME" PATH="$bin_dir:$PATH" "$pm2_bin" "$@"',
    '}',
  ];
}

/** node for the jlist filter: the one beside pm2, else the app user's. */
const findNode = [
  'node_bin="$bin_dir/node"',
  'if [ ! -x "$node_bin" ]; then node_bin=$(user_lookup node); fi',
  'case "$node_bin" in /*) ;; *) missing "node is not on the PATH of $app_user" ;; esac',
];

const diskLine = (label: string) => `echo "turno:${label} $(df -P -k / | tail -n 1)"`;

/** The fixed script for a kind, as the lines of AWS-RunShellScript's `commands`. */
export function pm2Script(
  kind: CronCommandKind, args: ValidCommandArgs, target: Pm2Target = inventoryPm2Target,
): string[] {
  const { user, path } = pm2TargetRules;
  if (!user.test(target.user) || !path.test(target.home)
    || (target.pm2Bin !== null && !path.test(target.pm2Bin))) {
    throw new Error('pm2 target user, home or binary has characters a script must not carry');
  }
  switch (kind) {
    case 'disk':
      return ['set -eu', 'df -P -k /'];
    case 'pm2-list':
      return [
        ...prelude(target), ...findNode,
        'list=$(as_app jlist) || failed jlist $?',
        `printf '%s\\n' "$list" | "$node_bin" -e '${jlistFilter}'`,
      ];
    case 'pm2-logs': {
      const id = wholeNumber(args.process, 'process');
      const lines = wholeNumber(args.lines, 'lines');
      // A pipe into tail would hide a failing pm2; SSM keeps only the first 24,000 characters
      // of output, so the newest end is sent.
      return [
        ...prelude(target),
        `log=$(as_app logs ${id} --lines ${lines} --nostream --raw 2>&1) || {`,
        '  status=$?',
        `  printf '%s\\n' "$log" | tail -c 2000 >&2`,
        '  failed logs "$status"',
        '}',
        `printf '%s\\n' "$log" | tail -c 20000`,
      ];
    }
    case 'pm2-flush':
      // Under `set -eu` a bare failing flush would exit with pm2's own code, not pm2FailedExit.
      return [
        ...prelude(target),
        diskLine('disk-before'),
        'flushed=$(as_app flush 2>&1) || {',
        '  status=$?',
        `  printf '%s\\n' "$flushed" | tail -c 2000 >&2`,
        '  failed flush "$status"',
        '}',
        `printf '%s\\n' "$flushed"`,
        diskLine('disk-after'),
      ];
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
