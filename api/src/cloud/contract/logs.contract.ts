import { afterEach, describe, expect, it } from 'vitest';
import type { LogsPort } from '../logs.ts';

export type MakeLogs = (now: () => Date) => { port: LogsPort; close?: () => void };

/** What Turno relies on from the app's log group, for the sandbox and the AWS adapter alike. */
export function describeLogsContract(label: string, make: MakeLogs): void {
  describe(`LogsPort contract: ${label}`, () => {
    const now = new Date('2025-06-02T18:00:00Z');
    let close: (() => void) | undefined;
    const start = () => {
      const made = make(() => now);
      close = made.close;
      return made.port;
    };

    afterEach(() => close?.());

    it('names the backend-task log group', () => {
      expect(start().groupName).toBe('aws/ec2/flotas-develop-cluster/task-definition/backend-task');
    });

    it('answers the newest error lines first, at most the limit, redacted', async () => {
      const { lines, windowHours } = await start().recentErrors(3);

      expect(lines).toHaveLength(3);
      const times = lines.map((l) => Date.parse(l.at));
      expect([...times].sort((a, b) => b - a)).toEqual(times);
      expect(times[0]).toBeLessThanOrEqual(now.getTime());
      expect(lines[0]?.message).toContain('ECONNREFUSED');
      expect(windowHours).toBeGreaterThanOrEqual(1);
      expect(JSON.stringify(lines)).not.toMatch(/token=(?!\[redacted\])/);
    });

    it('widens the window to find older errors when asked for more', async () => {
      const { lines, windowHours } = await start().recentErrors(100);

      expect(lines.length).toBeGreaterThan(3);
      expect(windowHours).toBe(72);
    });

    it('starts with no retention, keeps one it accepts and can drop it again', async () => {
      const port = start();

      expect(await port.getRetention()).toBeNull();
      await port.setRetention(30);
      expect(await port.getRetention()).toBe(30);
      await port.setRetention(null);
      expect(await port.getRetention()).toBeNull();
    });

    it('refuses a period CloudWatch does not accept', async () => {
      await expect(start().setRetention(45 as never))
        .rejects.toMatchObject({ code: 'validation_failed' });
    });

    it('refuses a limit outside 1–100', async () => {
      await expect(start().recentErrors(0)).rejects.toMatchObject({ code: 'validation_failed' });
    });
  });
}
