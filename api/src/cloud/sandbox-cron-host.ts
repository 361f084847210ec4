import { randomUUID } from 'node:crypto';
import type { DiskUse } from '@turno/shared';
import {
  validCommandArgs, type CronCommand, type CronCommandKind, type CronCommandOutput,
  type CronHostPort, type ValidCommandArgs,
} from './cron-host.ts';
import { sandboxPm2Processes } from './sandbox-inventory.ts';
import { sandboxPm2Log } from './sandbox-pm2-log.ts';

export interface SandboxCronHostOptions {
  now: () => Date;
  /** False to practise the "daemon not running" failure. */
  daemonRunning?: boolean;
  /** What `snapshot()` returned before a restart. */
  restore?: SandboxCronHostSnapshot;
}

/** The host as it stands: its logs, pm2's processes and daemon, and the latest commands. */
export interface SandboxCronHostSnapshot {
  createdAt: number;
  flushedAt: number | null;
  logs: { gib: number; at: number };
  statuses: Array<[number, string]>;
  daemonRunning: boolean;
  commands: Started[];
}

/** SSM keeps results for weeks; the sandbox keeps the latest few across a restart. */
const keptCommands = 20;

interface Started {
  commandId: string;
  kind: CronCommandKind;
  args: ValidCommandArgs;
  startedAt: number;
  result?: Pick<CronCommand, 'status' | 'output' | 'error'>;
}

export const sandboxCronInstanceId = 'i-0a1b2c3d4e5f60002';
/** On the sandbox clock: queued this long, done after `commandMs`. */
export const sandboxCommandMs = 2_000;
const queuedMs = 300;
const hourMs = 3_600_000;
// A t3a.small's 8 GiB root: the system, plus pm2 logs that grow until someone flushes them.
const diskGiB = 8;
const systemGiB = 2.9;
const startLogsGiB = 2.3;
const logsGiBPerHour = 0.04;
const uptimeAtStartS = [275_400, 275_380, 71_950];
const restarts = [0, 0, 2];

/** The sandbox's drills on flotas-cron-arc. */
export interface SandboxCronDrills {
  /** A pm2 process (by name) in another status: stopped, errored … */
  setProcessStatus(name: string, status: string): void;
  /** The pm2 daemon of ssm-user gone (false) or back (true). */
  setDaemonRunning(running: boolean): void;
  /** The disk filled with logs up to this use, growing on from there. */
  fillDisk(usePercent: number): void;
  reset(): void;
}

export interface SandboxCronHost extends CronHostPort {
  readonly drills: SandboxCronDrills;
  snapshot(): SandboxCronHostSnapshot;
}

/** flotas-cron-arc as the runbook shows it: three pm2 processes and a disk filling with logs. */
export function createSandboxCronHost(options: SandboxCronHostOptions): SandboxCronHost {
  const { now, restore } = options;
  const createdAt = restore?.createdAt ?? now().getTime();
  const commands = new Map<string, Started>(
    structuredClone(restore?.commands ?? []).map((command) => [command.commandId, command]),
  );
  let flushedAt: number | null = restore?.flushedAt ?? null;
  // Logs weigh `logs.gib` at `logs.at` and grow from there; a flush empties them.
  let logs = { ...(restore?.logs ?? { gib: startLogsGiB, at: createdAt }) };
  const statuses = new Map<number, string>(restore?.statuses ?? []);
  let daemonRunning = restore?.daemonRunning ?? options.daemonRunning !== false;

  function disk(at: number): DiskUse {
    const logsGiB = logs.gib + ((at - logs.at) / hourMs) * logsGiBPerHour;
    const used = Math.min(diskGiB * 0.99, systemGiB + logsGiB);
    const round = (n: number) => Math.round(n * 100) / 100;
    return {
      usePercent: Math.ceil((used / diskGiB) * 100),
      sizeGiB: diskGiB, usedGiB: round(used), availableGiB: round(diskGiB - used),
    };
  }

  function run(command: Started, at: number): Started['result'] {
    const { kind, args } = command;
    if (kind !== 'disk' && !daemonRunning) {
      const error = 'turno: the pm2 daemon of ssm-user is not running '
        + '(no socket /home/ssm-user/.pm2/rpc.sock)';
      return { status: 'failed', error };
    }
    let output: CronCommandOutput;
    if (kind === 'disk') output = { kind, disk: disk(at) };
    else if (kind === 'pm2-flush') {
      const diskBefore = disk(at);
      flushedAt = at;
      logs = { gib: 0, at };
      output = { kind, diskBefore, diskAfter: disk(at) };
    } else if (kind === 'pm2-list') {
      output = {
        kind,
        processes: sandboxPm2Processes.map((p, i) => {
          const status = statuses.get(p.id) ?? p.status;
          return status === 'online' ? {
            ...p,
            restarts: restarts[i] ?? 0,
            uptimeSeconds: (uptimeAtStartS[i] ?? 0) + Math.floor((at - createdAt) / 1000),
          } : { ...p, status, memoryMb: 0, restarts: restarts[i] ?? 0, uptimeSeconds: null };
        }),
      };
    } else {
      const process = sandboxPm2Processes.find((p) => p.id === args.process);
      if (!process) {
        return { status: 'failed', error: `[PM2][ERROR] Process ${args.process} not found` };
      }
      const since = Math.max(flushedAt ?? createdAt - 7 * 24 * hourMs, at - args.lines * 30_000);
      output = { kind, text: sandboxPm2Log(process.name, since, at), truncated: false };
    }
    return { status: 'success', output };
  }

  /** Finishes, in order, every command whose time has come: a flush empties later reads. */
  function settle(): void {
    const at = now().getTime();
    const due = [...commands.values()]
      .filter((c) => !c.result && c.startedAt + sandboxCommandMs <= at)
      .sort((a, b) => a.startedAt - b.startedAt);
    for (const command of due) command.result = run(command, command.startedAt + sandboxCommandMs);
  }

  const drills: SandboxCronDrills = {
    setProcessStatus(name, status) {
      const process = sandboxPm2Processes.find((p) => p.name === name);
      if (!process) throw new Error(`The sandbox has no pm2 process ${name}`);
      statuses.set(process.id, status);
    },
    setDaemonRunning(running) {
      daemonRunning = running;
    },
    fillDisk(usePercent) {
      // df rounds its Use% up: half a point under shows as exactly `usePercent`.
      logs = { gib: ((usePercent - 0.5) / 100) * diskGiB - systemGiB, at: now().getTime() };
    },
    reset() {
      statuses.clear();
      daemonRunning = options.daemonRunning !== false;
      logs = { gib: startLogsGiB, at: createdAt };
      flushedAt = null;
    },
  };

  return {
    instanceId: sandboxCronInstanceId,
    drills,

    snapshot: () => structuredClone({
      createdAt, flushedAt, logs, statuses: [...statuses], daemonRunning,
      commands: [...commands.values()].sort((a, b) => a.startedAt - b.startedAt)
        .slice(-keptCommands),
    }),

    async startCommand(kind, args) {
      const commandId = randomUUID();
      const valid = validCommandArgs(kind, args);
      commands.set(commandId, { commandId, kind, args: valid, startedAt: now().getTime() });
      return { commandId };
    },

    async getCommand(commandId) {
      settle();
      const command = commands.get(commandId);
      if (!command) return null;
      const { kind } = command;
      if (command.result) return { commandId, kind, ...structuredClone(command.result) };
      const queued = now().getTime() - command.startedAt < queuedMs;
      return { commandId, kind, status: queued ? 'pending' : 'running' };
    },
  };
}
