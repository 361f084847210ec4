import { afterEach, describe, expect, it } from 'vitest';
import type { CronCommand, CronHostPort } from '../cron-host.ts';

export interface CronHostSeed {
  now: () => Date;
  daemonRunning: boolean;
}

export type MakeCronHost = (seed: CronHostSeed) => { port: CronHostPort; close?: () => void };

/**
 * What Turno relies on from the cron host, run against the sandbox and the SSM adapter so they
 * cannot drift apart.
 */
export function describeCronHostContract(label: string, make: MakeCronHost): void {
  describe(`CronHostPort contract: ${label}`, () => {
    let clock = 0;
    let close: (() => void) | undefined;

    afterEach(() => close?.());

    function start(daemonRunning = true): CronHostPort {
      clock = Date.parse('2025-06-02T18:00:00Z');
      const made = make({ now: () => new Date(clock), daemonRunning });
      close = made.close;
      return made.port;
    }

    async function finished(port: CronHostPort, kind: Parameters<CronHostPort['startCommand']>[0],
      args?: Parameters<CronHostPort['startCommand']>[1]): Promise<CronCommand | null> {
      const { commandId } = await port.startCommand(kind, args);
      clock += 60_000;
      return port.getCommand(commandId);
    }

    it('answers with a command id at once and reports it not yet done', async () => {
      const port = start();

      const { commandId } = await port.startCommand('pm2-list');
      const command = await port.getCommand(commandId);

      expect(commandId).toMatch(/^[0-9a-f-]{36}$/);
      expect(command).toMatchObject({ commandId, kind: 'pm2-list' });
      expect(['pending', 'running']).toContain(command?.status);
    });

    it('lists the three pm2 processes of the inventory once done', async () => {
      const command = await finished(start(), 'pm2-list');

      expect(command?.status).toBe('success');
      const processes = command?.output?.kind === 'pm2-list' ? command.output.processes : [];
      expect(processes.map(({ id, name, status }) => ({ id, name, status }))).toEqual([
        { id: 0, name: 'Linde-Ocurrences', status: 'online' },
        { id: 1, name: 'Linde-Locations', status: 'online' },
        { id: 2, name: 'Linde-External', status: 'online' },
      ]);
      for (const p of processes) expect(p.memoryMb).toBeGreaterThan(60);
    });

    it('reads disk use as a percentage of the root filesystem', async () => {
      const command = await finished(start(), 'disk');

      const disk = command?.output?.kind === 'disk' ? command.output.disk : null;
      expect(disk?.usePercent).toBeGreaterThan(0);
      expect(disk?.usePercent).toBeLessThanOrEqual(100);
      expect(disk?.sizeGiB).toBeGreaterThan(disk?.usedGiB ?? Infinity);
    });

    it('flushes and reports the disk before and after, after lower', async () => {
      const command = await finished(start(), 'pm2-flush');

      const output = command?.output?.kind === 'pm2-flush' ? command.output : null;
      expect(command?.status).toBe('success');
      expect(output?.diskAfter?.usePercent).toBeLessThan(output?.diskBefore?.usePercent ?? 0);
    });

    it('tails one process log as text', async () => {
      const command = await finished(start(), 'pm2-logs', { process: 0, lines: 20 });

      expect(command?.output?.kind === 'pm2-logs' && command.output.text).toMatch(/main: \d/);
    });

    it('fails a flush clearly when the pm2 daemon is down, and still reads disk', async () => {
      const port = start(false);

      const flush = await finished(port, 'pm2-flush');
      const disk = await finished(port, 'disk');

      expect(flush).toMatchObject({ status: 'failed' });
      expect(flush?.error).toMatch(/pm2 daemon of ssm-user is not running/);
      expect(disk?.status).toBe('success');
    });

    it.each([
      ['a process that is not a number', { process: 'Linde-External' }],
      ['a line count of zero', { process: 1, lines: 0 }],
      ['no process', {}],
    ])('refuses a log request with %s', async (_name, args) => {
      await expect(start().startCommand('pm2-logs', args))
        .rejects.toMatchObject({ code: 'validation_failed' });
    });

    it('answers null for a command it never started', async () => {
      expect(await start().getCommand('3f1c2a9e-7b4d-4e2f-9a1c-5d6e7f8a9b0c')).toBeNull();
    });
  });
}
