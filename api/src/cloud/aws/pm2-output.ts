import type { DiskUse } from '@turno/shared';
import type { CronCommandKind, CronCommandOutput, Pm2Process } from '../cron-host.ts';

/** The output of a script could not be read: the command is reported failed with this. */
export class OutputError extends Error {
  override readonly name = 'OutputError';
}

interface JlistEntry {
  pm_id?: unknown;
  name?: unknown;
  pm2_env?: { status?: unknown; restart_time?: unknown; pm_uptime?: unknown };
  monit?: { memory?: unknown };
}

const mib = 1024 * 1024;
const kibPerGib = 1024 * 1024;

/** `pm2 jlist` (whole or as the script filters it) → the processes Turno shows. */
export function parseJlist(text: string, at: Date): Pm2Process[] {
  const start = text.indexOf('[');
  const end = text.lastIndexOf(']');
  let entries: unknown;
  try {
    entries = JSON.parse(text.slice(start, end + 1));
  } catch {
    throw new OutputError('pm2 jlist did not print a JSON list');
  }
  if (start < 0 || !Array.isArray(entries)) throw new OutputError('pm2 jlist: no list');
  return entries.map((raw: JlistEntry) => {
    const status = typeof raw.pm2_env?.status === 'string' ? raw.pm2_env.status : 'unknown';
    const since = num(raw.pm2_env?.pm_uptime);
    return {
      id: num(raw.pm_id) ?? -1,
      name: typeof raw.name === 'string' ? raw.name : '?',
      status,
      memoryMb: Math.round(((num(raw.monit?.memory) ?? 0) / mib) * 10) / 10,
      restarts: num(raw.pm2_env?.restart_time) ?? 0,
      uptimeSeconds: status === 'online' && since !== null
        ? Math.max(0, Math.floor((at.getTime() - since) / 1000))
        : null,
    };
  });
}

/** One data row of `df -P -k`: filesystem, 1024-blocks, used, available, capacity, mount. */
export function parseDfRow(row: string): DiskUse {
  const fields = row.trim().split(/\s+/);
  const [size, used, available, capacity] = fields.slice(-5, -1).map((f) => f.replace('%', ''));
  const numbers = [size, used, available, capacity].map(Number);
  if (fields.length < 6 || numbers.some((n) => !Number.isFinite(n))) {
    throw new OutputError(`df printed an unexpected row: ${row.slice(0, 120)}`);
  }
  const [sizeKib = 0, usedKib = 0, availableKib = 0, usePercent = 0] = numbers;
  const gib = (kib: number) => Math.round((kib / kibPerGib) * 100) / 100;
  return {
    usePercent, sizeGiB: gib(sizeKib), usedGiB: gib(usedKib), availableGiB: gib(availableKib),
  };
}

/** `df -P -k /`: a header, then the row of the root filesystem. */
export function parseDf(text: string): DiskUse {
  const rows = text.trim().split('\n').filter((line) => !/^Filesystem\s/.test(line));
  const row = rows.at(-1);
  if (!row) throw new OutputError('df printed nothing');
  return parseDfRow(row);
}

function marked(text: string, label: string): DiskUse | null {
  const line = text.split('\n').find((l) => l.startsWith(`turno:${label} `));
  return line ? parseDfRow(line.slice(`turno:${label} `.length)) : null;
}

/** Reads a successful command's standard output as its kind prints it. */
export function parseOutput(
  kind: CronCommandKind, stdout: string, at: Date, maxText = 20_000,
): CronCommandOutput {
  switch (kind) {
    case 'pm2-list':
      return { kind, processes: parseJlist(stdout, at) };
    case 'disk':
      return { kind, disk: parseDf(stdout) };
    case 'pm2-flush':
      return {
        kind,
        diskBefore: marked(stdout, 'disk-before'),
        diskAfter: marked(stdout, 'disk-after'),
      };
    case 'pm2-logs': {
      const truncated = stdout.length > maxText;
      return { kind, text: truncated ? stdout.slice(-maxText) : stdout, truncated };
    }
  }
}

function num(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}
